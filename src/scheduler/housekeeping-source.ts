import { localDateOf } from '../calendar/london-time';
import { occurrenceKey, type DueWorkSource } from '../core/due-work-port';
import { DEFAULT_RETENTION, type Housekeeping, type RetentionPolicy } from '../core/housekeeping-port';
import type { Logger } from '../core/ports';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Once a day (the first tick after 02:30 UTC, outside the clock-change hour and school
 * hours), prune old bookkeeping rows. Claimed like any occurrence, so one replica does it.
 */
export function housekeepingSource(housekeeping: Housekeeping, logger: Logger, policy: RetentionPolicy = DEFAULT_RETENTION): DueWorkSource {
  return {
    kind: 'housekeeping',
    catchUp: { policy: 'run-late' },
    lookbackMs: 24 * HOUR_MS,
    async due(from, upTo) {
      const occurrences = [];
      const first = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), 2, 30));
      for (let at = first; at <= upTo; at = new Date(at.getTime() + 24 * HOUR_MS)) {
        if (at <= from) continue;
        const dueAt = at;
        occurrences.push({
          key: occurrenceKey('housekeeping', ['prune'], localDateOf(dueAt)),
          dueAt,
          run: async () => {
            const report = await housekeeping.prune(dueAt, policy);
            logger.info('housekeeping pruned old rows', { ...report });
            return `pruned receipts=${report.receipts} outbox=${report.outbox} outbox_emptied=${report.outboxEmptied} jobs=${report.jobs} imports=${report.imports} conversations=${report.conversations} files=${report.files}`;
          },
        });
      }
      return occurrences;
    },
  };
}
