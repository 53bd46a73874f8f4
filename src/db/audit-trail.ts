import type { AuditRecord, AuditTrail } from '../core/roster-port';
import type { Db } from './database';

/** Reads the audit log of one trust, newest first, with the actor's current name. */
export class PrismaAuditTrail implements AuditTrail {
  constructor(private readonly db: Db) {}

  async recent(trustId: string, limit: number): Promise<AuditRecord[]> {
    const rows = await this.db.auditEntry.findMany({
      where: { trustId },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: Math.min(Math.max(limit, 1), 200),
      select: { at: true, actorId: true, action: true, subject: true, details: true },
    });
    const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
    const people = await this.db.person.findMany({
      where: { id: { in: actorIds }, trustId, erasedAt: null },
      select: { id: true, name: true },
    });
    const names = new Map(people.map((p) => [p.id, p.name]));
    return rows.map((r) => ({
      at: r.at,
      actorId: r.actorId,
      actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
      action: r.action,
      subject: r.subject,
      details: (r.details as Record<string, unknown> | null) ?? null,
    }));
  }
}
