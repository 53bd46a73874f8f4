import { dailyAt } from '../../../src/calendar/daily';

describe('dailyAt', () => {
  it('gives 10:00 London on each day in (from, upTo], in BST and in GMT', () => {
    expect(dailyAt('10:00', new Date('2026-10-23T12:00:00Z'), new Date('2026-10-26T12:00:00Z')).map((d) => d.toISOString())).toEqual([
      '2026-10-24T09:00:00.000Z',
      '2026-10-25T10:00:00.000Z',
      '2026-10-26T10:00:00.000Z',
    ]);
  });

  it('leaves out the instant at `from` and includes the one at `upTo`', () => {
    const at = new Date('2026-09-15T09:00:00Z');
    expect(dailyAt('10:00', at, new Date(at.getTime() + 60_000))).toEqual([]);
    expect(dailyAt('10:00', new Date(at.getTime() - 60_000), at)).toEqual([at]);
  });
});
