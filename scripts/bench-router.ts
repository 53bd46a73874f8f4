/**
 * What the router-driving benchmarks share (scripts/bench-checkin.ts, scripts/bench-home.ts):
 * the real bot and router in-process on an in-memory PGlite, a clock the scheduler's sleeps
 * move on, a Teams sender that records what it was asked to send, and neutral Teams events.
 */
import '../src/tz';
import { loadConfig } from '../src/config';
import type { DueWorkSource } from '../src/core/due-work-port';
import type { ConversationAddress, InboundEvent } from '../src/core/events';
import type { Block, Button, OutboundMessage } from '../src/core/message';
import type { ChatSender, Clock } from '../src/core/ports';
import { openDatabase, type Database } from '../src/db/database';
import { PrismaDeliveryQueue } from '../src/db/outbox-delivery-repo';
import { PrismaJobClaims } from '../src/db/job-claims';
import { PrismaReachability } from '../src/db/reachability-repo';
import { PrismaTermDatesStore } from '../src/db/term-dates-store';
import type { FlowDeps } from '../src/flows/deps';
import { buildRegistry } from '../src/flows/index';
import type { Registry } from '../src/flows/registry';
import { handleEvent } from '../src/flows/router';
import { memoryLogger } from '../src/logger';
import { startBot, type RunningBot } from '../src/main';
import { startScheduler, type Scheduler } from '../src/scheduler/index';
import { createHoldCheck } from '../src/scheduler/quiet-rules';
import { SchoolDaysCache } from '../src/scheduler/school-days';

export const BENCH_TENANT = 'tenant-bench';

export class BenchClock implements Clock {
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

/** A Teams sender that keeps what it was asked to send, by conversation (edits succeed and are not kept). */
export class RecordingSender implements ChatSender {
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

/** A person in the benchmark: their Teams user id and the 1:1 chat the bot has with them. */
export interface BenchPerson {
  userId: string;
  conversation: string;
}

export function benchPerson(userId: string): BenchPerson {
  return { userId, conversation: `a:${userId}` };
}

export function addressOf(who: BenchPerson): ConversationAddress {
  return {
    kind: 'reference',
    reference: { conversation: { id: who.conversation, tenantId: BENCH_TENANT, conversationType: 'personal' }, user: { id: who.userId } },
  };
}

let delivery = 0;
/** A 1:1 Teams message or button press from this person, as the adapter would hand it on. */
export function event(who: BenchPerson, input: { text?: string; action?: { verb: string; data: Record<string, string> } }): InboundEvent {
  return {
    platform: 'teams',
    deliveryId: `bench-${++delivery}`,
    tenantId: BENCH_TENANT,
    userId: who.userId,
    userName: null,
    email: null,
    direct: true,
    address: addressOf(who),
    text: input.text ?? null,
    action: input.action ?? null,
    fromBot: false,
  };
}

export function buttonsOf(message: OutboundMessage | undefined): Button[] {
  if (!message) return [];
  return message.blocks.flatMap((b: Block) =>
    b.type === 'buttons' ? b.buttons : b.type === 'form' ? [b.submit, ...(b.more ?? []), ...(b.cancel ? [b.cancel] : [])] : [],
  );
}

export interface BenchBot {
  database: Database;
  bot: RunningBot;
  deps: FlowDeps;
  registry: Registry;
  sender: RecordingSender;
  /** A scheduler that delivers to `sender` and runs only the given sources (quiet hours and school days apply). */
  scheduler: Scheduler;
  handle(event: InboundEvent): Promise<OutboundMessage[]>;
  stop(): Promise<void>;
}

/** The bot on an in-memory PGlite at the clock's time, its router, and a scheduler of `sources`. */
export async function startBenchBot(clock: BenchClock, sources: (deps: FlowDeps) => DueWorkSource[]): Promise<BenchBot> {
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
    holdCheck: createHoldCheck({
      nudges: deps.nudges,
      schoolDays: new SchoolDaysCache(new PrismaTermDatesStore(database.prisma), clock, logger),
    }),
    sources: sources(deps),
  });
  return {
    database,
    bot,
    deps,
    registry,
    sender,
    scheduler,
    handle: (e) => handleEvent(e, registry, deps),
    stop: async () => {
      await scheduler.stop();
      await bot.stop();
      await database.close();
    },
  };
}

