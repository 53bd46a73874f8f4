/**
 * Issue 18: the same fan-out through 1, 2 and 3 bot processes (replicas) sharing one
 * PostgreSQL database and one Teams tenant, against the fake connector's cap; then 3 replicas
 * with one SIGKILLed part-way. The replicas pace together through the shared `RatePace` rows
 * (src/scheduler/shared-pacer.ts), so the tenant should see no more than one replica would send.
 *
 * Time is measured at the fake connector, from the first delivery to the last (process start-up
 * is not sending time), as a ratio of the minimum N / cap.
 * Last line: fanout_replicas r=3 ratio=… p429=… dup=… lost=… killed_ratio=…
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutboxEntry } from '../../src/core/outbox-port';
import type { Database } from '../../src/db/database';
import { FakeTeamsConnector } from '../../test/fakes/fake-teams-connector';
import { startBotProcess, type BotProcess } from './bot-process';
import { freshTarget } from './targets';

export interface ReplicaBenchOptions {
  n: number;
  cap: number;
  latencyMs: number;
  killAt: number;
  entries(connector: FakeTeamsConnector, prefix: string): OutboxEntry[];
  enqueueAll(db: Database, list: OutboxEntry[]): Promise<void>;
  /** Per-recipient counts, and the first and last acceptance times (ms) at the fake. */
  tally(
    connector: FakeTeamsConnector,
    prefix: string,
  ): { counts: Map<string, number>; dup: number; lost: number; first: number; last: number };
}

interface ReplicaRun {
  replicas: number;
  ratio: number;
  p429: number;
  dup: number;
  lost: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A run is over when nothing new arrives for this long (rows of a killed replica wait for their lease). */
const STALL_MS = 75_000;

async function runReplicas(o: ReplicaBenchOptions, replicas: number, kill: boolean): Promise<ReplicaRun> {
  const prefix = `rep${replicas}${kill ? 'k' : ''}`;
  const target = await freshTarget(prefix);
  const connector = await new FakeTeamsConnector({ rateCap: { perSecond: o.cap }, latencyMs: o.latencyMs, recordCalls: false }).start();
  const workDir = mkdtempSync(join(tmpdir(), 'senco-bench-replicas-'));
  const bots: BotProcess[] = [];
  try {
    const setup = await target.open();
    await o.enqueueAll(setup, o.entries(connector, prefix));
    await setup.close();
    for (let i = 1; i <= replicas; i++)
      bots.push(await startBotProcess({ ...target.env, INSTANCE_ID: `bench-replica-${i}` }, workDir, join(workDir, `bot-${i}.log`)));
    let seen = 0;
    let killed = !kill;
    let lastChange = Date.now();
    for (;;) {
      const count = o.tally(connector, prefix).counts.size;
      const now = Date.now();
      if (count !== seen) {
        seen = count;
        lastChange = now;
      }
      if (!killed && count >= o.n * o.killAt) {
        bots[0]!.child.kill('SIGKILL');
        killed = true;
      }
      if (count >= o.n || now - lastChange > STALL_MS) break;
      // Coarse: each look scans every delivery, and the fake shares this process's event loop
      // (a stall here bunches its arrivals into one window). Times come from the fake itself.
      await sleep(100);
    }
    const { dup, lost, first, last } = o.tally(connector, prefix);
    const seconds = (last - first) / 1000;
    return {
      replicas,
      ratio: seconds / ((o.n - 1) / o.cap),
      p429: connector.throttled / Math.max(1, connector.sendCalls),
      dup,
      lost,
    };
  } finally {
    for (const bot of bots) bot.child.kill('SIGTERM');
    await Promise.all(bots.map((b) => b.exited));
    await connector.stop();
    await target.cleanup();
  }
}

/** Prints one line per run; the last is the `fanout_replicas` summary. */
export async function replicaBench(o: ReplicaBenchOptions): Promise<void> {
  const probe = await freshTarget('probe');
  const shared = probe.kind === 'postgres';
  await probe.cleanup();
  if (!shared) {
    console.log('fanout_replicas skipped: replicas need a PostgreSQL server (BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return;
  }
  const runs: ReplicaRun[] = [];
  // BENCH_REPLICA_COUNTS=3 runs three replicas only (no kill, no summary): for trying a change.
  const counts = (process.env.BENCH_REPLICA_COUNTS ?? '1,2,3').split(',').map(Number);
  for (const r of counts) {
    const run = await runReplicas(o, r, false);
    runs.push(run);
    console.log(`replicas=${r}: ratio ${run.ratio.toFixed(3)}, p429 ${run.p429.toFixed(4)}, dup ${run.dup}, lost ${run.lost}`);
  }
  if (counts.join(',') !== '1,2,3') return;
  const killed = await runReplicas(o, 3, true);
  console.log(
    `replicas=3, one SIGKILLed at ${Math.round(o.killAt * 100)}%: ratio ${killed.ratio.toFixed(3)}, p429 ${killed.p429.toFixed(4)}, dup ${killed.dup}, lost ${killed.lost}`,
  );
  const three = runs[2]!;
  console.log(
    `fanout_replicas r=3 ratio=${three.ratio.toFixed(3)} p429=${three.p429.toFixed(4)} dup=${three.dup} lost=${three.lost} killed_ratio=${killed.ratio.toFixed(3)} r1_ratio=${runs[0]!.ratio.toFixed(3)} r2_ratio=${runs[1]!.ratio.toFixed(3)} killed_dup=${killed.dup} killed_lost=${killed.lost}`,
  );
}
