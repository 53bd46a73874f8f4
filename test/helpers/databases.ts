import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase, type Database } from '../../src/db/database';

/**
 * The databases every database test runs on: embedded PGlite always, and the real
 * PostgreSQL server when TEST_DATABASE_URL is set (.ci/run sets it). Each test file gets a
 * database of its own on the server, dropped afterwards, so files can run in parallel.
 */
export const databaseKinds: Array<'pglite' | 'postgres'> = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A test that needs the PostgreSQL server: run, or reported as skipped (never a silent pass). */
export const itOnPostgres: jest.It = process.env.TEST_DATABASE_URL ? it : it.skip;

// Without a server, every file using these helpers says so in Jest's summary ("1 skipped"
// per file, named below) instead of passing as if its PostgreSQL half had run.
if (!process.env.TEST_DATABASE_URL && typeof describe === 'function') {
  describe.skip('on PostgreSQL too (set TEST_DATABASE_URL to run)', () => {
    it('was skipped: no PostgreSQL server given', () => undefined);
  });
}

export interface TestDatabase extends Database {
  /** Connection string of the throwaway server database (postgres only). */
  url: string | null;
  destroy(): Promise<void>;
}

export async function createTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openDatabase({ memory: true });
    return { ...db, url: null, destroy: () => db.close() };
  }
  const scratch = await createScratchPostgres();
  const db = await openDatabase({ url: scratch.url });
  return {
    ...db,
    url: scratch.url,
    destroy: async () => {
      await db.close();
      await scratch.drop();
    },
  };
}

/** An empty database on the TEST_DATABASE_URL server, for tests that open it themselves. */
export async function createScratchPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `senco_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  return { url: withDatabase(adminUrl, name), drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
