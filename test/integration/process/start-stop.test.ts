import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchPostgres, itOnPostgres } from '../../helpers/databases';
import { exitOf, freePort, spawnBot, waitForHealthy } from '../../helpers/spawn-bot';

/** The bot as a real process: starts on the embedded database, stops cleanly on a signal. */
describe('bot process', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('serves /healthz on PGlite and exits 0 on %s', async (signal) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'senco-data-'));
    const port = await freePort();
    const child = spawnBot({ PORT: String(port), DATA_DIR: dataDir });
    try {
      await waitForHealthy(`http://127.0.0.1:${port}`);
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
      child.kill(signal);
      expect(await exitOf(child)).toEqual({ code: 0, signal: null });
      expect(child.output()).toContain('shutting down');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses to start with bad settings, naming each variable', async () => {
    const child = spawnBot({ NODE_ENV: 'production', PORT: 'x' });
    expect((await exitOf(child)).code).toBe(1);
    expect(child.output()).toContain('PORT must be');
    expect(child.output()).toContain('MICROSOFT_APP_ID is required in production');
  });

  itOnPostgres('starts on PostgreSQL when DATABASE_URL is set', async () => {
    const scratch = await createScratchPostgres();
    const port = await freePort();
    const child = spawnBot({ PORT: String(port), DATABASE_URL: scratch.url });
    try {
      await waitForHealthy(`http://127.0.0.1:${port}`);
      const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
      expect(health).toMatchObject({ databaseKind: 'postgres', database: 'up' });
      child.kill('SIGTERM');
      expect((await exitOf(child)).code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await scratch.drop();
    }
  });
});
