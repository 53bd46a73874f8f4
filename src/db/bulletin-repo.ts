import type { Bulletin as BulletinRow } from '@prisma/client';
import {
  ACK_WINDOW_MS,
  MAX_BULLETIN_FILES,
  audienceFromText,
  audienceToText,
  isReviewArea,
  type Bulletin,
  type BulletinAudience,
  type BulletinList,
  type BulletinRepo,
  type NewBulletin,
} from '../core/bulletin';
import type { OutboundFile } from '../core/message';
import type { Db } from './database';

/** Bulletins, their acknowledgements and granted senders on PostgreSQL / PGlite. */
export class PrismaBulletinRepo implements BulletinRepo {
  constructor(private readonly db: Db) {}

  async createDraft(input: NewBulletin): Promise<Bulletin> {
    const row = await this.db.bulletin.create({
      data: {
        trustId: input.trustId,
        title: input.title,
        body: input.body,
        area: input.area,
        ackRequired: input.ackRequired,
        audience: audienceToText(input.audience),
        status: 'draft',
        opensAt: input.opensAt,
        closesAt: new Date(input.opensAt.getTime() + ACK_WINDOW_MS),
        createdBy: input.createdBy,
        createdAt: input.now,
      },
    });
    return toBulletin(row);
  }

  async get(trustId: string, id: string): Promise<Bulletin | null> {
    if (!isUuid(id)) return null;
    const row = await this.db.bulletin.findFirst({ where: { id, trustId } });
    return row ? toBulletin(row) : null;
  }

  async confirm(trustId: string, id: string): Promise<boolean> {
    const r = await this.db.bulletin.updateMany({ where: { id, trustId, status: 'draft' }, data: { status: 'scheduled' } });
    return r.count > 0;
  }

  async due(edge: 'open' | 'close', from: Date, upTo: Date): Promise<Bulletin[]> {
    const rows = await this.db.bulletin.findMany({
      where:
        edge === 'open' ? { status: 'scheduled', opensAt: { gt: from, lte: upTo } } : { status: 'open', closesAt: { gt: from, lte: upTo } },
    });
    return rows.map(toBulletin);
  }

  async open(): Promise<Bulletin[]> {
    return (await this.db.bulletin.findMany({ where: { status: 'open' } })).map(toBulletin);
  }

  async markOpen(trustId: string, id: string, now: Date): Promise<boolean> {
    const r = await this.db.bulletin.updateMany({ where: { id, trustId, status: 'scheduled' }, data: { status: 'open', openedAt: now } });
    return r.count > 0;
  }

  async markClosed(trustId: string, id: string, now: Date, by: string | null): Promise<boolean> {
    const r = await this.db.bulletin.updateMany({
      where: { id, trustId, status: 'open' },
      data: { status: 'closed', closedAt: now, closedBy: by },
    });
    return r.count > 0;
  }

  async edit(trustId: string, id: string, title: string, body: string, now: Date): Promise<Bulletin | null> {
    const r = await this.db.bulletin.updateMany({
      where: { id, trustId, recalledAt: null, status: { not: 'draft' } },
      data: { title, body, editedAt: now, version: { increment: 1 } },
    });
    return r.count > 0 ? this.get(trustId, id) : null;
  }

  async recall(trustId: string, id: string, now: Date): Promise<boolean> {
    const r = await this.db.bulletin.updateMany({
      where: { id, trustId, recalledAt: null, status: { not: 'draft' } },
      data: { recalledAt: now, status: 'closed', closedAt: now },
    });
    return r.count > 0;
  }

  async attach(trustId: string, id: string, file: OutboundFile): Promise<boolean> {
    if (!isUuid(id)) return false;
    // One statement: only a draft, and only below the limit (two uploads at once cannot both pass it).
    const count = await this.db.$executeRaw`
      UPDATE "Bulletin" SET "files" = "files" || ${JSON.stringify([file])}::jsonb
      WHERE "id" = ${id} AND "trustId" = ${trustId} AND "status" = 'draft' AND jsonb_array_length("files") < ${MAX_BULLETIN_FILES}`;
    return count === 1;
  }

  async acknowledge(bulletinId: string, personId: string, now: Date): Promise<boolean> {
    const inserted = await this.db.$executeRaw`
      INSERT INTO "BulletinAck" ("bulletinId", "personId", "at") VALUES (${bulletinId}, ${personId}, ${now}) ON CONFLICT DO NOTHING`;
    return inserted > 0;
  }

  async acknowledgedBy(bulletinId: string): Promise<Map<string, Date>> {
    const rows = await this.db.bulletinAck.findMany({ where: { bulletinId }, select: { personId: true, at: true } });
    return new Map(rows.map((r) => [r.personId, r.at]));
  }

