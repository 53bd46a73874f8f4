import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlRunner } from './sql-runner';

/** Same key Prisma Migrate uses, so the CLI and the bot never migrate at the same time. */
const ADVISORY_LOCK_KEY = 72707369;

export const MIGRATIONS_DIR = join(__dirname, '..', '..', 'prisma', 'migrations');

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Reads prisma/migrations/<timestamp>_<name>/migration.sql in order. */
export function readMigrations(dir = locateMigrations()): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Works from src/ (ts-jest) and from dist/src/ (the built bot). */
function locateMigrations(): string {
  const candidates = [MIGRATIONS_DIR, join(__dirname, '..', '..', '..', 'prisma', 'migrations')];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`prisma/migrations not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * Applies the checked-in migrations that are not yet applied, each in its own transaction,
 * recording them in Prisma's own `_prisma_migrations` table so `prisma migrate status`
 * agrees. Holds an advisory lock, so replicas starting together migrate once. Refuses to
 * start when an applied migration's file was edited afterwards.
 */
export async function applyMigrations(runner: SqlRunner, migrations = readMigrations()): Promise<string[]> {
  await runner.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
  await runner.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
  try {
    const applied = await runner.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const done = new Map(applied.map((row) => [row.migration_name, row.checksum]));
    const newlyApplied: string[] = [];
    for (const migration of migrations) {
      const checksum = done.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was edited after it was applied. Add a new migration instead (npm run db:diff).`);
        }
        continue;
      }
      await applyOne(runner, migration);
      newlyApplied.push(migration.name);
    }
    return newlyApplied;
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
  }
}

async function applyOne(runner: SqlRunner, migration: Migration): Promise<void> {
  const id = randomUUID();
  await runner.exec('BEGIN');
  try {
    await runner.exec(migration.sql);
    await runner.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 1)`,
      [id, migration.checksum, migration.name],
    );
    await runner.exec('COMMIT');
  } catch (error) {
    await runner.exec('ROLLBACK');
    throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
  }
}
