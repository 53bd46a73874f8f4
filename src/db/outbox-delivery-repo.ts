import { Prisma } from '@prisma/client';
import type { ConversationAddress } from '../core/events';
import type { OutboundMessage } from '../core/message';
import type { Platform } from '../core/model';
import type { ClaimedMessage, DeliveryQueue, DeliveryResult, EditContext, OutboxOp, OutboxStatus } from '../core/outbox-port';
import type { Db } from './database';

interface ClaimedRow {
  id: string;
  key: string;
  platform: string;
  target: unknown;
  content: unknown;
  bucket: string;
  kind: string | null;
  personId: string | null;
  trustId: string | null;
  attempts: number;
  notBefore: Date;
  op: string;
  of: string | null;
  sentTo: unknown;
}

const UNLOCK = { lockedBy: null, lockedUntil: null } as const;

/**
 * The workers' side of the outbox on PostgreSQL / PGlite. Each write is one statement that
 * names the worker holding the row, so a worker whose lease ran out cannot undo the work of
 * the worker that took the row over.
 */
export class PrismaDeliveryQueue implements DeliveryQueue {
  constructor(private readonly db: Db) {}

  async claim(worker: string, limit: number, now: Date, leaseMs: number): Promise<ClaimedMessage[]> {
    const until = new Date(now.getTime() + leaseMs);
    // SKIP LOCKED: replicas claiming at the same moment take disjoint rows instead of
    // queueing behind each other's locks; the WHERE is re-checked on the locked row, so a row
    // another worker has just leased is never taken.
    const rows = await this.db.$queryRaw<ClaimedRow[]>`
      UPDATE "OutboxMessage" SET "lockedBy" = ${worker}, "lockedUntil" = ${until}
      WHERE "id" IN (
        SELECT "id" FROM "OutboxMessage"
        WHERE "status" IN ('queued', 'held') AND "notBefore" <= ${now}
          AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
        ORDER BY "notBefore"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "key", "platform", "target", "content", "bucket", "kind", "personId", "trustId", "attempts", "notBefore", "op", "of", "sentTo"`;
    return rows.map(toClaimed).sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime());
  }

  async begin(id: string, worker: string, now: Date, leaseMs: number): Promise<boolean> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { id, lockedBy: worker, status: { in: ['queued', 'held'] } },
      data: { status: 'sending', attempts: { increment: 1 }, lastAttemptAt: now, lockedUntil: new Date(now.getTime() + leaseMs) },
    });
    return count === 1;
  }

  async unbegin(id: string, worker: string, leaseUntil: Date): Promise<boolean> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { id, lockedBy: worker, status: 'sending' },
      data: { status: 'queued', attempts: { decrement: 1 }, lockedUntil: leaseUntil },
    });
    return count === 1;
  }

  async settle(id: string, worker: string, result: DeliveryResult): Promise<void> {
    // 'uncertain' too: a call that outlived its lease and was flagged still reports the truth.
    const where: Prisma.OutboxMessageWhereInput = { id, lockedBy: worker, status: { in: ['sending', 'uncertain'] } };
    await this.db.outboxMessage.updateMany({ where, data: settleData(result) });
  }

  async defer(
    id: string | readonly string[],
    worker: string,
    notBefore: Date,
    status: 'queued' | 'held',
    reason: string | null,
  ): Promise<void> {
    await this.db.outboxMessage.updateMany({
      where: { id: typeof id === 'string' ? id : { in: [...id] }, lockedBy: worker, status: { in: ['queued', 'held'] } },
      data: { status, notBefore, ...UNLOCK, ...(reason ? { lastError: `held: ${reason}` } : {}) },
    });
  }

  async editContext(row: ClaimedMessage): Promise<EditContext> {
    if (!row.of) return { original: null, superseded: false };
    const original = await this.db.outboxMessage.findUnique({ where: { key: row.of }, select: { status: true, sentTo: true } });
    // Newest wins: a later edit (in insertion order) of the same message makes this one moot.
    const newer = await this.db.$queryRaw<Array<{ id: string }>>`
      SELECT n."id" FROM "OutboxMessage" n, "OutboxMessage" me
      WHERE me."id" = ${row.id} AND n."of" = me."of" AND n."id" <> me."id"
        AND n."seq" > me."seq"
      LIMIT 1`;
    return {
      original: original
        ? { status: original.status as OutboxStatus, sentTo: (parseJson(original.sentTo) as ConversationAddress | null) ?? null }
        : null,
      superseded: newer.length > 0,
    };
  }

  async cancel(id: string, worker: string, now: Date, reason: string): Promise<void> {
    await this.db.outboxMessage.updateMany({
      where: { id, lockedBy: worker, status: { in: ['queued', 'held'] } },
      data: { status: 'failed', settledAt: now, lastError: reason, ...UNLOCK },
    });
  }

  async recoverStale(now: Date, policy: 'flag' | 'resend'): Promise<string[]> {
    return this.recoverMidSend(Prisma.sql`"lockedUntil" < ${now}`, now, policy);
  }

  async recoverOwn(worker: string, now: Date, policy: 'flag' | 'resend'): Promise<{ released: number; midSend: string[] }> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { lockedBy: worker, status: { in: ['queued', 'held'] } },
      data: UNLOCK,
    });
    return { released: count, midSend: await this.recoverMidSend(Prisma.sql`"lockedBy" = ${worker}`, now, policy) };
  }

  /** 'sending' rows matching `which` whose worker died during the platform call. */
  private async recoverMidSend(which: Prisma.Sql, now: Date, policy: 'flag' | 'resend'): Promise<string[]> {
    const rows =
      policy === 'flag'
        ? await this.db.$queryRaw<Array<{ key: string }>>`
            UPDATE "OutboxMessage" SET "status" = 'uncertain', "settledAt" = ${now},
              "lastError" = 'uncertain: the worker stopped during the platform call; not re-sent, to avoid a duplicate'
            WHERE "status" = 'sending' AND ${which}
            RETURNING "key"`
        : await this.db.$queryRaw<Array<{ key: string }>>`
            UPDATE "OutboxMessage" SET "status" = 'queued', "notBefore" = ${now}, "lockedBy" = NULL, "lockedUntil" = NULL,
              "lastError" = 're-sent: the worker stopped during the platform call; the recipient may see it twice'
            WHERE "status" = 'sending' AND ${which}
            RETURNING "key"`;
    return rows.map((r) => r.key);
  }
}

