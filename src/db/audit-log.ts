import type { Prisma } from '@prisma/client';
import type { AuditEntryInput, AuditLog } from '../core/ports';
import type { Db } from './database';

export class PrismaAuditLog implements AuditLog {
  constructor(private readonly db: Db) {}

  async record(entry: AuditEntryInput): Promise<void> {
    await this.db.auditEntry.create({
      data: {
        trustId: entry.trustId,
        actorId: entry.actorId,
        action: entry.action,
        subject: entry.subject ?? null,
        details: (entry.details ?? undefined) as Prisma.InputJsonValue | undefined,
      },
    });
  }
}
