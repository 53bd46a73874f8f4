import { closest, editDistance } from '../../../src/flows/suggest';

describe('editDistance', () => {
  it.each([
    ['help', 'help', 0],
    ['hepl', 'help', 1],
    ['hlp', 'help', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('%s -> %s = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

describe('closest', () => {
  const words = ['help', 'profile', 'schools', 'my data'];
  it('finds typos and prefixes, and gives up on nonsense', () => {
    expect(closest('profil', words)).toBe('profile');
    expect(closest('sch', words)).toBe('schools');
    expect(closest('zzzzzz', words)).toBeNull();
    expect(closest('', words)).toBeNull();
  });
});
