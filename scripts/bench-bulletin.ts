/**
 * Bulletin benchmark: one bulletin to N recipients, half on Teams and half on Slack, through
 * the bulletin feature's own code (draft, confirm, open, invite, progress card) and the
 * outbox, to fakes that enforce rate caps and answer 429 + Retry-After above them (Teams:
 * CAP/s per tenant; Slack: 1/s per channel, each recipient their own DM).
 *
 * 1. send: the production scheduler in this process (real clock, real TeamsSender and
 *    SlackSender): completion time as a ratio of the theoretical minimum (the Teams half at
 *    CAP/s, or the Slack half at the workspace rate the bot paces to, 4/s, whichever is
 *    longer: DMs are separate channels but chat.postMessage has a workspace-wide limit), share of calls answered 429, duplicates and
 *    losses per recipient at the fakes, and how many progress updates reached the sender's
 *    card in place. The minute tick is stood in for by refreshing the progress every
 *    BENCH_PROGRESS_MS (2,000), the same call the `bulletin-progress` source makes.
 * 2. kill and restart: the real bot (dist/src/main.js) in a child process delivers another
 *    bulletin queued the same way; it is SIGKILLed when KILL_AT of it has arrived and
 *    started again. Once the outbox has settled (PostgreSQL: watched while the bot runs;
 *    PGlite: a stall window), duplicates and losses are counted at the fakes: a loss is a
 *    recipient who never got it and whose row is neither uncertain (listed to the sender) nor
 *    still queued (`pending`, only when BENCH_SETTLE_MS ran out); `uncertain_listed` is what
 *    the sender's status card lists with a one-tap resend. RSS is the bot process's peak resident memory while sending.
 *
 * Reuses the fan-out benchmark's machinery (scripts/bench-fanout/: database targets, the bot
 * process). Run: npm run bench:bulletin. Environment: BENCH_N (5000), BENCH_CAP (50),
 * BENCH_LATENCY_MS (20), BENCH_KILL_AT (0.4), BENCH_KILL=0 (the send only), BENCH_DATABASE_URL or
 * TEST_DATABASE_URL.
 * Last line: bulletin n=… ratio=… p429=… dup=… lost=… killed_restart_dup=… killed_restart_lost=…
 * uncertain_listed=… uncertain_missing=… pending=… progress_updates=… rss_mb=…
 */
import '../src/tz';
import { WORKSPACE_RATES } from '../src/scheduler/shared-pacer';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { slackBucketOf } from '../adapters/slack/addressing';
import { SlackSender } from '../adapters/slack/slack-sender';
import { teamsBucketOf } from '../adapters/teams/addressing';
import { createProactiveAdapter } from '../adapters/teams/proactive-adapter';
import { TeamsSender } from '../adapters/teams/teams-sender';
import type { Bulletin } from '../src/core/bulletin';
import { systemClock, type Addressing } from '../src/core/ports';
import { PrismaAuditLog } from '../src/db/audit-log';
import { PrismaBulletinRepo } from '../src/db/bulletin-repo';
import type { Database } from '../src/db/database';
import { PrismaJobClaims } from '../src/db/job-claims';
import { PrismaDeliveryQueue } from '../src/db/outbox-delivery-repo';
import { PrismaOutbox } from '../src/db/outbox-repo';
import { PrismaReachability } from '../src/db/reachability-repo';
import { prismaRosterServices } from '../src/db/roster-services';
import type { BulletinSvc } from '../src/flows/bulletins/campaign';
import { refreshProgress, sendNow, statusBySchool } from '../src/flows/bulletins/sending';
import { createLogger } from '../src/logger';
import { startScheduler } from '../src/scheduler/index';
import { buildSchoolCalendar } from '../src/scheduler/school-days';
import { FakeSlackApi } from '../test/fakes/fake-slack-api';
import { FakeTeamsConnector } from '../test/fakes/fake-teams-connector';
import { startBotProcess } from './bench-fanout/bot-process';
import { freshTarget } from './bench-fanout/targets';

