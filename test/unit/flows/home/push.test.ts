import { minuteEnd } from '../../../../src/flows/home/push';

describe('minuteEnd (the minute a push refresh is due at)', () => {
  it('puts a change inside a minute at that minute’s end', () => {
    expect(new Date(minuteEnd(new Date('2026-09-15T14:45:10.500Z'))).toISOString()).toBe('2026-09-15T14:46:00.000Z');
  });

  it('keeps a change on the minute in the minute it ends', () => {
    expect(new Date(minuteEnd(new Date('2026-09-15T14:46:00.000Z'))).toISOString()).toBe('2026-09-15T14:46:00.000Z');
    expect(new Date(minuteEnd(new Date('2026-09-15T14:46:00.001Z'))).toISOString()).toBe('2026-09-15T14:47:00.000Z');
  });
});
