import type { Outbox } from '../core/outbox-port';
import type { Clock } from '../core/ports';
import { OutboxNotifier } from '../core/roster/outbox-notifier';
import type { RosterServices, RosterSettings } from '../core/roster-port';
import { PrismaApprovalRepo } from './approval-repo';
import { PrismaAuditTrail } from './audit-trail';
import type { Db } from './database';
import { PrismaIdentityLinks } from './identity-links';
import { PrismaImportStore } from './import-store';
import { PrismaPrivacyRepo } from './privacy-repo';
import { PrismaRosterRepo } from './roster-repo';

/**
 * The roster's services on Prisma. `directories` starts empty: the wiring adds the chat
 * platforms' user directories (Slack users.lookupByEmail) once their adapters exist.
 */
export function prismaRosterServices(db: Db, outbox: Outbox, settings: RosterSettings, clock: Clock): RosterServices {
  const repo = new PrismaRosterRepo(db, clock);
  const identities = new PrismaIdentityLinks(db, clock);
  return {
    repo,
    identities,
    approvals: new PrismaApprovalRepo(db, clock),
    imports: new PrismaImportStore(db, clock),
    privacy: new PrismaPrivacyRepo(db, clock),
    auditTrail: new PrismaAuditTrail(db),
    directories: [],
    notifier: new OutboxNotifier(outbox, identities, repo),
    settings,
  };
}
