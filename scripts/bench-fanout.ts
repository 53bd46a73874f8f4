/**
 * Fan-out benchmark: N proactive Teams messages through the outbox to a fake connector that
 * enforces a per-tenant rate cap (sliding one-second window) and answers 429 + Retry-After
 * above it.
 *
 * 1. fanout: the production scheduler in this process (default rates, real clock, real
 *    TeamsSender): completion time as a ratio of the theoretical minimum N / cap, share of
 *    calls answered 429, duplicates and losses seen by the fake.
 * 2. kill and restart: the real bot (dist/src/main.js) in a child process delivers the same
 *    kind of fan-out; it is SIGKILLed mid-run and started again, and the fake counts
 *    duplicates and losses. Rows that were mid-call at the kill are 'uncertain' and not sent
 *    again (src/scheduler/outbox-worker.ts): a loss is counted only when the fake never got them.
 *
 * The fan-out runs BENCH_RUNS times with the CPU otherwise idle, and as many times with one
 * busy-looping process per core beside it (a shared or noisy machine); ratio and 429 share
 * are printed as median(min-max) for each.
 *
 * Run: npm run bench:fanout. Environment: BENCH_N (5000), BENCH_RUNS (3), BENCH_BUSY (both |
 * idle | busy), BENCH_CAP (50/s), BENCH_LATENCY_MS (fake connector latency, 20),
 * BENCH_KILL_AT (fraction delivered before the kill, 0.4), BENCH_DATABASE_URL or
 * TEST_DATABASE_URL (PostgreSQL server; else PGlite data folders), BENCH_KILL=0 skips the
 * kill-and-restart run; BENCH_REPLICAS=0 skips the replica runs, BENCH_REPLICAS_ONLY=1 runs
 * only them.
 * 3. replicas (PostgreSQL only, scripts/bench-fanout/replicas.ts): 1, 2 and 3 bot processes
 *    sharing the tenant, then 3 with one SIGKILLed; then the last line is
 *    fanout_replicas r=3 ratio=… p429=… dup=… lost=… killed_ratio=…
 * Last line: fanout n=… runs=… ratio=… p429=… busy_ratio=… busy_p429=… dup=… lost=…
 * killed_restart_dup=… killed_restart_lost=… killed_restart_uncertain=…
 */
import '../src/tz';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { createProactiveAdapter } from '../adapters/teams/proactive-adapter';
import { TeamsSender } from '../adapters/teams/teams-sender';
import { textMessage } from '../src/core/message';
import { teamsBucket, type OutboxEntry } from '../src/core/outbox-port';
import { systemClock } from '../src/core/ports';
import type { Database } from '../src/db/database';
import { PrismaJobClaims } from '../src/db/job-claims';
import { PrismaDeliveryQueue } from '../src/db/outbox-delivery-repo';
import { PrismaOutbox } from '../src/db/outbox-repo';
import { PrismaReachability } from '../src/db/reachability-repo';
import { createLogger } from '../src/logger';
import { startScheduler } from '../src/scheduler/index';
import { FakeTeamsConnector } from '../test/fakes/fake-teams-connector';
import { startBotProcess } from './bench-fanout/bot-process';
import { replicaBench } from './bench-fanout/replicas';
import { freshTarget } from './bench-fanout/targets';