  async recent(trustId: string, options: { words?: string; limit: number }): Promise<Bulletin[]> {
    const words = options.words?.trim();
    if (!words) {
      const rows = await this.db.bulletin.findMany({
        where: { trustId, status: { in: ['open', 'closed'] } },
        orderBy: { openedAt: 'desc' },
        take: options.limit,
      });
      return rows.map(toBulletin);
    }
    // PostgreSQL full-text search (English stemming), on PGlite too.
    const ids = await this.db.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Bulletin"
      WHERE "trustId" = ${trustId} AND "status" IN ('open', 'closed')
        AND to_tsvector('english', "title" || ' ' || "body" || ' ' || coalesce("area", '')) @@ plainto_tsquery('english', ${words})
      ORDER BY "openedAt" DESC NULLS LAST LIMIT ${options.limit}`;
    if (ids.length === 0) return [];
    const rows = await this.db.bulletin.findMany({ where: { id: { in: ids.map((r) => r.id) } }, orderBy: { openedAt: 'desc' } });
    return rows.map(toBulletin);
  }

  async awaitingAck(trustId: string, personId: string, limit: number): Promise<Bulletin[]> {
    // One statement: the person's delivered invitations (or resends) without an acknowledgement.
    const ids = await this.db.$queryRaw<Array<{ id: string }>>`
      SELECT b."id" FROM "Bulletin" b
      WHERE b."trustId" = ${trustId} AND b."status" = 'open' AND b."ackRequired" AND b."recalledAt" IS NULL
        AND EXISTS (SELECT 1 FROM "OutboxMessage" o
          WHERE o."key" IN ('bulletin-invite:' || b."id" || ':' || ${personId}, 'bulletin-resend:' || b."id" || ':' || ${personId})
            AND o."status" IN ('sent', 'uncertain'))
        AND NOT EXISTS (SELECT 1 FROM "BulletinAck" a WHERE a."bulletinId" = b."id" AND a."personId" = ${personId})
      ORDER BY b."openedAt" DESC NULLS LAST LIMIT ${limit}`;
    if (ids.length === 0) return [];
    const rows = await this.db.bulletin.findMany({ where: { id: { in: ids.map((r) => r.id) } }, orderBy: { openedAt: 'desc' } });
    return rows.map(toBulletin);
  }

  async lastSentBy(trustId: string, personId: string): Promise<Bulletin | null> {
    const row = await this.db.bulletin.findFirst({
      where: { trustId, createdBy: personId, status: { in: ['open', 'closed'] }, recalledAt: null },
      orderBy: { openedAt: 'desc' },
    });
    return row ? toBulletin(row) : null;
  }

  async sentBetween(trustId: string, from: Date, to: Date): Promise<Bulletin[]> {
    const rows = await this.db.bulletin.findMany({
      where: { trustId, status: { in: ['open', 'closed'] }, recalledAt: null, openedAt: { gte: from, lt: to } },
      orderBy: { openedAt: 'asc' },
    });
    return rows.map(toBulletin);
  }

  async lastComposedBy(trustId: string, personId: string): Promise<Bulletin | null> {
    const row = await this.db.bulletin.findFirst({ where: { trustId, createdBy: personId }, orderBy: { createdAt: 'desc' } });
    return row ? toBulletin(row) : null;
  }

  async saveList(trustId: string, name: string, audience: BulletinAudience, by: string, now: Date): Promise<boolean> {
    const taken = await this.db.bulletinList.findFirst({ where: { trustId, name: { equals: name, mode: 'insensitive' } } });
    if (taken) return false;
    // Two saves of the same name at once: the unique index lets one in.
    const { count } = await this.db.bulletinList.createMany({
      data: [{ trustId, name, audience: audienceToText(audience), createdBy: by, createdAt: now }],
      skipDuplicates: true,
    });
    return count === 1;
  }

  async lists(trustId: string): Promise<BulletinList[]> {
    const rows = await this.db.bulletinList.findMany({ where: { trustId }, orderBy: { name: 'asc' } });
    return rows.flatMap((r) => {
      const audience = audienceFromText(r.audience);
      return audience ? [{ id: r.id, name: r.name, audience }] : [];
    });
  }

  async senders(trustId: string): Promise<string[]> {
    return (await this.db.bulletinSender.findMany({ where: { trustId }, select: { personId: true } })).map((r) => r.personId);
  }

  async grantSender(trustId: string, personId: string, by: string, now: Date): Promise<boolean> {
    const inserted = await this.db.$executeRaw`
      INSERT INTO "BulletinSender" ("trustId", "personId", "grantedBy", "at") VALUES (${trustId}, ${personId}, ${by}, ${now})
      ON CONFLICT DO NOTHING`;
    return inserted > 0;
  }
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

function toBulletin(row: BulletinRow): Bulletin {
  return {
    id: row.id,
    trustId: row.trustId,
    status: row.status === 'draft' ? 'scheduled' : (row.status as Bulletin['status']),
    draft: row.status === 'draft',
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    closedBy: row.closedBy,
    title: row.title,
    body: row.body,
    area: row.area && isReviewArea(row.area) ? row.area : null,
    ackRequired: row.ackRequired,
    audience: audienceFromText(row.audience) ?? { kind: 'all' },
    version: row.version,
    createdBy: row.createdBy,
    recalledAt: row.recalledAt,
    editedAt: row.editedAt,
    createdAt: row.createdAt,
    files: Array.isArray(row.files) ? (row.files as unknown as OutboundFile[]) : [],
  };
}
