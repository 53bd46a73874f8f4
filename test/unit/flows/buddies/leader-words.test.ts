import { groupSizeOf } from '../../../../src/flows/buddies/leader';

describe('buddies match: pairs or clusters', () => {
  it.each([
    ['', 2],
    ['pairs', 2],
    ['clusters 3', 3],
    ['Clusters of 4', 4],
    ['groups  3', 3],
    ['cluster 4', 4],
  ])('reads "%s" as groups of %s', (words, size) => expect(groupSizeOf(words)).toBe(size));

  it.each(['clusters', 'clusters 5', 'clusters 2', 'threes', '3'])('refuses "%s"', (words) => expect(groupSizeOf(words)).toBeNull());
});
