import type { Prisma } from '@prisma/client';
import type { AuditEntryInput, AuditLog, Clock } from '../core/ports';
import type { Db } from './database';

/** Audit entries, stamped with the injected clock's time (the audit trail shows it). */
export class PrismaAuditLog implements AuditLog {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntryInput): Promise<void> {
    await this.db.auditEntry.create({
      data: {
        trustId: entry.trustId,
        actorId: entry.actorId,
        action: entry.action,
        subject: entry.subject ?? null,
        details: (entry.details ?? undefined) as Prisma.InputJsonValue | undefined,
        at: this.clock.now(),
      },
    });
  }
}
