import type { Prisma } from '@prisma/client';
import type { Clock } from '../core/ports';
import type { ImportStore, RosterImportRecord } from '../core/roster-port';
import type { Db } from './database';

/**
 * Roster CSVs between preview and apply (the file is dropped once decided). Times come from
 * the injected clock: an unconfirmed preview expires by its `createdAt`.
 */
export class PrismaImportStore implements ImportStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async create(record: Omit<RosterImportRecord, 'status' | 'createdAt'> & { summary: unknown }): Promise<void> {
    await this.db.rosterImport.create({
      data: {
        id: record.id,
        trustId: record.trustId,
        actorId: record.actorId,
        fileName: record.fileName.slice(0, 200),
        content: record.content,
        planHash: record.planHash,
        summary: record.summary as Prisma.InputJsonValue,
        createdAt: this.clock.now(),
      },
    });
  }

  async get(trustId: string, id: string): Promise<RosterImportRecord | null> {
    const row = await this.db.rosterImport.findFirst({
      where: { id, trustId },
      select: { id: true, trustId: true, actorId: true, fileName: true, content: true, planHash: true, status: true, createdAt: true },
    });
    return row ? { ...row, status: row.status as RosterImportRecord['status'] } : null;
  }

  async cancel(trustId: string, id: string): Promise<boolean> {
    const done = await this.db.rosterImport.updateMany({
      where: { id, trustId, status: 'previewed' },
      data: { status: 'cancelled', content: null, decidedAt: this.clock.now() },
    });
    return done.count === 1;
  }

  /** Previews never confirmed: drop their files after `olderThan` (personal data). */
  async expire(olderThan: Date): Promise<number> {
    const done = await this.db.rosterImport.updateMany({
      where: { status: 'previewed', createdAt: { lt: olderThan } },
      data: { status: 'cancelled', content: null, decidedAt: this.clock.now() },
    });
    return done.count;
  }
}
