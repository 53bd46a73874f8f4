import { openDatabase } from '../../../src/db/database';

describe('countingAdapter (senco_db_statements_total)', () => {
  it('counts each statement Prisma sends, and a transaction as BEGIN + its statements + COMMIT', async () => {
    const seen: Array<string | undefined> = [];
    const db = await openDatabase({ memory: true }, { onStatement: (sql) => seen.push(sql) });
    try {
      await db.prisma.trust.count();
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatch(/SELECT COUNT/);
      seen.length = 0;
      await db.prisma.$transaction(async (tx) => {
        await tx.trust.create({ data: { name: 'Counted' } });
        await tx.trust.count();
      });
      expect(seen.filter((s) => s === undefined)).toHaveLength(2);
      expect(seen.filter((s) => s !== undefined).length).toBeGreaterThanOrEqual(2);
      expect(seen.some((s) => /INSERT INTO/.test(s ?? ''))).toBe(true);
    } finally {
      await db.close();
    }
  });
});
