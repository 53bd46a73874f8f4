import type { Clock, ReceiptClaim, ReceiptStore } from '../core/ports';
import type { Db } from './database';

/**
 * Delivery receipts: the primary key makes a redelivery's claim fail, on any replica. The
 * receipt's time is the injected clock's (housekeeping prunes by it), not the server's now().
 * `handledAt` is null while a delivery is being handled: a claim left so by a handler that died
 * (kill -9, lost connection) is taken over by a redelivery once its lease has passed, so the
 * platform's retry of an answer cut short is handled instead of ignored.
 */
export class PrismaReceiptStore implements ReceiptStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async claim(key: string): Promise<boolean> {
    const now = this.clock.now();
    const inserted = await this.db.$executeRaw`
      INSERT INTO "InboundReceipt" ("key", "receivedAt", "handledAt") VALUES (${key}, ${now}, ${now}) ON CONFLICT DO NOTHING`;
    return inserted === 1;
  }

  async begin(key: string, leaseMs: number): Promise<ReceiptClaim> {
    const now = this.clock.now();
    const staleBefore = new Date(now.getTime() - leaseMs);
    // One statement: of two replicas taking over the same stale claim, one updates the row.
    const taken = await this.db.$executeRaw`
      INSERT INTO "InboundReceipt" ("key", "receivedAt", "handledAt") VALUES (${key}, ${now}, NULL)
      ON CONFLICT ("key") DO UPDATE SET "receivedAt" = EXCLUDED."receivedAt"
      WHERE "InboundReceipt"."handledAt" IS NULL AND "InboundReceipt"."receivedAt" < ${staleBefore}`;
    if (taken === 1) return 'new';
    const row = await this.db.inboundReceipt.findUnique({ where: { key }, select: { handledAt: true } });
    // Released between the two statements: the delivery is nobody's, so the caller may retry.
    if (!row) return 'busy';
    return row.handledAt ? 'done' : 'busy';
  }

  async finish(key: string): Promise<void> {
    await this.db.inboundReceipt.updateMany({ where: { key }, data: { handledAt: this.clock.now() } });
  }

  async release(key: string): Promise<void> {
    await this.db.inboundReceipt.deleteMany({ where: { key } });
  }

  /** Receipts older than the platforms' retry windows are no longer needed. */
  async prune(olderThan: Date): Promise<number> {
    return (await this.db.inboundReceipt.deleteMany({ where: { receivedAt: { lt: olderThan } } })).count;
  }
}
