import type { AuditLog, Clock, IdentityRepo, Logger, ReceiptStore, StateStore } from '../core/ports';

/** The services flows use, passed in (fakes in unit tests, Prisma in production). */
export interface FlowDeps {
  identities: IdentityRepo;
  state: StateStore;
  receipts: ReceiptStore;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
}
