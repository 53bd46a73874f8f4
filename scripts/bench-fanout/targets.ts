/**
 * Where a benchmark run keeps its outbox: a fresh database on the PostgreSQL server named by
 * BENCH_DATABASE_URL or TEST_DATABASE_URL (dropped afterwards), else a PGlite data folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openDatabase, type Database } from '../../src/db/database';

export interface BenchTarget {
  kind: 'postgres' | 'pglite';
  /** Opens it (applying migrations); PGlite may be open in one process at a time. */
  open(): Promise<Database>;
  /** Environment for a bot process using the same database. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function freshTarget(label: string): Promise<BenchTarget> {
  const server = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  return server ? serverTarget(server, label) : pgliteTarget(label);
}

async function serverTarget(adminUrl: string, label: string): Promise<BenchTarget> {
  const name = `senco_bench_${label}_${Date.now().toString(36)}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    open: () => openDatabase({ url: url.toString() }),
    env: { DATABASE_URL: url.toString() },
    cleanup: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

function pgliteTarget(label: string): BenchTarget {
  const dataDir = mkdtempSync(join(tmpdir(), `senco-bench-${label}-`));
  return {
    kind: 'pglite',
    open: () => openDatabase({ dataDir }),
    env: { DATA_DIR: dataDir },
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