const N = Number(process.env.BENCH_N ?? 5000);
const CAP = Number(process.env.BENCH_CAP ?? 50);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const KILL_AT = Number(process.env.BENCH_KILL_AT ?? 0.4);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MODES = (process.env.BENCH_BUSY ?? 'both') === 'both' ? ['idle', 'busy'] : [process.env.BENCH_BUSY ?? 'idle'];
const TENANT = 'bench-tenant';
/** The restarted bot is done when nothing new arrives for this long. */
const STALL_MS = 15_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  if (process.env.BENCH_REPLICAS_ONLY === '1')
    return replicaBench({ n: N, cap: CAP, latencyMs: LATENCY_MS, killAt: KILL_AT, entries, enqueueAll, tally });
  console.log(
    `fan-out of ${N} Teams messages, fake connector capped at ${CAP}/s per tenant, latency ${LATENCY_MS} ms, ${RUNS} runs per mode (${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)})`,
  );
  const results: Record<string, Array<{ ratio: number; p429: number; dup: number; lost: number }>> = {};
  for (const mode of MODES) {
    for (let i = 0; i < RUNS; i++) {
      const loaders = mode === 'busy' ? busyLoaders(cpus().length) : [];
      try {
        const fanout = await runFanout();
        const ratio = fanout.seconds / (N / CAP);
        const p429 = fanout.throttled / Math.max(1, fanout.calls);
        (results[mode] ??= []).push({ ratio, p429, dup: fanout.dup, lost: fanout.lost });
        console.log(
          `${mode} run ${i + 1}: ${fanout.seconds.toFixed(2)} s (minimum ${(N / CAP).toFixed(2)} s, ratio ${ratio.toFixed(3)}), ${fanout.calls} calls, ${fanout.throttled} answered 429 (${(p429 * 100).toFixed(2)}%), dup ${fanout.dup}, lost ${fanout.lost}`,
        );
      } finally {
        for (const loader of loaders) loader.kill('SIGKILL');
      }
    }
  }
  const all = Object.values(results).flat();
  const named = (mode: string, prefix: string) =>
    results[mode]
      ? ` ${prefix}ratio=${spread(
          results[mode].map((r) => r.ratio),
          3,
        )} ${prefix}p429=${spread(
          results[mode].map((r) => r.p429),
          4,
        )}`
      : '';
  const figures = `fanout n=${N} runs=${RUNS}${named('idle', '')}${named('busy', 'busy_')} dup=${all.reduce((n, r) => n + r.dup, 0)} lost=${all.reduce((n, r) => n + r.lost, 0)}`;
  if (process.env.BENCH_KILL === '0') return console.log(figures);
  const killed = await runKillAndRestart();
  console.log(
    `kill -9 after ${killed.deliveredAtKill} deliveries, restart: dup ${killed.dup}, lost ${killed.lost}, uncertain rows ${killed.uncertain} (of which delivered ${killed.uncertainDelivered}), statuses ${JSON.stringify(killed.statuses)}`,
  );
  console.log(
    `${figures} killed_restart_dup=${killed.dup} killed_restart_lost=${killed.lost} killed_restart_uncertain=${killed.uncertain}`,
  );
  if (process.env.BENCH_REPLICAS === '0') return;
  // Issue 18: 1, 2, 3 replicas sharing the tenant, then a kill (scripts/bench-fanout/replicas.ts).
  await replicaBench({ n: N, cap: CAP, latencyMs: LATENCY_MS, killAt: KILL_AT, entries, enqueueAll, tally });
}

