/**
 * What one SQL statement costs the bot's process, in CPU time: the same single-row read through
 * Prisma's query builder (`findUnique`, what the features use), through Prisma's raw SQL
 * (`$queryRaw`), and through the `pg` driver alone, on PostgreSQL and on PGlite. Prisma 6.19's
 * client engine compiles every query in WebAssembly (no plan cache, parameters inlined) before
 * the driver sends it; this puts a number on that, for docs/performance.md.
 *
 * Run: npm run bench:statement. Environment: BENCH_STATEMENTS (3000 per kind),
 * BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres: a database of the
 * run's own is created there and dropped).
 * Last line: statement n=… pg_findunique_cpu_ms=… pg_queryraw_cpu_ms=… pg_driver_cpu_ms=…
 *   pglite_findunique_cpu_ms=… pglite_queryraw_cpu_ms=…
 */
import { Client } from 'pg';
import { openDatabase, type Database } from '../src/db/database';
import { scratchDatabase } from './scratch-database';

const N = Number(process.env.BENCH_STATEMENTS ?? 3000);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** CPU milliseconds per call of `run`, after a warm-up of a tenth as many calls. */
async function cpuPerCall(run: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < N / 10; i++) await run(i);
  const before = process.cpuUsage();
  for (let i = 0; i < N; i++) await run(i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / N;
}

async function prismaCosts(db: Database): Promise<{ findUnique: number; queryRaw: number }> {
  const trust = await db.prisma.trust.create({ data: { name: `Statement bench ${Date.now()}` } });
  const findUnique = await cpuPerCall(() => db.prisma.trust.findUnique({ where: { id: trust.id }, select: { name: true } }));
  const queryRaw = await cpuPerCall(() => db.prisma.$queryRaw`SELECT "name" FROM "Trust" WHERE "id" = ${trust.id}`);
  return { findUnique, queryRaw };
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase(ADMIN_URL, 'senco_bench_statement');
  try {
    const pg = await openDatabase({ url: scratch.url });
    const onPg = await prismaCosts(pg);
    await pg.close();
    const driver = new Client({ connectionString: scratch.url });
    await driver.connect();
    const driverCost = await cpuPerCall(() => driver.query('SELECT "name" FROM "Trust" WHERE "id" = $1', ['none']));
    await driver.end();
    const pglite = await openDatabase({ memory: true });
    const onPglite = await prismaCosts(pglite);
    await pglite.close();
    const f = (ms: number) => ms.toFixed(3);
    console.log(
      `PostgreSQL, CPU per statement: Prisma findUnique ${f(onPg.findUnique)} ms, $queryRaw ${f(onPg.queryRaw)} ms, pg driver ${f(driverCost)} ms`,
    );
    console.log(
      `PGlite (in the process), CPU per statement: Prisma findUnique ${f(onPglite.findUnique)} ms, $queryRaw ${f(onPglite.queryRaw)} ms`,
    );
    console.log(
      `statement n=${N} pg_findunique_cpu_ms=${f(onPg.findUnique)} pg_queryraw_cpu_ms=${f(onPg.queryRaw)} pg_driver_cpu_ms=${f(driverCost)} pglite_findunique_cpu_ms=${f(onPglite.findUnique)} pglite_queryraw_cpu_ms=${f(onPglite.queryRaw)}`,
    );
  } finally {
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
