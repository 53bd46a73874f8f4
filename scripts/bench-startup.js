#!/usr/bin/env node
// Start-up as a newcomer meets it: `npm start` (which builds only when sources changed) to the
// first 200 from /healthz, then resident memory after idling, then SIGTERM to exit. Each
// figure is the median and range (min-max) of RUNS runs, each with a clean environment (PATH,
// HOME, TZ and the bot's own settings only) and, for PGlite, a fresh data folder:
// - pglite_cold: empty data folder (database created, migrations applied);
// - pglite_warm: the same folder again;
// - pg: PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL; a scratch database, dropped
//   afterwards), after one unmeasured first start that applies the migrations.
// Environment: BENCH_RUNS (5), BENCH_IDLE_MS (5000).
// Last line: startup runs=... pglite_cold_ms=... pglite_warm_ms=... pglite_idle_rss_mb=... pg_start_ms=... pg_idle_rss_mb=... shutdown_ms=...
const { spawn } = require('node:child_process');
const { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 5000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The bot process under `npm start` (npm -> sh -> node scripts/start.js). */
function botPid(ancestor) {
  const parentOf = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parentOf.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const descends = (pid) => {
    for (let p = pid; p > 1; p = parentOf.get(p) ?? 0) if (p === ancestor) return true;
    return false;
  };
  for (const pid of parentOf.keys()) {
    if (pid === ancestor || !descends(pid)) continue;
    try {
      // The node process itself, not the `sh -c` npm runs it through.
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (path.basename(argv[0]) === 'node' && argv.some((a) => a.endsWith('scripts/start.js'))) return pid;
    } catch {
      /* gone */
    }
  }
  return null;
}

function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
}

async function run(settings, idleMs) {
  const port = await freePort();
  // A clean environment: nothing from the developer's shell but PATH and HOME.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME ?? os.homedir(), TZ: 'UTC', PORT: String(port), ...settings };
  const started = process.hrtime.bigint();
  const child = spawn('npm', ['start', '--silent'], { cwd: root, env, stdio: 'ignore' });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) break;
    } catch {
      /* not yet */
    }
    if (child.exitCode !== null) throw new Error('npm start exited during start-up');
    await sleep(10);
  }
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  await sleep(idleMs);
  const bot = botPid(child.pid);
  if (!bot) throw new Error('bot process not found under npm start');
  const rss = rssMb(bot);
  const stopping = process.hrtime.bigint();
  process.kill(bot, 'SIGTERM');
  const code = await new Promise((resolve) => child.once('exit', (c) => resolve(c)));
  const shutdownMs = Number(process.hrtime.bigint() - stopping) / 1e6;
  if (code !== 0) throw new Error(`npm start exited with ${code} after SIGTERM`);
  return { readyMs, rss, shutdownMs };
}

/** median(min-max), rounded. */
function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  return `${median.toFixed(0)}(${sorted[0].toFixed(0)}-${sorted.at(-1).toFixed(0)})`;
}

(async () => {
  if (existsSync(path.join(root, '.env'))) console.warn('note: a .env file exists here; settings not given by this benchmark come from it');
  console.log(
    `npm start to /healthz 200, ${RUNS} runs each, RSS after ${IDLE_MS / 1000} s idle (Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`,
  );
  const cold = [];
  const warm = [];
  const folders = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'senco-bench-'));
      folders.push(dataDir);
      cold.push(await run({ DATA_DIR: dataDir, DATABASE_URL: '' }, 0));
      warm.push(await run({ DATA_DIR: dataDir, DATABASE_URL: '' }, IDLE_MS));
    }
  } finally {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  }
  const pick = (list, key) => spread(list.map((r) => r[key]));
  console.log(`PGlite, empty data folder: ${pick(cold, 'readyMs')} ms`);
  console.log(
    `PGlite, existing data folder: ${pick(warm, 'readyMs')} ms; RSS ${pick(warm, 'rss')} MB; SIGTERM to exit ${pick(warm, 'shutdownMs')} ms`,
  );
  let figures = `startup runs=${RUNS} pglite_cold_ms=${pick(cold, 'readyMs')} pglite_warm_ms=${pick(warm, 'readyMs')} pglite_idle_rss_mb=${pick(warm, 'rss')}`;
  const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    // The build (npm run bench:startup builds first) has the benchmarks' scratch-database helper.
    const { scratchDatabase } = require('../dist/scripts/scratch-database');
    const scratch = await scratchDatabase(adminUrl, 'senco_bench_startup');
    try {
      await run({ DATABASE_URL: scratch.url }, 0); // applies the migrations
      const pg = [];
      for (let i = 0; i < RUNS; i++) pg.push(await run({ DATABASE_URL: scratch.url }, IDLE_MS));
      console.log(`PostgreSQL: ${pick(pg, 'readyMs')} ms; RSS ${pick(pg, 'rss')} MB; SIGTERM to exit ${pick(pg, 'shutdownMs')} ms`);
      figures += ` pg_start_ms=${pick(pg, 'readyMs')} pg_idle_rss_mb=${pick(pg, 'rss')}`;
    } finally {
      await scratch.drop();
    }
  } else {
    console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  }
  console.log(`${figures} shutdown_ms=${pick(warm, 'shutdownMs')}`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
