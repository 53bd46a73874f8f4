import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { lockDataDir } from './data-dir-lock';
import { countingAdapter, type StatementCounter } from './query-counter';
import { applyMigrations } from './migrate';
import { pgliteRunner, withPgRunner } from './sql-runner';

export type Db = PrismaClient;

export interface Database {
  prisma: PrismaClient;
  kind: 'pglite' | 'postgres';
  /** Closes every connection; an open PGlite would keep the process alive. */
  close(): Promise<void>;
}

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

/**
 * Embedded PostgreSQL sized for one small bot: the server defaults (128 MB of shared buffers)
 * are for a machine of its own, and in WebAssembly every touched page stays resident.
 * Measured with `npm run bench:startup`: idle memory about 90 MB lower. PGlite's WebAssembly
 * memory cannot start below 128 MB (`initialMemory`: the module declares 2048 pages).
 */
const PGLITE_OPTIONS = {
  postgresqlconf: ['shared_buffers=16MB', 'work_mem=1MB', 'maintenance_work_mem=4MB', 'temp_buffers=1MB', 'wal_buffers=64kB'],
};

/**
 * Opens the database and applies pending migrations: PostgreSQL when a URL is given,
 * otherwise embedded PGlite in a data folder (or in memory, for tests).
 */
export async function openDatabase(target: DatabaseTarget, options: { onStatement?: StatementCounter } = {}): Promise<Database> {
  const counted = <A extends object>(adapter: A): A => (options.onStatement ? countingAdapter(adapter, options.onStatement) : adapter);
  if ('url' in target) {
    await withPgRunner(target.url, (runner) => applyMigrations(runner));
    const prisma = new PrismaClient({ adapter: counted(new PrismaPg({ connectionString: target.url, max: 10 })) });
    return { prisma, kind: 'postgres', close: () => prisma.$disconnect() };
  }
  if ('dataDir' in target) mkdirSync(target.dataDir, { recursive: true });
  // Before opening: a second process on the folder would silently lose writes.
  const unlock = 'dataDir' in target ? lockDataDir(target.dataDir) : () => undefined;
  let opened: PGlite | null = null;
  try {
    opened = 'dataDir' in target ? new PGlite(target.dataDir, PGLITE_OPTIONS) : new PGlite(PGLITE_OPTIONS);
    await applyMigrations(pgliteRunner(opened));
  } catch (error) {
    await opened?.close().catch(() => undefined);
    unlock();
    throw error;
  }
  const pglite = opened;
  // pglite-prisma-adapter is built against a newer driver-adapter-utils whose types differ
  // only nominally from the 6.19 client's; the runtime protocol is the same (tested).
  const adapter = new PrismaPGlite(pglite) as unknown as ConstructorParameters<typeof PrismaClient>[0] extends infer O
    ? O extends { adapter?: infer A }
      ? NonNullable<A>
      : never
    : never;
  const prisma = new PrismaClient({ adapter: counted(adapter) });
  return {
    prisma,
    kind: 'pglite',
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
      unlock();
    },
  };
}