const N = Number(process.env.BENCH_N ?? 5000);
const CAP = Number(process.env.BENCH_CAP ?? 50);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const KILL_AT = Number(process.env.BENCH_KILL_AT ?? 0.4);
const PROGRESS_MS = Number(process.env.BENCH_PROGRESS_MS ?? 2000);
const TENANT = 'bench-tenant';
const TEAM = 'T0001';
const STALL_MS = 15_000;
/** How long the restarted bot gets to settle the outbox before rows still pending are reported as such. */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 1_200_000);
const TEAMS_N = Math.ceil(N / 2);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const addressing: Addressing = {
  bucketOf: (platform, address) => (platform === 'teams' ? teamsBucketOf(address) : slackBucketOf(address)),
};

interface Fakes {
  teams: FakeTeamsConnector;
  slack: FakeSlackApi;
}

async function startFakes(): Promise<Fakes> {
  return {
    teams: await new FakeTeamsConnector({ rateCap: { perSecond: CAP }, latencyMs: LATENCY_MS }).start(),
    slack: await new FakeSlackApi({ rateCap: { perSecond: 1 } }).start(),
  };
}

function services(db: Database): BulletinSvc {
  const logger = createLogger({ silent: true });
  const outbox = new PrismaOutbox(db.prisma, systemClock, addressing);
  return {
    roster: prismaRosterServices(db.prisma, outbox, { mode: 'local', adminEmails: [] }, systemClock),
    outbox,
    clock: systemClock,
    audit: new PrismaAuditLog(db.prisma, systemClock),
    logger,
    bulletins: {
      repo: new PrismaBulletinRepo(db.prisma),
      calendar: async (_trustId, now) => buildSchoolCalendar({ trustYears: [], schoolYears: [], extraBankHolidays: [] }, now),
    },
  };
}

/** A trust with a SEND leader (on Teams) and N SENCOs, half reachable on Teams, half on Slack. */
async function seed(db: Database, fakes: Fakes, label: string): Promise<{ trustId: string; leaderId: string }> {
  const p = db.prisma;
  const trustId = (await p.trust.create({ data: { name: 'Bench Trust' } })).id;
  const schools = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      p.school.create({ data: { trustId, name: `School ${i}`, phase: i % 2 ? 'primary' : 'secondary' } }),
    ),
  );
  const leader = await p.person.create({ data: { trustId, name: 'Lee Leader', email: 'lee@bench.org.uk' } });
  await p.roleAssignment.create({ data: { trustId, personId: leader.id, role: 'send-leader' } });
  const people = Array.from({ length: N }, (_, i) => ({
    id: crypto.randomUUID(),
    trustId,
    schoolId: schools[i % schools.length]!.id,
    name: `Senco ${i}`,
    email: `senco${i}@bench.org.uk`,
  }));
  for (let i = 0; i < N; i += 1000) {
    const slice = people.slice(i, i + 1000);
    await p.person.createMany({ data: slice });
    await p.roleAssignment.createMany({ data: slice.map((s) => ({ trustId, personId: s.id, role: 'senco', schoolId: s.schoolId })) });
    await p.chatIdentity.createMany({
      data: slice.map((s, j) => {
        const n = i + j;
        return n < TEAMS_N
          ? {
              platform: 'teams',
              tenantId: TENANT,
              userId: `29:${label}-${n}`,
              personId: s.id,
              conversationRef: teamsRef(fakes, `${label}-${n}`),
            }
          : {
              platform: 'slack',
              tenantId: TEAM,
              userId: `U${label}${n}`,
              personId: s.id,
              conversationRef: { kind: 'slack-user', teamId: TEAM, userId: `U${label}${n}`, channel: `D${label}${n}` },
            };
      }),
    });
  }
  await p.chatIdentity.create({
    data: {
      platform: 'teams',
      tenantId: TENANT,
      userId: `29:${label}-leader`,
      personId: leader.id,
      conversationRef: teamsRef(fakes, `${label}-leader`),
    },
  });
  return { trustId, leaderId: leader.id };
}

