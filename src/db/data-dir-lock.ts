import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** PGlite is one connection in one process: two processes on a folder lose each other's writes. */
export const LOCK_FILE = 'senco-bot.lock';

interface Holder {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

export class DataDirInUse extends Error {
  constructor(
    readonly dir: string,
    readonly holder: Holder,
  ) {
    super(
      `The data folder ${dir} is in use by process ${holder.pid} on ${holder.host} (started ${holder.startedAt}: ${holder.command}). ` +
        'Only one process can use a PGlite data folder: stop that one first (the bot and `npm run import` included), ' +
        'or set DATABASE_URL to share a PostgreSQL server.',
    );
    this.name = 'DataDirInUse';
  }
}

/**
 * Takes the folder's lock file, or throws DataDirInUse naming the holder. A lock left by a
 * process that is no longer running on this machine (a crash, kill -9) is taken over.
 * Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  const mine: Holder = {
    pid: process.pid,
    host: hostname(),
    // Wall-clock start of this process, for a person reading the message: not product time.
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      return () => releaseIfMine(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (holder && holder.host === mine.host && isRunning(holder.pid)) throw new DataDirInUse(dir, holder);
    if (holder && holder.host !== mine.host) throw new DataDirInUse(dir, holder);
    // Stale (its process is gone) or unreadable (a crash mid-write): take it over.
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`Could not take the lock on ${dir}: another process keeps taking it.`);
}

function readHolder(path: string): Holder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? { pid: parsed.pid, host: parsed.host, startedAt: String(parsed.startedAt ?? 'unknown'), command: String(parsed.command ?? '') }
      : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by someone else
  }
}

function releaseIfMine(path: string): void {
  const holder = readHolder(path);
  if (holder?.pid !== process.pid) return;
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to release.
  }
}
