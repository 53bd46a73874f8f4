import type { Housekeeping, RetentionPolicy } from '../../../src/core/housekeeping-port';
import { memoryLogger } from '../../../src/logger';
import { housekeepingSource } from '../../../src/scheduler/housekeeping-source';

describe('housekeepingSource', () => {
  const calls: Array<{ now: Date; policy: RetentionPolicy }> = [];
  const housekeeping: Housekeeping = {
    prune: async (now, policy) => {
      calls.push({ now, policy });
      return { receipts: 3, outbox: 2, outboxEmptied: 6, jobs: 1, imports: 4, conversations: 5, files: 0, rateLimits: 0, paces: 0 };
    },
  };
  const source = housekeepingSource(housekeeping, memoryLogger());

  it('is due once a day at 02:30 UTC, with one key per London date', async () => {
    const due = await source.due(new Date('2026-11-23T00:00:00Z'), new Date('2026-11-25T12:00:00Z'));
    expect(due.map((d) => [d.key, d.dueAt.toISOString()])).toEqual([
      ['housekeeping:prune:2026-11-23', '2026-11-23T02:30:00.000Z'],
      ['housekeeping:prune:2026-11-24', '2026-11-24T02:30:00.000Z'],
      ['housekeeping:prune:2026-11-25', '2026-11-25T02:30:00.000Z'],
    ]);
  });

  it('excludes an occurrence exactly at `from` and includes one exactly at `upTo`', async () => {
    expect(await source.due(new Date('2026-11-23T02:30:00Z'), new Date('2026-11-23T23:00:00Z'))).toEqual([]);
    expect((await source.due(new Date('2026-11-23T02:29:00Z'), new Date('2026-11-23T02:30:00Z'))).length).toBe(1);
  });

  it('prunes as of the occurrence time and reports the counts', async () => {
    const [occurrence] = await source.due(new Date('2026-11-23T00:00:00Z'), new Date('2026-11-23T03:00:00Z'));
    expect(await occurrence!.run()).toBe('pruned receipts=3 outbox=2 outbox_emptied=6 jobs=1 imports=4 conversations=5 files=0');
    expect(calls.at(-1)).toEqual({
      now: new Date('2026-11-23T02:30:00Z'),
      policy: { receiptsDays: 7, settledOutboxContentDays: 90, settledOutboxDays: 400, finishedJobsDays: 90, importPreviewHours: 24 },
    });
  });
});
