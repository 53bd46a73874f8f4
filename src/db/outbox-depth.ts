import type { PrismaClient } from '@prisma/client';

/** Outbox rows not yet finished, counted by status: read on a metrics scrape only. */
export function outboxDepthReader(db: PrismaClient): () => Promise<Record<string, number>> {
  return async () => {
    const groups = await db.outboxMessage.groupBy({
      by: ['status'],
      where: { status: { in: ['queued', 'held', 'sending'] } },
      _count: { _all: true },
    });
    const counts: Record<string, number> = { queued: 0, held: 0, sending: 0 };
    for (const group of groups) counts[group.status] = group._count._all;
    return counts;
  };
}