function teamsRef(fakes: Fakes, key: string) {
  return {
    kind: 'reference',
    reference: {
      channelId: 'msteams',
      serviceUrl: `${fakes.teams.url}/`,
      conversation: { id: `a:${key}`, tenantId: TENANT, conversationType: 'personal' },
      bot: { id: '28:senco-bot', name: 'SENCO Network' },
      user: { id: `29:${key}`, name: 'Bench' },
    },
  };
}

async function composeAndConfirm(svc: BulletinSvc, trustId: string, leaderId: string): Promise<Bulletin> {
  const repo = svc.bulletins.repo;
  const now = systemClock.now();
  const draft = await repo.createDraft({
    trustId,
    title: 'Provision maps: the new template',
    body: '# What changes\nFrom **Monday** use the new map.\n- Read the [guide](https://example.org/guide)\n- Update your map',
    area: 'provision',
    ackRequired: true,
    audience: { kind: 'all' },
    createdBy: leaderId,
    opensAt: now,
    now,
  });
  await repo.confirm(trustId, draft.id);
  return (await repo.get(trustId, draft.id))!;
}

/** Per recipient, how many copies of the bulletin arrived (Teams conversations and Slack DMs of this label). */
function tally(fakes: Fakes, label: string) {
  const counts = new Map<string, number>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const d of fakes.teams.delivered)
    if (d.conversationId.startsWith(`a:${label}-`) && !d.conversationId.endsWith('-leader')) bump(d.conversationId);
  for (const d of fakes.slack.delivered) if (String(d.channel).startsWith(`D${label}`)) bump(String(d.channel));
  const dup = [...counts.values()].reduce((sum, n) => sum + (n - 1), 0);
  return { counts, dup, lost: N - counts.size };
}

async function untilSettled(db: Database): Promise<void> {
  const outbox = new PrismaOutbox(db.prisma, systemClock, addressing);
  for (;;) {
    const c = await outbox.countByStatus('bulletin-invite:');
    if (c.queued + c.held + c.sending === 0) return;
    await sleep(100);
  }
}

async function runSend() {
  const target = await freshTarget('bulletin');
  const fakes = await startFakes();
  const db = await target.open();
  try {
    const svc = services(db);
    const { trustId, leaderId } = await seed(db, fakes, 'send');
    const bulletin = await composeAndConfirm(svc, trustId, leaderId);
    const logger = createLogger({ silent: true });
    const started = Date.now();
    const scheduler = startScheduler({
      instanceId: 'bench-bulletin',
      clock: systemClock,
      logger,
      queue: new PrismaDeliveryQueue(db.prisma),
      claims: new PrismaJobClaims(db.prisma),
      senders: [
        new TeamsSender(createProactiveAdapter({}, new ConfigurationServiceClientCredentialFactory({})), '', logger),
        new SlackSender({ botToken: 'xoxb-bench', signingSecret: 'bench', apiUrl: fakes.slack.apiUrl }, logger),
      ],
      reachability: new PrismaReachability(db.prisma),
    });
    await sendNow(svc, bulletin);
    const enqueued = (Date.now() - started) / 1000;
    let done = false;
    const ticker = (async () => {
      while (!done) {
        await sleep(PROGRESS_MS);
        await refreshProgress(svc, bulletin);
      }
    })();
    await untilSettled(db);
    const last = await db.prisma.outboxMessage.aggregate({ where: { key: { startsWith: 'bulletin-invite:' } }, _max: { settledAt: true } });
    const seconds = ((last._max.settledAt?.getTime() ?? Date.now()) - started) / 1000;
    done = true;
    await ticker;
    await refreshProgress(svc, bulletin);
    await sleep(1500);
    await scheduler.stop();
    const progressUpdates = fakes.teams.calls.filter(
      (c) => c.method === 'PUT' && c.path.includes(encodeURIComponent('a:send-leader')),
    ).length;
    const calls = fakes.teams.sendCalls + fakes.slack.callsTo('chat.postMessage').length;
    const throttled = fakes.teams.throttled + fakes.slack.throttled;
    return { seconds, enqueued, calls, throttled, progressUpdates, ...tally(fakes, 'send') };
  } finally {
    await db.close();
    await fakes.teams.stop();
    await fakes.slack.stop();
    await target.cleanup();
  }
}

