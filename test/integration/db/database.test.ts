import { applyMigrations, readMigrations } from '../../../src/db/migrate';
import { PrismaReceiptStore } from '../../../src/db/receipt-store';
import { pgliteRunner } from '../../../src/db/sql-runner';
import { isUniqueViolation } from '../../../src/db/unique-violation';
import { PGlite } from '@electric-sql/pglite';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';

describe.each(databaseKinds)('database on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db.destroy());

  it('applies every checked-in migration and records it like Prisma Migrate', async () => {
    const rows = await db.prisma.$queryRaw<
      Array<{ migration_name: string }>
    >`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));
  });

  it('claims a delivery receipt once, and again after release', async () => {
    const receipts = new PrismaReceiptStore(db.prisma, new FakeClock('2031-02-03T10:00:00Z'));
    expect(await receipts.claim('teams:abc')).toBe(true);
    expect(await receipts.claim('teams:abc')).toBe(false);
    await receipts.release('teams:abc');
    expect(await receipts.claim('teams:abc')).toBe(true);
    // The receipt's time is the clock's (pruning goes by it), not the database server's now().
    const row = await db.prisma.inboundReceipt.findUniqueOrThrow({ where: { key: 'teams:abc' } });
    expect(row.receivedAt.toISOString()).toBe('2031-02-03T10:00:00.000Z');
  });

  it('begins a delivery once, finishes it, and lets a redelivery take over one left unfinished past its lease', async () => {
    const clock = new FakeClock('2031-02-03T10:00:00Z');
    const receipts = new PrismaReceiptStore(db.prisma, clock);
    expect(await receipts.begin('slack:T1:Ev1', 10_000)).toBe('new');
    expect(await receipts.begin('slack:T1:Ev1', 10_000)).toBe('busy');
    await receipts.finish('slack:T1:Ev1');
    clock.advance(60_000);
    expect(await receipts.begin('slack:T1:Ev1', 10_000)).toBe('done');
    // A handler that died: nobody finished it. Within the lease a redelivery waits; after it,
    // exactly one of several replicas asking at once takes the delivery over.
    expect(await receipts.begin('slack:T1:Ev2', 10_000)).toBe('new');
    clock.advance(9_000);
    expect(await receipts.begin('slack:T1:Ev2', 10_000)).toBe('busy');
    clock.advance(2_000);
    const racers = await Promise.all(Array.from({ length: 6 }, () => receipts.begin('slack:T1:Ev2', 10_000)));
    expect(racers.filter((r) => r === 'new')).toHaveLength(1);
    expect(racers.filter((r) => r !== 'new').every((r) => r === 'busy')).toBe(true);
    // `claim` (one-off effects such as the welcome card) records a finished receipt.
    expect(await receipts.claim('welcome:p1')).toBe(true);
    expect(await receipts.begin('welcome:p1', 10_000)).toBe('done');
  });

  it('reports a lost race on a unique index the same way on both databases', async () => {
    await db.prisma.trust.create({ data: { name: 'Race Trust' } });
    const lost = await db.prisma.trust.create({ data: { name: 'Race Trust' } }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(lost).not.toBeNull();
    expect(isUniqueViolation(lost)).toBe(true);
    expect(isUniqueViolation(new Error('connection refused'))).toBe(false);
  });

  it('reads and writes through Prisma, including JSON and arrays', async () => {
    const trust = await db.prisma.trust.create({ data: { name: 'Oak Trust' } });
    await db.prisma.person.create({ data: { trustId: trust.id, name: 'Ann', email: 'ann@oak.sch.uk', tags: ['autism', 'SaLT'] } });
    const person = await db.prisma.person.findFirstOrThrow({ where: { email: 'ann@oak.sch.uk' } });
    expect(person.tags).toEqual(['autism', 'SaLT']);
  });
});

describe('migrator', () => {
  it('is idempotent and refuses an edited migration', async () => {
    const pg = new PGlite();
    try {
      const migrations = readMigrations();
      expect(await applyMigrations(pgliteRunner(pg), migrations)).toHaveLength(migrations.length);
      expect(await applyMigrations(pgliteRunner(pg), migrations)).toEqual([]);
      const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: 'x'.repeat(64) } : m));
      await expect(applyMigrations(pgliteRunner(pg), edited)).rejects.toThrow(/edited after it was applied/);
    } finally {
      await pg.close();
    }
  });

  it('rolls back a failing migration and leaves nothing recorded', async () => {
    const pg = new PGlite();
    try {
      const bad = [{ name: '0001_bad', sql: 'CREATE TABLE a (id int); SELECT * FROM missing_table;', checksum: 'c'.repeat(64) }];
      await expect(applyMigrations(pgliteRunner(pg), bad)).rejects.toThrow(/0001_bad failed/);
      const tables = await pg.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'a'`);
      expect(tables.rows).toHaveLength(0);
    } finally {
      await pg.close();
    }
  });
});
