import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/db/database';
import { DataDirInUse, LOCK_FILE } from '../../../src/db/data-dir-lock';
import { exitOf, freePort, spawnBot, waitForHealthy } from '../../helpers/spawn-bot';

/** Issue 9 item 5: one process per PGlite folder, the second refused with the holder named. */
describe('PGlite data folder lock', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'senco-lock-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second opener naming the holder, and frees the folder on close', async () => {
    const first = await openDatabase({ dataDir });
    try {
      await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirInUse);
      await expect(openDatabase({ dataDir })).rejects.toThrow(`in use by process ${process.pid}`);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir });
    await again.close();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dead = { pid: 2 ** 22 + 12345, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z', command: 'crashed' };
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify(dead));
    const db = await openDatabase({ dataDir });
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await db.close();
  });

  it('a second bot process on the same folder exits with a clear message', async () => {
    const port = await freePort();
    const bot = spawnBot({ PORT: String(port), DATA_DIR: dataDir });
    try {
      await waitForHealthy(`http://127.0.0.1:${port}`, 60_000);
      const second = spawnBot({ PORT: String(await freePort()), DATA_DIR: dataDir });
      const { code } = await exitOf(second, 60_000);
      expect(code).not.toBe(0);
      expect(second.output()).toContain(`in use by process ${bot.pid}`);
    } finally {
      bot.kill('SIGTERM');
      await exitOf(bot, 30_000);
    }
  });
});
