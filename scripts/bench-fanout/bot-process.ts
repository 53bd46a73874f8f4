/**
 * The real bot (dist/src/main.js) as a child process, for the kill -9 and restart run. It
 * gets a stable INSTANCE_ID, as a replica with a fixed name would, and no Slack or Teams
 * credentials (local mode: proactive sends go to the rows' serviceUrl, the fake connector).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface BotProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
}

export async function startBotProcess(env: Record<string, string>, workDir: string, logFile: string): Promise<BotProcess> {
  const port = await freePort();
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'src', 'main.js')], {
    // cwd: a folder without a .env, so a developer's settings cannot leak in.
    cwd: workDir,
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', PORT: String(port), HOST: '127.0.0.1', INSTANCE_ID: 'bench-bot', ...env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
