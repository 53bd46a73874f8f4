import type { Prisma } from '@prisma/client';
import type { DigestFigures, DigestRepo, DigestSettings } from '../core/digest-port';
import type { Db } from './database';

/** The weekly digest's settings, people's choices and weekly figures (issue 15). */
export class PrismaDigestRepo implements DigestRepo {
  constructor(private readonly db: Db) {}

  async settings(trustId: string): Promise<DigestSettings | null> {
    const row = await this.db.digestSettings.findUnique({ where: { trustId }, select: { rule: true, holidays: true } });
    return row ?? null;
  }

  async allSettings(): Promise<Map<string, DigestSettings>> {
    const rows = await this.db.digestSettings.findMany({ select: { trustId: true, rule: true, holidays: true } });
    return new Map(rows.map((r) => [r.trustId, { rule: r.rule, holidays: r.holidays }]));
  }

  async saveSettings(trustId: string, settings: DigestSettings, at: Date): Promise<void> {
    const data = { rule: settings.rule, holidays: settings.holidays, updatedAt: at };
    await this.db.digestSettings.upsert({ where: { trustId }, create: { trustId, ...data }, update: data });
  }

  async choices(trustId: string): Promise<Map<string, boolean>> {
    const rows = await this.db.digestSubscription.findMany({ where: { trustId }, select: { personId: true, subscribed: true } });
    return new Map(rows.map((r) => [r.personId, r.subscribed]));
  }

  async choose(trustId: string, personId: string, subscribed: boolean, at: Date): Promise<void> {
    await this.db.digestSubscription.upsert({
      where: { trustId_personId: { trustId, personId } },
      create: { trustId, personId, subscribed, updatedAt: at },
      update: { subscribed, updatedAt: at },
    });
  }

  async snapshot(trustId: string, weekOf: string): Promise<DigestFigures | null> {
    const row = await this.db.digestSnapshot.findUnique({ where: { trustId_weekOf: { trustId, weekOf } }, select: { figures: true } });
    return row ? (row.figures as unknown as DigestFigures) : null;
  }

  async saveSnapshot(trustId: string, weekOf: string, figures: DigestFigures, at: Date): Promise<void> {
    const json = figures as unknown as Prisma.InputJsonValue;
    await this.db.digestSnapshot.upsert({
      where: { trustId_weekOf: { trustId, weekOf } },
      create: { trustId, weekOf, figures: json, createdAt: at },
      update: { figures: json },
    });
  }
}