/** Resident memory of a process in MB (Linux /proc), 0 where unavailable. */
function rssMb(pid: number | undefined): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function runKillAndRestart() {
  const target = await freshTarget('bulletinkill');
  const fakes = await startFakes();
  const workDir = mkdtempSync(join(tmpdir(), 'senco-bench-bulletin-'));
  const logFile = join(workDir, 'bot.log');
  const env = {
    ...target.env,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789',
    SLACK_API_URL: fakes.slack.apiUrl,
  };
  try {
    const setup = await target.open();
    const svc = services(setup);
    const { trustId, leaderId } = await seed(setup, fakes, 'kill');
    const bulletin = await composeAndConfirm(svc, trustId, leaderId);
    await sendNow(svc, bulletin);
    await setup.close(); // PGlite: one process at a time.

    let peak = 0;
    const first = await startBotProcess(env, workDir, logFile);
    let gone = false;
    void first.exited.then(() => (gone = true));
    while (tally(fakes, 'kill').counts.size < N * KILL_AT) {
      if (gone) throw new Error(`the bot exited before the kill point; log: ${logFile}`);
      peak = Math.max(peak, rssMb(first.child.pid));
      await sleep(50);
    }
    await sleep(Math.random() * (2000 / CAP));
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await startBotProcess(env, workDir, logFile);
    // Losses are counted once the outbox has settled (nothing queued, held or sending for this
    // bulletin), not when deliveries pause: on a loaded machine the restarted bot can take
    // minutes to start, and rows waiting out a 429 or the killed worker's lease are not lost.
    // On PostgreSQL the benchmark watches the outbox while the bot runs; PGlite allows one
    // process at a time, so there it falls back to a stall window after the first delivery.
    const watch = target.kind === 'postgres' ? await target.open() : null;
    const pending = async () => {
      if (!watch) return null;
      const c = await new PrismaOutbox(watch.prisma, systemClock, addressing).countByStatus(`bulletin-invite:${bulletin.id}:`);
      return c.queued + c.held + c.sending;
    };
    const delivered = () => fakes.teams.delivered.length + fakes.slack.delivered.length;
    const settleDeadline = Date.now() + SETTLE_MS;
    try {
      if (watch) {
        while (Date.now() < settleDeadline) {
          peak = Math.max(peak, rssMb(second.child.pid));
          if ((await pending()) === 0) break;
          await sleep(250);
        }
      } else {
        const atRestart = delivered();
        while (delivered() === atRestart && tally(fakes, 'kill').counts.size < N && Date.now() < settleDeadline) await sleep(200);
        let last = -1;
        let lastChange = Date.now();
        while (tally(fakes, 'kill').counts.size < N && Date.now() - lastChange < STALL_MS && Date.now() < settleDeadline) {
          await sleep(100);
          peak = Math.max(peak, rssMb(second.child.pid));
          const now = delivered();
          if (now !== last) {
            last = now;
            lastChange = Date.now();
          }
        }
      }
    } finally {
      await watch?.close();
    }
    second.child.kill('SIGTERM');
    await second.exited;
    const db = await target.open();
    try {
      const listed = (await statusBySchool(services(db), bulletin)).uncertain.length;
      const { counts, dup } = tally(fakes, 'kill');
      // Per recipient: did it arrive at the fakes, and where did the outbox leave their row?
      const rows = await db.prisma.outboxMessage.findMany({
        where: { key: { startsWith: `bulletin-invite:${bulletin.id}:` } },
        select: { personId: true, status: true },
      });
      const ids = await db.prisma.chatIdentity.findMany({
        where: { personId: { in: rows.map((r) => r.personId!).filter(Boolean) } },
        select: { personId: true, platform: true, userId: true },
      });
      const where = (i: { platform: string; userId: string }) =>
        i.platform === 'teams' ? `a:${i.userId.slice(3)}` : `D${i.userId.slice(1)}`;
      const arrived = new Set(ids.filter((i) => counts.has(where(i))).map((i) => i.personId));
      const missing = rows.filter((r) => !arrived.has(r.personId!));
      const inFlight = new Set(['queued', 'held', 'sending']);
      // Uncertain and missing: the sender sees them listed and resends with one tap (not a silent loss).
      const uncertainMissing = missing.filter((r) => r.status === 'uncertain').length;
      // Still queued when the run stopped watching (only if the settle deadline passed): not lost, unfinished.
      const pendingMissing = missing.filter((r) => inFlight.has(r.status)).length;
      // Lost = never arrived, not listed to the sender and not still on its way; plus recipients with no row at all.
      const lost = missing.length - uncertainMissing - pendingMissing + Math.max(0, N - rows.length);
      const uncertainRows = rows.filter((r) => r.status === 'uncertain').length;
      return { dup, lost, uncertainMissing, pendingMissing, listed, uncertainRows, peak };
    } finally {
      await db.close();
    }
  } catch (error) {
    console.error(`kill-and-restart run failed; bot log: ${logFile}`);
    throw error;
  } finally {
    await fakes.teams.stop();
    await fakes.slack.stop();
    await target.cleanup();
  }
}

