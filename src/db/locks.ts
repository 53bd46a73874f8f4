import type { Prisma } from '@prisma/client';

/** First key of our two-key advisory locks, apart from the migration lock's single key. */
const LOCK_SPACE = 5_311_026;

/**
 * A transaction-scoped advisory lock (released at commit or rollback, on any replica): rules
 * read inside the transaction then see every earlier write under the same key. Keys:
 * `trusts` (creating a trust), `trust:<id>` (a trust's roster and rounds).
 */
export async function lockKey(tx: Prisma.TransactionClient, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_SPACE}::int4, hashtext(${key}))`;
}
