import type { NudgePreferences, TermDatesStore } from '../core/nudge-port';
import type { Outbox } from '../core/outbox-port';
import type { CheckinDeps } from './checkin/deps';
import type { AuditLog, Clock, IdentityRepo, Logger, ReceiptStore, StateStore } from '../core/ports';
import type { RosterServices } from '../core/roster-port';

/** The services flows use, passed in (fakes in unit tests, Prisma in production). */
export interface FlowDeps {
  identities: IdentityRepo;
  state: StateStore;
  receipts: ReceiptStore;
  audit: AuditLog;
  /** Trusts, schools, people, identities, approvals, imports and personal data. */
  roster: RosterServices;
  /** Proactive messages: queue them here, the scheduler delivers them. */
  outbox: Outbox;
  /** Snooze and pause of nudges. */
  nudges: NudgePreferences;
  /** Compliance check-ins (issue 5). */
  checkin: CheckinDeps;
  /** Term dates of the trust and of schools that differ. */
  termDates: TermDatesStore;
  clock: Clock;
  logger: Logger;
}
