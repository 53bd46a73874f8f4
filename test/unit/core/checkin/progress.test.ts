import { nextStep, progressOf } from '../../../../src/core/checkin/progress';

const checkin = {
  itemIds: ['a', 'b', 'c', 'd', 'e'],
  prefill: { b: { value: 'yes', source: 'last-round' as const }, d: { value: '0', source: 'last-round' as const } },
};
const answers = (...ids: string[]) => ids.map((itemId) => ({ itemId }));

describe('progress', () => {
  it('counts answered items and splits what is left', () => {
    expect(progressOf(checkin, answers('a', 'b'))).toEqual({
      answered: 2,
      total: 5,
      prefillPending: ['d'],
      unanswered: ['c', 'e'],
      complete: false,
    });
    expect(progressOf(checkin, answers('a', 'b', 'c', 'd', 'e')).complete).toBe(true);
  });

  it('counts an item once however often it is answered', () => {
    expect(progressOf(checkin, answers('a', 'a', 'a')).answered).toBe(1);
  });

  it('shows the pre-filled answers first, then each item in order', () => {
    expect(nextStep(checkin, [])).toEqual({ kind: 'prefill', itemIds: ['b', 'd'] });
    expect(nextStep(checkin, answers('b', 'd'))).toEqual({ kind: 'item', itemId: 'a' });
    expect(nextStep(checkin, answers('b', 'd', 'a'), 'a')).toEqual({ kind: 'item', itemId: 'c' });
    expect(nextStep(checkin, answers('a', 'b', 'c', 'd', 'e'))).toEqual({ kind: 'done' });
  });

  it('moves past a skipped item and pauses at the end', () => {
    expect(nextStep(checkin, answers('b', 'd'), 'a')).toEqual({ kind: 'item', itemId: 'c' });
    expect(nextStep(checkin, answers('b', 'd', 'c'), 'e')).toEqual({ kind: 'paused', remaining: ['a', 'e'] });
  });
});
