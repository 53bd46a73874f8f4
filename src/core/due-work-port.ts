/**
 * Scheduled work: feature code describes what is due (a `DueWorkSource`), the scheduler's
 * minute tick claims each occurrence once across replicas (`JobClaims`) and runs it.
 */

/** One occurrence of scheduled work, e.g. "remind Ann about round 7 on 2027-03-02". */
export interface DueOccurrence {
  /**
   * Deterministic: every replica computes the same key for the same occurrence (build it with
   * `occurrenceKey`). The claim on this key is what makes the occurrence run once.
   */
  key: string;
  dueAt: Date;
  /**
   * Does the work. Must be idempotent, because an occurrence whose runner died is run again
   * after the claim lease: in practice it enqueues outbox rows whose keys derive from `key`.
   * Returns a short outcome for the JobRun record (default 'done').
   */
  run(): Promise<string | void>;
}

/**
 * What to do with occurrences that fell due while no replica was running: 'run-late' (a
 * weekly digest is still useful at 09:20) or 'drop-stale' (a "meeting in 10 minutes" nudge
 * is not, once `staleAfterMs` has passed). Dropped occurrences are recorded, not run.
 */
export type CatchUpPolicy = { policy: 'run-late' } | { policy: 'drop-stale'; staleAfterMs: number };

export interface DueWorkSource {
  /** Kind of work, the first part of its occurrence keys, e.g. 'checkin-reminder'. */
  kind: string;
  catchUp: CatchUpPolicy;
  /** How far back each tick looks for occurrences not yet claimed (covers downtime). */
  lookbackMs: number;
  /** Occurrences with `from < dueAt <= upTo`. */
  due(from: Date, upTo: Date): Promise<DueOccurrence[]>;
}

/** Claims on occurrences of scheduled work, shared by every replica through the database. */
export interface JobClaims {
  /**
   * True when the caller now holds the occurrence: it was never claimed, or its holder left
   * it unfinished for longer than `takeoverAfterMs` (the holder died or its run failed).
   * False when another caller holds it or it is finished.
   */
  claim(key: string, kind: string, by: string, options: { now: Date; dueAt?: Date; takeoverAfterMs: number }): Promise<boolean>;
  /** Records the outcome; a finished occurrence is never claimed again. */
  finish(key: string, outcome: string, at: Date): Promise<void>;
  /** Records a failed run but leaves it unfinished, so a tick after the takeover lease retries it. */
  abandon(key: string, error: string): Promise<void>;
  /** Which of these keys are finished (lets a tick skip them without a write each). */
  finishedAmong(keys: readonly string[]): Promise<Set<string>>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `<kind>:<part>:...:<yyyy-mm-dd>`, e.g. `checkin-reminder:<roundId>:<personId>:2027-03-02`.
 * The date is the London school date of the occurrence, so a key never depends on the host's
 * zone or on the exact minute a tick ran. Parts may not contain ':' (keys must split back).
 */
export function occurrenceKey(kind: string, parts: readonly string[], date: string): string {
  if (!DATE.test(date)) throw new Error(`Occurrence date must be YYYY-MM-DD, got "${date}"`);
  for (const part of [kind, ...parts]) {
    if (!part || part.includes(':')) throw new Error(`Occurrence key parts must be non-empty and free of ':', got "${part}"`);
  }
  return [kind, ...parts, date].join(':');
}