type Handle = (event: InboundEvent) => Promise<OutboundMessage[]>;

/** The leader starts the trust's check-in round from `checkin round start` and its confirm button. */
export async function startRound(handle: Handle, leader: BenchPerson): Promise<void> {
  const [preview] = await handle(event(leader, { text: 'checkin round start' }));
  const start = buttonsOf(preview).find((x) => x.verb === 'checkin.round.start');
  if (!start) throw new Error(`no start button: ${preview?.summary}`);
  await handle(event(leader, { action: { verb: start.verb, data: start.data! } }));
}

/** Answers per check-in item id; an item not named is answered "yes". */
export type CheckinPlan = Record<string, string>;

/**
 * A SENCO's autumn baseline answers (dates and counts where the item asks for them), for both
 * checklist versions; two numbers on one card are written 'a/b'.
 */
export const AUTUMN_ANSWERS: CheckinPlan = {
  'sen-information-report': '2026-07-10',
  'accessibility-plan-end': '2028-07-31',
  'ehcp-reviews': '0/1',
  'ehcp-reviews-overdue': '0',
  'ehcp-reviews-due-soon': '1',
  'ehcp-admissions': 'na',
};

/** What an answer button or form sends for a planned value (a count pair goes as two fields). */
function answerData(data: Record<string, string>, value: string): Record<string, string> {
  if (data.v !== undefined) return { ...data, v: value };
  const [first, second] = value.split('/');
  return second === undefined ? { ...data, value } : { ...data, value: first!, value2: second };
}

/** Most presses one check-in may take before the benchmark calls it stuck (a refused answer shown again). */
const MAX_TAPS = 60;

/**
 * Presses through a check-in from `first` (an invitation, or Home, which carries the current step: confirm, answer buttons or Continue) as
 * planned, changing the pre-filled items named in `change`; returns taps and the messages the
 * bot sent (counting `first`).
 */
export async function answerCheckin(
  handle: Handle,
  who: BenchPerson,
  first: OutboundMessage,
  plan: CheckinPlan,
  change: readonly string[] = [],
): Promise<{ taps: number; msgs: number }> {
  let current: OutboundMessage | undefined = first;
  let taps = 0;
  let msgs = 1;
  const pendingChanges = [...change];
  for (;;) {
    const buttons = buttonsOf(current);
    const changeButton = buttons.find((b) => b.verb === 'checkin.change' && pendingChanges.includes(b.data?.i ?? ''));
    const confirm = buttons.find((b) => b.verb === 'checkin.confirm');
    const followUp = buttons.find((b) => b.verb === 'checkin.followup');
    const answerButton = buttons.find((b) => b.verb === 'checkin.answer');
    const open = buttons.find((b) => b.verb === 'checkin.open');
    let action: { verb: string; data: Record<string, string> };
    if (changeButton) {
      pendingChanges.splice(pendingChanges.indexOf(changeButton.data!.i!), 1);
      action = { verb: changeButton.verb, data: changeButton.data! };
    } else if (confirm) {
      action = { verb: confirm.verb, data: confirm.data! };
    } else if (followUp) {
      action = { verb: followUp.verb, data: { ...followUp.data!, help: 'A session with the LA caseworker', by: '2027-02-26' } };
    } else if (answerButton) {
      const itemId = answerButton.data!.i!;
      action = { verb: answerButton.verb, data: answerData(answerButton.data!, plan[itemId] ?? 'yes') };
    } else if (open) {
      action = { verb: open.verb, data: open.data! };
    } else {
      break;
    }
    const replies = await handle(event(who, { action }));
    taps += 1;
    msgs += replies.length;
    current = replies.at(-1);
    if (taps > MAX_TAPS) throw new Error(`check-in stuck after ${taps} taps at: ${current?.summary}`);
  }
  const done = current?.blocks.some((b) => b.type === 'heading' && b.text.startsWith('All done'));
  if (!done) throw new Error(`check-in did not finish: ${current?.summary}`);
  return { taps, msgs };
}
