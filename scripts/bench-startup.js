#!/usr/bin/env node
// Measures what the README reports: time from process start to /healthz 200 (cold = empty
// data folder, migrations applied; warm = second start), resident memory after idling, and
// time to exit on SIGTERM. Runs the built bot (npm run bench:startup builds first).
const { spawn, execFileSync } = require('node:child_process');
const { mkdtempSync, readFileSync, existsSync } = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const main = path.join(__dirname, '..', 'dist', 'src', 'main.js');
if (!existsSync(main)) {
  console.error('Build first: npm run build');
  process.exit(2);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function rssMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return Number(line.split(/\s+/)[1]) / 1024;
  } catch {
    return (
      Number(
        execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
          .toString()
          .trim(),
      ) / 1024
    );
  }
}

async function run(dataDir, idleMs, databaseUrl = '') {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) break;
    } catch {
      /* not yet */
    }
    if (child.exitCode !== null) throw new Error('bot exited during start-up');
    await sleep(20);
  }
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  await sleep(idleMs);
  const rss = rssMb(child.pid);
  const stopping = process.hrtime.bigint();
  child.kill('SIGTERM');
  const code = await new Promise((resolve) => child.once('exit', (c) => resolve(c)));
  const shutdownMs = Number(process.hrtime.bigint() - stopping) / 1e6;
  return { readyMs, rss, shutdownMs, code };
}

(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'senco-bench-'));
  const cold = await run(dataDir, 500);
  const warm = await run(dataDir, 5000);
  console.log(`cold start (empty data folder, migrations): ${cold.readyMs.toFixed(0)} ms`);
  console.log(
    `warm start: ${warm.readyMs.toFixed(0)} ms; RSS after 5 s idle: ${warm.rss.toFixed(0)} MB; SIGTERM to exit: ${warm.shutdownMs.toFixed(0)} ms (code ${warm.code})`,
  );
  const pgUrl = process.env.BENCH_DATABASE_URL;
  let pgFigures = '';
  if (pgUrl) {
    const pg = await run(dataDir, 5000, pgUrl);
    console.log(`on PostgreSQL: start ${pg.readyMs.toFixed(0)} ms; RSS after 5 s idle: ${pg.rss.toFixed(0)} MB`);
    pgFigures = ` pg_start_ms=${pg.readyMs.toFixed(0)} pg_idle_rss_mb=${pg.rss.toFixed(0)}`;
  }
  console.log(
    `startup cold_ms=${cold.readyMs.toFixed(0)} warm_ms=${warm.readyMs.toFixed(0)} idle_rss_mb=${warm.rss.toFixed(0)} shutdown_ms=${warm.shutdownMs.toFixed(0)} exit_code=${warm.code}${pgFigures}`,
  );
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
