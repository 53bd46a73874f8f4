import { closest, editDistance, suggestCommand } from '../../../src/flows/suggest';

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

describe('suggestCommand', () => {
  const commands = ['help', 'checkin', 'checkin round start', 'checkin status', 'person add', 'people', 'my data'];
  it('finds a command typed with its words in another order, typos allowed, longest first', () => {
    expect(suggestCommand('round start checkin', commands)).toBe('checkin round start');
    expect(suggestCommand('status checkin', commands)).toBe('checkin status');
    expect(suggestCommand('add person', commands)).toBe('person add');
    expect(suggestCommand('round strat chekin', commands)).toBe('checkin round start');
    expect(suggestCommand('data my', commands)).toBe('my data');
  });

  it('still catches a typo of the first words, and gives up on nonsense', () => {
    expect(suggestCommand('chekin', commands)).toBe('checkin');
    expect(suggestCommand('peple please', commands)).toBe('people');
    expect(suggestCommand('zzzz qqqq', commands)).toBeNull();
    expect(suggestCommand('   ', commands)).toBeNull();
  });
});