function settleData(result: DeliveryResult): Prisma.OutboxMessageUpdateManyMutationInput {
  // Where the text landed, when this attempt knows: kept (never cleared) for later attempts and edits.
  const sentTo = result.sentTo ? { sentTo: result.sentTo as Prisma.InputJsonValue } : {};
  switch (result.status) {
    case 'sent':
      return {
        status: 'sent',
        sentAt: result.at,
        settledAt: result.at,
        providerId: result.providerId,
        ...sentTo,
        lastError: null,
        ...UNLOCK,
      };
    case 'retry':
      return { status: 'queued', notBefore: result.notBefore, lastError: result.error, ...sentTo, ...UNLOCK };
    case 'failed':
    case 'unreachable':
    case 'uncertain':
      return { status: result.status, settledAt: result.at, lastError: result.error, ...sentTo, ...UNLOCK };
  }
}

function toClaimed(row: ClaimedRow): ClaimedMessage {
  return {
    id: row.id,
    key: row.key,
    platform: row.platform as Platform,
    target: parseJson(row.target) as ConversationAddress,
    content: parseJson(row.content) as OutboundMessage,
    bucket: row.bucket,
    kind: row.kind,
    personId: row.personId,
    trustId: row.trustId,
    attempts: Number(row.attempts),
    notBefore: row.notBefore instanceof Date ? row.notBefore : new Date(row.notBefore),
    op: row.op as OutboxOp,
    of: row.of,
    sentTo: (parseJson(row.sentTo) as ConversationAddress | null) ?? null,
  };
}

/** Raw queries return jsonb parsed by some drivers and as text by others. */
function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}
