/**
 * Inbound load: realistic chat traffic over HTTP to the real bot (dist/src/main.js in child
 * processes, local mode) and, in the same run, to a bare echo bot on the same stack
 * (scripts/bench-load/echo-bot.ts), so the machine's own speed cancels out in the ratio.
 *
 * BENCH_USERS people (scripts/bench-load/seed.ts: 65% SENCOs, 10% SEND leaders, 25% newcomers,
 * half on Teams and half on Slack) each run BENCH_SESSIONS sessions (scripts/bench-load/traffic.ts),
 * BENCH_CONCURRENCY (32) at a time, against fake platforms on loopback. Per database
 * (BENCH_DB: pglite,postgres) it prints requests per second, p50 and p99 latency for the bot
 * and the echo bot, their ratios, the bot's resident memory after the run, and SQL statements
 * per request (from the bot's `senco_db_statements_total`, less its idle background rate).
 * PostgreSQL: a database of the run's own on BENCH_DATABASE_URL's server (default
 * postgresql://postgres@127.0.0.1:5432/postgres), dropped afterwards. BENCH_REPLICAS=1,2,3
 * runs the PostgreSQL load once per replica count, requests round-robin over the processes.
 *
 * BENCH_PROFILE=<folder> writes each process's V8 CPU profile there (open it in Chrome's DevTools).
 *
 * BENCH_BASELINE=<other checkout>/dist/src/main.js measures that build too, first, as `load_baseline`.
 *
 * Run: npm run bench:load. Last line:
 *   load db=postgres replicas=1 ratio=… p99_ratio=… rss_mb=… bot_rps=… echo_rps=… …
 */
import '../src/tz';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type DatabaseTarget } from '../src/db/database';
import { FakePlatforms } from './bench-load/fake-platforms';
import { population, seed, type BenchUser } from './bench-load/seed';
import { SIGNING_SECRET, session, type Outcome } from './bench-load/traffic';
import { scratchDatabase } from './scratch-database';

