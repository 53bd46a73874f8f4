/**
 * How near is Home? Through the real router on PGlite (neutral events, no HTTP), as
 * scripts/bench-checkin.ts: a SENCO answers the autumn round; the spring (termly) round opens on
 * its own; then, with nothing changed, the SENCO opens Home and finishes the check-in from it.
 *
 *   taps = opening Home (the tab, or `home` on Teams), button presses and form submits;
 *   build_ms_500 = median time to build Home for the SEND leader of a 500-school trust with an
 *                  open round (every school has a SENCO and a check-in), over several runs.
 *
 * Run: npm run bench:home. Last line (parsed by tooling):
 *   home taps_to_checkin_done=<n> build_ms_500=<ms>
 */
import '../src/tz';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config';
import type { ConversationAddress, InboundEvent } from '../src/core/events';
import type { Block, Button, OutboundMessage } from '../src/core/message';
import type { ChatSender, Clock } from '../src/core/ports';
import { openDatabase } from '../src/db/database';
import { PrismaDeliveryQueue } from '../src/db/outbox-delivery-repo';
import { PrismaJobClaims } from '../src/db/job-claims';
import { PrismaReachability } from '../src/db/reachability-repo';
import { checkinDueWork } from '../src/flows/checkin/index';
import { homeOf } from '../src/flows/home/index';
import { buildRegistry } from '../src/flows/index';
import { handleEvent } from '../src/flows/router';
import { memoryLogger } from '../src/logger';
import { startBot } from '../src/main';
import { startScheduler } from '../src/scheduler/index';

class BenchClock implements Clock {
  constructor(private t: number) {}
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = new Date(iso).getTime();
  }
  readonly sleep = async (ms: number): Promise<void> => {
    this.t += Math.max(0, ms);
  };
}

class RecordingSender implements ChatSender {
  readonly platform = 'teams' as const;
  readonly sent: Array<{ to: string; message: OutboundMessage }> = [];
  async send(address: ConversationAddress, message: OutboundMessage) {
    const reference = address.reference as { conversation: { id: string } };
    this.sent.push({ to: reference.conversation.id, message });
    return { status: 'sent' as const, providerId: String(this.sent.length) };
  }
  async update() {
    return { status: 'sent' as const, providerId: null };
  }
  async delete() {
    return { status: 'sent' as const, providerId: null };
  }
}

const TENANT = 'tenant-bench';
const addressOf = (userId: string): ConversationAddress => ({
  kind: 'reference',
  reference: { conversation: { id: `a:${userId}`, tenantId: TENANT, conversationType: 'personal' }, user: { id: userId } },
});

let delivery = 0;
function event(userId: string, input: { text?: string; action?: { verb: string; data: Record<string, string> } }): InboundEvent {
  return {
    platform: 'teams',
    deliveryId: `bench-${++delivery}`,
    tenantId: TENANT,
    userId,
    userName: null,
    email: null,
    direct: true,
    address: addressOf(userId),
    text: input.text ?? null,
    action: input.action ?? null,
    fromBot: false,
  };
}

