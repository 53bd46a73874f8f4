import type { Clock, ReceiptStore } from '../core/ports';
import type { Db } from './database';

/**
 * Delivery receipts: the primary key makes a redelivery's claim fail, on any replica. The
 * receipt's time is the injected clock's (housekeeping prunes by it), not the server's now().
 */
export class PrismaReceiptStore implements ReceiptStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async claim(key: string): Promise<boolean> {
    const inserted = await this.db
      .$executeRaw`INSERT INTO "InboundReceipt" ("key", "receivedAt") VALUES (${key}, ${this.clock.now()}) ON CONFLICT DO NOTHING`;
    return inserted === 1;
  }

  async release(key: string): Promise<void> {
    await this.db.inboundReceipt.deleteMany({ where: { key } });
  }

  /** Receipts older than the platforms' retry windows are no longer needed. */
  async prune(olderThan: Date): Promise<number> {
    return (await this.db.inboundReceipt.deleteMany({ where: { receivedAt: { lt: olderThan } } })).count;
  }
}