const USERS = Number(process.env.BENCH_USERS ?? 2000);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 1);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const DATABASES = (process.env.BENCH_DB ?? 'pglite,postgres').split(',').filter(Boolean);
const REPLICAS = (process.env.BENCH_REPLICAS ?? '1').split(',').map(Number);
/** Another build of the bot (its dist/src/main.js) to measure in the same run, e.g. before a change. */
const BASELINE = process.env.BENCH_BASELINE ?? '';
const MAIN = join(__dirname, '..', 'src', 'main.js');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Stats {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

interface Proc {
  child: ChildProcess;
  url: string;
}

async function main(): Promise<void> {
  const people = population(USERS);
  console.log(
    `inbound load: ${USERS} people x ${SESSIONS} session(s), ${CONCURRENCY} at a time; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const lines: string[] = [];
  for (const db of DATABASES) {
    if (BASELINE) lines.push(await runOne(db as 'pglite' | 'postgres', 1, people, BASELINE, 'load_baseline'));
    for (const replicas of db === 'postgres' ? REPLICAS : [1])
      lines.push(await runOne(db as 'pglite' | 'postgres', replicas, people, MAIN, 'load'));
  }
  for (const line of lines) console.log(line);
}

async function runOne(db: 'pglite' | 'postgres', replicas: number, people: BenchUser[], main: string, label: string): Promise<string> {
  const platforms = await new FakePlatforms().start();
  const work = mkdtempSync(join(tmpdir(), 'senco-bench-load-'));
  const store =
    db === 'postgres'
      ? await ownDatabase()
      : { target: { dataDir: join(work, 'data') } as DatabaseTarget, env: { DATA_DIR: join(work, 'data') }, drop: async () => undefined };
  const procs: Proc[] = [];
  try {
    const database = await openDatabase(store.target);
    await seed(database, people, platforms);
    await database.close();
    const env = { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: `${platforms.url}/api/` };
    const echo = await startProcess(join(__dirname, 'bench-load', 'echo-bot.js'), env, work);
    procs.push(echo);
    for (let i = 1; i <= replicas; i++) procs.push(await startProcess(main, { ...env, ...store.env, INSTANCE_ID: `load-${i}` }, work));
    const bots = procs.slice(1);
    // Echo first, then the bot: one at a time, so neither competes with the other for the CPU.
    const echoStats = await drive(people, () => echo.url, platforms);
    const idleRate = await idleStatementRate(bots);
    const before = await statements(bots);
    const started = performance.now();
    let turn = 0;
    const botStats = await drive(people, () => bots[turn++ % bots.length]!.url, platforms);
    const seconds = (performance.now() - started) / 1000;
    const used = (await statements(bots)) - before - idleRate * seconds;
    const rss = bots.reduce((sum, b) => sum + rssMb(b.child.pid!), 0);
    const line = [
      `${label} db=${db} replicas=${replicas}`,
      `ratio=${(botStats.rps / echoStats.rps).toFixed(2)}`,
      `p99_ratio=${(botStats.p99 / echoStats.p99).toFixed(2)}`,
      `rss_mb=${Math.round(rss)}`,
      `bot_rps=${botStats.rps.toFixed(0)} echo_rps=${echoStats.rps.toFixed(0)}`,
      `bot_p50_ms=${botStats.p50.toFixed(0)} bot_p99_ms=${botStats.p99.toFixed(0)}`,
      `echo_p50_ms=${echoStats.p50.toFixed(0)} echo_p99_ms=${echoStats.p99.toFixed(0)}`,
      `echo_rss_mb=${Math.round(rssMb(echo.child.pid!))}`,
      `statements_per_req=${(used / botStats.requests).toFixed(1)}`,
      `requests=${botStats.requests} errors=${botStats.errors} echo_errors=${echoStats.errors}`,
      `load_avg=${loadavg()[0]!.toFixed(1)}`,
    ].join(' ');
    console.log(line);
    return line;
  } finally {
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(
      procs.map((p) => new Promise((resolve) => (p.child.exitCode !== null ? resolve(null) : p.child.once('exit', resolve)))),
    );
    await platforms.stop();
    await store.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Every person's sessions, CONCURRENCY at a time; a short warm-up first is not counted. */
async function drive(people: BenchUser[], target: () => string, platforms: FakePlatforms): Promise<Stats> {
  const warm = people.filter((p) => p.kind === 'newcomer').slice(0, CONCURRENCY);
  await Promise.all(warm.map((u) => session(u, target, platforms, platforms.url, () => undefined)));
  const queue = Array.from({ length: SESSIONS }, () => people).flat();
  const outcomes: Outcome[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < queue.length) await session(queue[next++]!, target, platforms, platforms.url, (o) => outcomes.push(o));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    requests: outcomes.length,
    errors: outcomes.filter((o) => !o.ok).length,
    rps: outcomes.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
  };
}

async function startProcess(script: string, env: Record<string, string>, cwd: string): Promise<Proc> {
  const port = await freePort();
  // BENCH_PROFILE=<folder>: each process writes a V8 CPU profile there when it exits.
  const profile = process.env.BENCH_PROFILE ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, script], {
    cwd, // a folder without a .env, so a developer's settings cannot leak in
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, url };
    if (i > 1200) throw new Error(`${script} did not become healthy`);
    await sleep(100);
  }
}

/** The bots' SQL statements so far (their /metrics, loopback only). */
async function statements(bots: Proc[]): Promise<number> {
  let total = 0;
  for (const bot of bots) {
    const text = await (await fetch(`${bot.url}/metrics`)).text();
    total += Number(/^senco_db_statements_total (\S+)/m.exec(text)?.[1] ?? 0);
  }
  return total;
}

/** Statements per second with no traffic (the scheduler's polling), to take off the load's count. */
async function idleStatementRate(bots: Proc[]): Promise<number> {
  const before = await statements(bots);
  await sleep(3000);
  return ((await statements(bots)) - before) / 3;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** A PostgreSQL database of this run's own (never another's), dropped at the end. */
async function ownDatabase() {
  const scratch = await scratchDatabase(ADMIN_URL, 'senco_bench_load');
  return { target: { url: scratch.url } as DatabaseTarget, env: { DATABASE_URL: scratch.url }, drop: scratch.drop };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
