import { randomUUID } from 'node:crypto';
import { Prisma } from '@prisma/client';
import type { ConversationAddress } from '../core/events';
import type { Platform } from '../core/model';
import { systemClock, type Addressing, type Clock } from '../core/ports';
import {
  OUTBOX_STATUSES,
  type EnqueueResult,
  type Outbox,
  type OutboxEdit,
  type OutboxEntry,
  type OutboxOp,
  type OutboxRecord,
  type OutboxStatus,
  type Recipient,
} from '../core/outbox-port';
import type { Db } from './database';

/** Rows per INSERT: 12 parameters each stays far below PostgreSQL's 65,535 per statement. */
const CHUNK = 500;

const RECORD_FIELDS = {
  key: true,
  platform: true,
  personId: true,
  kind: true,
  status: true,
  attempts: true,
  notBefore: true,
  lastError: true,
  lastAttemptAt: true,
  sentAt: true,
  settledAt: true,
  providerId: true,
  op: true,
  of: true,
  sentTo: true,
  createdAt: true,
} as const;

/** Without adapters (some tests): one bucket per platform. */
const PER_PLATFORM: Addressing = { bucketOf: (platform) => `${platform}:all` };

/** The outbox as flows see it: queue once per key, ask how it went. */
export class PrismaOutbox implements Outbox {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock = systemClock,
    private readonly addressing: Addressing = PER_PLATFORM,
  ) {}

  groupAddress(platform: Platform, addresses: readonly ConversationAddress[]): ConversationAddress | null {
    return this.addressing.groupOf?.(platform, addresses) ?? null;
  }

  async enqueue(entries: readonly OutboxEntry[]): Promise<EnqueueResult> {
    if (entries.length === 0) return { queued: [], duplicates: [] };
    const now = this.clock.now();
    // ON CONFLICT DO NOTHING ... RETURNING tells exactly which keys this call inserted, even
    // when another replica enqueues the same keys at the same moment.
    const inserted = await this.db.$transaction(async (tx) => {
      const keys: string[] = [];
      for (let i = 0; i < entries.length; i += CHUNK) {
        const rows = entries
          .slice(i, i + CHUNK)
          .map((e) => insertValues({ ...e, bucket: e.bucket ?? this.addressing.bucketOf(e.platform, e.target) }, now));
        const returned = await tx.$queryRaw<Array<{ key: string }>>`
          INSERT INTO "OutboxMessage" ("id", "key", "trustId", "personId", "platform", "target", "content", "kind", "status", "notBefore", "bucket", "createdAt")
          VALUES ${Prisma.join(rows)}
          ON CONFLICT ("key") DO NOTHING
          RETURNING "key"`;
        keys.push(...returned.map((r) => r.key));
      }
      return new Set(keys);
    });
    const queued: string[] = [];
    const duplicates: string[] = [];
    const seen = new Set<string>();
    for (const { key } of entries) {
      if (inserted.has(key) && !seen.has(key)) queued.push(key);
      else duplicates.push(key);
      seen.add(key);
    }
    return { queued, duplicates };
  }

  async edit(edits: readonly OutboxEdit[]): Promise<EnqueueResult & { missing: string[] }> {
    const now = this.clock.now();
    const queued: string[] = [];
    const duplicates: string[] = [];
    const missing: string[] = [];
    // One statement per edit: the row copies where and how the original goes (platform,
    // address, bucket, person); ON CONFLICT keeps a repeated edit key a no-op.
    for (const e of edits) {
      const content = e.content ?? null;
      if (e.op === 'update' && !content) throw new Error(`outbox edit ${e.key}: an update needs content`);
      const inserted = await this.db.$queryRaw<Array<{ key: string }>>`
        INSERT INTO "OutboxMessage" ("id", "key", "trustId", "personId", "platform", "target", "content", "kind", "status", "notBefore", "bucket", "op", "of", "createdAt")
        SELECT ${randomUUID()}, ${e.key}, o."trustId", o."personId", o."platform", o."target",
          ${JSON.stringify(content ?? { summary: '', blocks: [] })}::jsonb, NULL, 'queued', ${e.notBefore ?? now}, o."bucket", ${e.op}, o."key", ${now}
        FROM "OutboxMessage" o WHERE o."key" = ${e.of} AND o."op" = 'send'
        ON CONFLICT ("key") DO NOTHING
        RETURNING "key"`;
      if (inserted.length) queued.push(e.key);
      else if (await this.db.outboxMessage.findUnique({ where: { key: e.key }, select: { key: true } })) duplicates.push(e.key);
      else missing.push(e.key);
    }
    return { queued, duplicates, missing };
  }

  async get(key: string): Promise<OutboxRecord | null> {
    const row = await this.db.outboxMessage.findUnique({ where: { key }, select: RECORD_FIELDS });
    if (!row) return null;
    const { sentTo, ...rest } = row;
    // A row keeps `sentTo` before it is sent only when its text is posted and its files are not.
    const partial = row.status !== 'sent' && sentTo !== null;
    return { ...rest, platform: row.platform as Platform, status: row.status as OutboxStatus, op: row.op as OutboxOp, partial };
  }

  async countByStatus(keyPrefix?: string): Promise<Record<OutboxStatus, number>> {
    return this.count(keyPrefix ? { key: { startsWith: keyPrefix } } : {});
  }

  async countPartial(keyPrefix: string): Promise<Record<OutboxStatus, number>> {
    return this.count({ key: { startsWith: keyPrefix }, status: { not: 'sent' }, sentTo: { not: Prisma.DbNull } });
  }

  private async count(where: Prisma.OutboxMessageWhereInput): Promise<Record<OutboxStatus, number>> {
    const groups = await this.db.outboxMessage.groupBy({ by: ['status'], where, _count: { _all: true } });
    const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
    for (const g of groups) counts[g.status as OutboxStatus] = g._count._all;
    return counts;
  }

  async recentKinds(personId: string, since: Date): Promise<string[]> {
    const rows = await this.db.outboxMessage.findMany({
      where: { personId, kind: { not: null }, OR: [{ status: { in: ['queued', 'held'] } }, { createdAt: { gte: since } }] },
      select: { kind: true },
      orderBy: { createdAt: 'desc' },
      take: 50,
    });
    return [...new Set(rows.map((r) => r.kind!))];
  }

  async recipients(from: Date, upTo: Date, exceptPrefix: string): Promise<Recipient[]> {
    const window = { gt: from, lte: upTo };
    const base = { personId: { not: null }, NOT: { key: { startsWith: exceptPrefix } } };
    // Queued (the change exists) or sent (it reached them) in the window: a delivery held by
    // quiet hours or paced in a large fan-out counts again when it lands.
    const [queued, sent] = await Promise.all([
      this.db.outboxMessage.groupBy({ by: ['personId', 'trustId'], where: { ...base, createdAt: window }, _max: { createdAt: true } }),
      this.db.outboxMessage.groupBy({ by: ['personId', 'trustId'], where: { ...base, sentAt: window }, _max: { sentAt: true } }),
    ]);
    const latest = new Map<string, Recipient>();
    const add = (personId: string, trustId: string | null, at: Date) => {
      const seen = latest.get(personId);
      if (!seen || seen.at < at) latest.set(personId, { personId, trustId, at });
    };
    for (const r of queued) add(r.personId!, r.trustId, r._max.createdAt!);
    for (const r of sent) add(r.personId!, r.trustId, r._max.sentAt!);
    return [...latest.values()];
  }

  async releaseHeld(personId: string, now: Date): Promise<number> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { personId, status: 'held' },
      data: { status: 'queued', notBefore: now },
    });
    return count;
  }
}

function insertValues(entry: OutboxEntry & { bucket: string }, now: Date): Prisma.Sql {
  return Prisma.sql`(${randomUUID()}, ${entry.key}, ${entry.trustId ?? null}, ${entry.personId ?? null}, ${entry.platform},
    ${JSON.stringify(entry.target)}::jsonb, ${JSON.stringify(entry.content)}::jsonb, ${entry.kind ?? null}, 'queued',
    ${entry.notBefore ?? now}, ${entry.bucket}, ${now})`;
}