function buttonsOf(message: OutboundMessage | undefined): Button[] {
  if (!message) return [];
  return message.blocks.flatMap((b: Block) =>
    b.type === 'buttons' ? b.buttons : b.type === 'form' ? [b.submit, ...(b.more ?? []), ...(b.cancel ? [b.cancel] : [])] : [],
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const clock = new BenchClock(Date.parse('2026-09-15T14:45:00Z'));
  const database = await openDatabase({ memory: true });
  const loaded = loadConfig({ PORT: '1' });
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const logger = memoryLogger();
  const bot = await startBot({
    config: { ...loaded.config, port: 0, host: '127.0.0.1' },
    logger,
    database,
    clock,
    scheduler: { cron: false },
  });
  const deps = bot.deps;
  const registry = buildRegistry();
  const sender = new RecordingSender();
  const scheduler = startScheduler({
    instanceId: 'bench',
    clock,
    logger,
    queue: new PrismaDeliveryQueue(database.prisma),
    claims: new PrismaJobClaims(database.prisma),
    senders: [sender],
    reachability: new PrismaReachability(database.prisma),
    cron: false,
    sleep: clock.sleep,
    random: () => 0.5,
    sources: checkinDueWork(deps),
  });
  const db = database.prisma;
  const handle = (e: InboundEvent) => handleEvent(e, registry, deps);

  /** A trust of `schools` schools, each with a SENCO, and one SEND leader; all linked on Teams. */
  async function seed(tag: string, schools: number): Promise<{ leader: string; sencos: string[] }> {
    const trust = await db.trust.create({ data: { name: `Bench Trust ${tag}` } });
    const rows = Array.from({ length: schools }, (_, i) => ({
      i,
      school: randomUUID(),
      person: randomUUID(),
      userId: `senco-${tag}-${i}`,
    }));
    await db.school.createMany({
      data: rows.map((r) => ({ id: r.school, trustId: trust.id, name: `School ${tag}-${r.i}`, phase: 'primary' })),
    });
    await db.person.createMany({
      data: rows.map((r) => ({
        id: r.person,
        trustId: trust.id,
        schoolId: r.school,
        name: `Senco ${r.i}`,
        email: `${r.userId}@bench.example`,
        appointedOn: '2018-09-01',
        priorSencoMonths: 0,
        qualification: 'npq',
      })),
    });
    await db.roleAssignment.createMany({
      data: rows.map((r) => ({ trustId: trust.id, personId: r.person, role: 'senco', schoolId: r.school })),
    });
    await db.chatIdentity.createMany({
      data: rows.map((r) => ({
        platform: 'teams',
        tenantId: TENANT,
        userId: r.userId,
        personId: r.person,
        conversationRef: addressOf(r.userId) as object,
      })),
    });
    const sencos = rows.map((r) => r.userId);
    const lead = await db.person.create({ data: { trustId: trust.id, name: 'Lee', email: `lee-${tag}@bench.example` } });
    await db.roleAssignment.create({ data: { trustId: trust.id, personId: lead.id, role: 'send-leader', schoolId: null } });
    const leader = `lee-${tag}`;
    await db.chatIdentity.create({
      data: { platform: 'teams', tenantId: TENANT, userId: leader, personId: lead.id, conversationRef: addressOf(leader) as object },
    });
    return { leader, sencos };
  }

  async function startRound(leader: string): Promise<void> {
    const [preview] = await handle(event(leader, { text: 'checkin round start' }));
    const start = buttonsOf(preview).find((x) => x.verb === 'checkin.round.start');
    if (!start) throw new Error(`no start button: ${preview?.summary}`);
    await handle(event(leader, { action: { verb: start.verb, data: start.data! } }));
  }

  /** Presses through the check-in from `first` (same answers as before); returns the taps. */
  async function finish(senco: string, first: OutboundMessage | undefined): Promise<number> {
    let current = first;
    let taps = 0;
    for (;;) {
      const buttons = buttonsOf(current);
      const next =
        buttons.find((b) => b.verb === 'checkin.confirm') ??
        buttons.find((b) => b.verb === 'checkin.open') ??
        buttons.find((b) => b.verb === 'checkin.answer');
      if (!next) break;
      const data =
        next.verb === 'checkin.answer'
          ? next.data!.v !== undefined
            ? { ...next.data!, v: 'yes' }
            : { ...next.data!, value: 'yes' }
          : next.data!;
      const replies = await handle(event(senco, { action: { verb: next.verb, data } }));
      taps += 1;
      current = replies.at(-1);
    }
    const done = current?.blocks.some((b) => b.type === 'heading' && b.text.startsWith('All done'));
    if (!done) throw new Error(`check-in did not finish: ${current?.summary}`);
    return taps;
  }

  // 1. Taps: a one-school trust; autumn answered from the invitation, spring opens on its own.
  const small = await seed('S', 1);
  const senco = small.sencos[0]!;
  await startRound(small.leader);
  let mark = sender.sent.length;
  await scheduler.runOnce();
  await finish(senco, sender.sent.slice(mark).find((s) => s.to === `a:${senco}`)?.message);
  clock.set('2026-09-29T16:01:00Z');
  await scheduler.runOnce();
  clock.set('2027-01-12T15:46:00Z');
  await scheduler.runOnce();
  // Opening Home is the first tap (Teams: `home`, whose card arrives through the outbox).
  mark = sender.sent.length;
  await handle(event(senco, { text: 'home' }));
  await scheduler.runOnce();
  const home = sender.sent
    .slice(mark)
    .find((s) => s.to === `a:${senco}` && s.message.blocks.some((b) => b.type === 'heading' && b.text === 'Home'));
  if (!home) throw new Error('the home card was not delivered');
  const taps = 1 + (await finish(senco, home.message));

  // 2. Build time: the leader of a 500-school trust with an open round.
  const large = await seed('L', 500);
  await startRound(large.leader);
  const actor = await deps.identities.resolve(event(large.leader, { text: 'home' }));
  const times: number[] = [];
  let built: OutboundMessage | null = null;
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    built = await homeOf(actor, deps, registry);
    times.push(performance.now() - started);
  }
  const progress = built?.blocks.find((b) => b.type === 'text' && / of 500 schools answered/.test(b.text));
  if (!progress) throw new Error(`the leader's Home does not show the round: ${JSON.stringify(built?.blocks)}`);

  await scheduler.stop();
  await bot.stop();
  await database.close();

  const sorted = [...times].sort((a, b) => a - b);
  console.log(`Spring check-in from Home, nothing changed: ${taps} taps (goal at most 5) — ${taps <= 5 ? 'met' : 'NOT met'}.`);
  console.log(
    `Home for the leader of a 500-school trust: median ${median(times).toFixed(1)} ms over ${times.length} runs ` +
      `(min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)}; goal < 300 ms) — ${median(times) < 300 ? 'met' : 'NOT met'}.`,
  );
  console.log(`home taps_to_checkin_done=${taps} build_ms_500=${Math.round(median(times))}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