async function main(): Promise<void> {
  console.log(
    `bulletin to ${N} recipients (${TEAMS_N} Teams, ${N - TEAMS_N} Slack); Teams capped at ${CAP}/s per tenant, Slack 1/s per channel and paced at ${WORKSPACE_RATES['slack-workspace']!.perSecond}/s per workspace; latency ${LATENCY_MS} ms`,
  );
  const send = await runSend();
  // Both halves go at once: Teams at the tenant's cap, Slack at the workspace-wide rate the bot
  // paces to (Slack DMs are separate channels, but chat.postMessage also has a workspace limit).
  const minimum = Math.max(TEAMS_N / CAP, (N - TEAMS_N) / WORKSPACE_RATES['slack-workspace']!.perSecond);
  const ratio = send.seconds / minimum;
  const p429 = send.throttled / Math.max(1, send.calls);
  console.log(
    `send: ${send.seconds.toFixed(2)} s (queued in ${send.enqueued.toFixed(2)} s; minimum ${minimum.toFixed(2)} s, ratio ${ratio.toFixed(3)}), ${send.calls} calls, ${send.throttled} answered 429, dup ${send.dup}, lost ${send.lost}, ${send.progressUpdates} progress updates in place`,
  );
  // BENCH_KILL=0: the send only (for trying a change to pacing; no summary line).
  if (process.env.BENCH_KILL === '0') return;
  const killed = await runKillAndRestart();
  console.log(
    `kill -9 at ${Math.round(KILL_AT * 100)}% and restart: dup ${killed.dup}, silent losses ${killed.lost}; uncertain rows ${killed.uncertainRows} (never arrived ${killed.uncertainMissing}), listed to the sender for resend ${killed.listed}; still queued when the run stopped ${killed.pendingMissing}; bot peak RSS ${killed.peak.toFixed(0)} MB`,
  );
  console.log(
    `bulletin n=${N} ratio=${ratio.toFixed(3)} p429=${p429.toFixed(4)} dup=${send.dup} lost=${send.lost} killed_restart_dup=${killed.dup} killed_restart_lost=${killed.lost} uncertain_listed=${killed.listed} uncertain_missing=${killed.uncertainMissing} pending=${killed.pendingMissing} progress_updates=${send.progressUpdates} rss_mb=${killed.peak.toFixed(0)}`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
