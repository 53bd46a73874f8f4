/**
 * Retention of the bot's own bookkeeping (not people's data, see docs/data-and-privacy.md):
 * delivery receipts only need to outlive the platforms' retry windows (Slack retries for
 * minutes, Teams for seconds); settled outbox rows and finished job claims only need to
 * outlive the scheduler's look-back, so the same occurrence is never queued again.
 */
export interface RetentionPolicy {
  receiptsDays: number;
  /**
   * A settled outbox row's text is dropped after this many days; its key, address and status
   * stay (a tombstone) so a campaign still open months later neither sends it again nor loses
   * the card it edits in place.
   */
  settledOutboxContentDays: number;
  /** Tombstones go after this: longer than any campaign (a school year) stays open. */
  settledOutboxDays: number;
  finishedJobsDays: number;
  /** Roster CSVs previewed but never confirmed hold personal data: drop them soon. */
  importPreviewHours: number;
}

/** Keep well past the longest look-back of any due-work source (days, not minutes). */
export const DEFAULT_RETENTION: RetentionPolicy = {
  receiptsDays: 7,
  settledOutboxContentDays: 90,
  settledOutboxDays: 400,
  finishedJobsDays: 90,
  importPreviewHours: 24,
};

export interface PruneReport {
  receipts: number;
  outbox: number;
  /** Settled rows whose text was dropped (kept as tombstones). */
  outboxEmptied: number;
  jobs: number;
  imports: number;
  /** Conversations past their expiry (already ignored when read; this forgets them for good). */
  conversations: number;
  /** Sent files past their link lifetime (src/core/files-port.ts). */
  files: number;
  /** Uses of rate-limited commands older than the receipts' retention (src/core/rate-limit-port.ts). */
  rateLimits: number;
  /** Outbox pacing rows (src/scheduler/shared-pacer.ts) not used for a day. */
  paces: number;
}

export interface Housekeeping {
  /** Deletes bookkeeping rows older than the policy allows, as of `now`. */
  prune(now: Date, policy: RetentionPolicy): Promise<PruneReport>;
}
