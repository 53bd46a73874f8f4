import type { Housekeeping, PruneReport, RetentionPolicy } from '../core/housekeeping-port';
import type { Db } from './database';
import { PrismaImportStore } from './import-store';

const DAY_MS = 24 * 60 * 60 * 1000;

export class PrismaHousekeeping implements Housekeeping {
  constructor(private readonly db: Db) {}

  async prune(now: Date, policy: RetentionPolicy): Promise<PruneReport> {
    const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const receipts = await this.db.inboundReceipt.deleteMany({ where: { receivedAt: { lt: before(policy.receiptsDays) } } });
    // Only settled rows: queued, held and sending rows are live work, whatever their age.
    const outbox = await this.db.outboxMessage.deleteMany({ where: { settledAt: { lt: before(policy.settledOutboxDays) } } });
    const emptied = await this.db.outboxMessage.updateMany({
      where: { settledAt: { lt: before(policy.settledOutboxContentDays) }, NOT: { content: { equals: {} } } },
      data: { content: {}, lastError: null },
    });
    const jobs = await this.db.jobRun.deleteMany({ where: { finishedAt: { lt: before(policy.finishedJobsDays) } } });
    // The sweep's own `now` stamps the cancellations, as every other time here.
    const imports = await new PrismaImportStore(this.db, { now: () => now }).expire(
      new Date(now.getTime() - policy.importPreviewHours * 60 * 60 * 1000),
    );
    const conversations = await this.db.conversationState.deleteMany({ where: { expiresAt: { lte: now } } });
    const files = await this.db.storedFile.deleteMany({ where: { expiresAt: { lte: now } } });
    // Windows are minutes long; a day-old use counts for nothing.
    const rateLimits = await this.db.rateLimitHit.deleteMany({ where: { at: { lt: before(policy.receiptsDays) } } });
    // A pacing row whose slots are a day past is a free bucket, as a missing one is (an old Slack
    // channel, a departed tenant): the next send creates it again.
    const dayAgo = now.getTime() - DAY_MS;
    const paces = await this.db.ratePace.deleteMany({ where: { nextAtMs: { lt: dayAgo }, pausedUntilMs: { lt: dayAgo } } });
    return {
      receipts: receipts.count,
      outbox: outbox.count,
      outboxEmptied: emptied.count,
      jobs: jobs.count,
      imports,
      conversations: conversations.count,
      files: files.count,
      rateLimits: rateLimits.count,
      paces: paces.count,
    };
  }
}
