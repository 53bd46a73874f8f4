import type { NudgePreferences, TermDatesStore } from '../core/nudge-port';
import type { Outbox } from '../core/outbox-port';
import type { AuditLog, Clock, IdentityRepo, Logger, ReceiptStore, StateStore } from '../core/ports';
import type { RateLimiter } from '../core/rate-limit-port';
import type { RosterServices } from '../core/roster-port';

/**
 * Services one feature adds for itself. Each feature declares its own field next to its code,
 * so this file never changes for a new feature (as src/flows/checkin/deps.ts does):
 *
 *   declare module '../deps' { interface FeatureServices { checkin: CheckinDeps } }
 *
 * and src/wiring/feature-services.ts builds it from the database.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeatureServices {}

/** The services flows use, passed in (fakes in unit tests, Prisma in production). */
export interface FlowDeps extends FeatureServices {
  identities: IdentityRepo;
  /** Where conversations keep their place (src/flows/conversations). */
  state: StateStore;
  receipts: ReceiptStore;
  /** Per-person limits on expensive commands, shared by replicas. */
  rateLimits: RateLimiter;
  audit: AuditLog;
  /** Trusts, schools, people, identities, approvals, imports and personal data. */
  roster: RosterServices;
  /** Proactive messages: queue them here, the scheduler delivers them. */
  outbox: Outbox;
  /** Snooze and pause of nudges. */
  nudges: NudgePreferences;
  /** Term dates of the trust and of schools that differ. */
  termDates: TermDatesStore;
  clock: Clock;
  logger: Logger;
}
