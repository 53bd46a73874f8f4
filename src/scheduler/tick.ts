/**
 * The minute tick: asks each registered source what is due up to now, claims each occurrence
 * once across replicas, and runs it (or records it as dropped when it is stale).
 *
 * Missed work: each tick looks back `lookbackMs` for occurrences nobody has finished, so
 * occurrences that fell due while every replica was down are found by the first tick after
 * the restart and run late or dropped, as their source's catch-up policy says. An occurrence
 * whose runner died (or whose run threw) stays unfinished and is taken over after
 * `takeoverAfterMs`: runs are idempotent (deterministic outbox keys), so a second run sends
 * nothing twice.
 */
import { describeError } from '../core/describe-error';
import type { DueOccurrence, DueWorkSource, JobClaims } from '../core/due-work-port';
import type { Logger } from '../core/ports';

export interface TickDeps {
  claims: JobClaims;
  sources: readonly DueWorkSource[];
  /** This replica's name, recorded on its claims. */
  by: string;
  logger: Logger;
  /** An unfinished claim older than this may be taken over. */
  takeoverAfterMs?: number;
}

export interface TickReport {
  ran: string[];
  dropped: string[];
  failed: string[];
}

export const DEFAULT_TAKEOVER_MS = 10 * 60_000;

/** Pure: true when a 'drop-stale' source's occurrence is too old to be worth running now. */
export function isStale(source: Pick<DueWorkSource, 'catchUp'>, dueAt: Date, now: Date): boolean {
  return source.catchUp.policy === 'drop-stale' && now.getTime() - dueAt.getTime() > source.catchUp.staleAfterMs;
}

export async function runTick(now: Date, deps: TickDeps): Promise<TickReport> {
  const report: TickReport = { ran: [], dropped: [], failed: [] };
  for (const source of deps.sources) {
    try {
      await runSource(source, now, deps, report);
    } catch (error) {
      // One broken source must not stop the others.
      deps.logger.error('due-work source failed', { kind: source.kind, error: describeError(error) });
    }
  }
  return report;
}

async function runSource(source: DueWorkSource, now: Date, deps: TickDeps, report: TickReport): Promise<void> {
  const from = new Date(now.getTime() - source.lookbackMs);
  const due = (await source.due(from, now))
    .filter((o) => o.dueAt.getTime() <= now.getTime())
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  if (due.length === 0) return;
  const finished = await deps.claims.finishedAmong(due.map((o) => o.key));
  for (const occurrence of due) {
    if (finished.has(occurrence.key)) continue;
    await runOccurrence(source, occurrence, now, deps, report);
  }
}

async function runOccurrence(
  source: DueWorkSource,
  occurrence: DueOccurrence,
  now: Date,
  deps: TickDeps,
  report: TickReport,
): Promise<void> {
  const { claims, by, logger } = deps;
  const claimed = await claims.claim(occurrence.key, source.kind, by, {
    now,
    dueAt: occurrence.dueAt,
    takeoverAfterMs: deps.takeoverAfterMs ?? DEFAULT_TAKEOVER_MS,
  });
  if (!claimed) return;
  if (isStale(source, occurrence.dueAt, now)) {
    await claims.finish(occurrence.key, 'dropped-stale', now);
    report.dropped.push(occurrence.key);
    logger.info('stale occurrence dropped', { key: occurrence.key, dueAt: occurrence.dueAt.toISOString() });
    return;
  }
  try {
    const outcome = await occurrence.run();
    await claims.finish(occurrence.key, outcome || 'done', now);
    report.ran.push(occurrence.key);
  } catch (error) {
    await claims.abandon(occurrence.key, `error: ${String((error as Error)?.message ?? error)}`);
    report.failed.push(occurrence.key);
    logger.error('occurrence failed; retried after the takeover lease', {
      key: occurrence.key,
      error: describeError(error),
    });
  }
}
