import { DeferBatch } from '../../../src/scheduler/defer-batch';

describe('DeferBatch', () => {
  it('writes rows given back together for one due time in one call, and others apart', async () => {
    const writes: Array<[string[], number]> = [];
    const batch = new DeferBatch(async (ids, due) => void writes.push([[...ids], due.getTime()]));
    await Promise.all([
      batch.defer('a', new Date(5_000)),
      batch.defer('b', new Date(5_000)),
      batch.defer('c', new Date(6_000)),
      batch.defer('d', new Date(5_000)),
    ]);
    expect(writes).toEqual([
      [['a', 'b', 'd'], 5_000],
      [['c'], 6_000],
    ]);
    await batch.defer('e', new Date(5_000));
    expect(writes.at(-1)).toEqual([['e'], 5_000]);
  });

  it('fails every row of a batch whose write fails, and the next batch starts afresh', async () => {
    let fail = true;
    const batch = new DeferBatch(async () => {
      if (fail) throw new Error('database down');
    });
    const results = await Promise.allSettled([batch.defer('a', new Date(1)), batch.defer('b', new Date(1))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(batch.defer('c', new Date(1))).resolves.toBeUndefined();
  });
});