/** One busy-looping process per core: the CPU the bot competes for on a shared machine. */
function busyLoaders(count: number): ChildProcess[] {
  return Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

/** median(min-max) */
function spread(values: number[], digits: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return `${median.toFixed(digits)}(${sorted[0]!.toFixed(digits)}-${sorted.at(-1)!.toFixed(digits)})`;
}

function entries(connector: FakeTeamsConnector, prefix: string): OutboxEntry[] {
  return Array.from({ length: N }, (_, i) => {
    const key = `${prefix}-${i}`;
    const reference = {
      channelId: 'msteams',
      serviceUrl: `${connector.url}/`,
      conversation: { id: `a:${key}`, tenantId: TENANT, conversationType: 'personal' },
      bot: { id: '28:senco-bot', name: 'SENCO Network' },
      user: { id: `29:${key}`, name: 'Bench' },
    };
    return {
      key,
      platform: 'teams',
      target: { kind: 'reference', reference },
      content: textMessage(`Reminder ${key}`),
      bucket: teamsBucket(TENANT),
    };
  });
}

async function enqueueAll(db: Database, list: OutboxEntry[]): Promise<void> {
  const outbox = new PrismaOutbox(db.prisma);
  for (let i = 0; i < list.length; i += 1000) await outbox.enqueue(list.slice(i, i + 1000));
}

/** Duplicates and losses as the recipients would see them: per conversation at the fake. */
function tally(connector: FakeTeamsConnector, prefix: string) {
  const counts = new Map<string, number>();
  let first = Infinity;
  let last = 0;
  for (const d of connector.delivered)
    if (d.conversationId.startsWith(`a:${prefix}-`)) {
      counts.set(d.conversationId, (counts.get(d.conversationId) ?? 0) + 1);
      first = Math.min(first, d.at);
      last = Math.max(last, d.at);
    }
  const dup = [...counts.values()].reduce((sum, n) => sum + (n - 1), 0);
  return { counts, dup, lost: N - counts.size, first, last };
}

async function runFanout() {
  const target = await freshTarget('fanout');
  const connector = await new FakeTeamsConnector({ rateCap: { perSecond: CAP }, latencyMs: LATENCY_MS, recordCalls: false }).start();
  const db = await target.open();
  try {
    await enqueueAll(db, entries(connector, 'fanout'));
    const logger = createLogger({ silent: true });
    const started = Date.now();
    const scheduler = startScheduler({
      instanceId: 'bench-in-process',
      clock: systemClock,
      logger,
      queue: new PrismaDeliveryQueue(db.prisma),
      claims: new PrismaJobClaims(db.prisma),
      senders: [new TeamsSender(createProactiveAdapter({}, new ConfigurationServiceClientCredentialFactory({})), '', logger)],
      reachability: new PrismaReachability(db.prisma),
    });
    await untilSettled(db);
    await scheduler.stop();
    const last = await db.prisma.outboxMessage.aggregate({ _max: { settledAt: true } });
    const seconds = ((last._max.settledAt?.getTime() ?? Date.now()) - started) / 1000;
    return { seconds, calls: connector.sendCalls, throttled: connector.throttled, ...tally(connector, 'fanout') };
  } finally {
    await db.close();
    await connector.stop();
    await target.cleanup();
  }
}

/** Polls the outbox until no row is waiting or being sent. */
async function untilSettled(db: Database): Promise<void> {
  const outbox = new PrismaOutbox(db.prisma);
  for (;;) {
    const counts = await outbox.countByStatus();
    if (counts.queued + counts.held + counts.sending === 0) return;
    await sleep(100);
  }
}

async function runKillAndRestart() {
  const target = await freshTarget('kill');
  const connector = await new FakeTeamsConnector({ rateCap: { perSecond: CAP }, latencyMs: LATENCY_MS, recordCalls: false }).start();
  const workDir = mkdtempSync(join(tmpdir(), 'senco-bench-bot-'));
  const logFile = join(workDir, 'bot.log');
  try {
    const setup = await target.open();
    await enqueueAll(setup, entries(connector, 'kill'));
    await setup.close(); // PGlite: one process at a time, and the bot is that process now.

    const first = await startBotProcess(target.env, workDir, logFile);
    await waitUntil(() => tally(connector, 'kill').counts.size >= N * KILL_AT, first.exited);
    // The kill point is polled on deliveries; a random extra delay of up to two send slots
    // lands the kill anywhere in the send cycle, not always just after a delivery.
    await sleep(Math.random() * (2000 / CAP));
    first.child.kill('SIGKILL');
    await first.exited;
    const deliveredAtKill = tally(connector, 'kill').counts.size;

    const second = await startBotProcess(target.env, workDir, logFile);
    await waitUntilStalled(
      () => connector.delivered.length,
      () => tally(connector, 'kill').counts.size >= N,
    );
    second.child.kill('SIGTERM');
    await second.exited;

    const db = await target.open();
    try {
      const { counts, dup, lost } = tally(connector, 'kill');
      const statuses = await new PrismaOutbox(db.prisma).countByStatus('kill-');
      const uncertain = await db.prisma.outboxMessage.findMany({ where: { status: 'uncertain' }, select: { key: true } });
      const uncertainDelivered = uncertain.filter((u) => counts.has(`a:${u.key}`)).length;
      return { deliveredAtKill, dup, lost, uncertain: uncertain.length, uncertainDelivered, statuses: nonZero(statuses) };
    } finally {
      await db.close();
    }
  } catch (error) {
    console.error(`kill-and-restart run failed; bot log: ${logFile}`);
    throw error;
  } finally {
    await connector.stop();
    await target.cleanup();
  }
}

async function waitUntil(done: () => boolean, exited: Promise<unknown>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  while (!done()) {
    if (gone) throw new Error('the bot exited before the kill point');
    await sleep(20);
  }
}

/** Until `done`, or until `progress` has not moved for STALL_MS. */
async function waitUntilStalled(progress: () => number, done: () => boolean): Promise<void> {
  let last = progress();
  let lastChange = Date.now();
  while (!done() && Date.now() - lastChange < STALL_MS) {
    await sleep(100);
    if (progress() !== last) {
      last = progress();
      lastChange = Date.now();
    }
  }
}

function nonZero(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
