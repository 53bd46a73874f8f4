/**
 * How light is a check-in? Drives a typical round through the real router and scheduler,
 * in-process on PGlite with neutral events (no HTTP), and counts what a SENCO has to do.
 *
 * Set-up: two identical trusts (a primary school, its SENCO, a SEND leader). Each SENCO
 * answers the autumn baseline round; the round closes; the spring round opens on its own at
 * the planned time (Tuesday 12 January 2027 15:45) and invites the SENCO. Then:
 *   - unchanged:   the first SENCO gives the same answers as last time;
 *   - two changed: the second SENCO reports a newly reviewed SEN information report (a
 *                  pre-filled date) and two overdue EHCP reviews (was 0, so the follow-up
 *                  question comes too).
 *
 * Counted from the invitation on (the SENCO types nothing):
 *   taps = button presses and form submits; typing into a field is not a tap;
 *   msgs = messages the bot sends the SENCO (the invitation plus every reply).
 *
 * Run: npm run bench:checkin. Last line (parsed by tooling):
 *   checkin taps_unchanged=<n> msgs_unchanged=<n> taps_two_changed=<n> msgs_two_changed=<n>
 */
import '../src/tz';
import { loadConfig } from '../src/config';
import type { ConversationAddress, InboundEvent } from '../src/core/events';
import type { Block, Button, OutboundMessage } from '../src/core/message';
import type { ChatSender, Clock } from '../src/core/ports';
import { openDatabase } from '../src/db/database';
import { PrismaDeliveryQueue } from '../src/db/outbox-delivery-repo';
import { PrismaJobClaims } from '../src/db/job-claims';
import { PrismaReachability } from '../src/db/reachability-repo';
import { PrismaTermDatesStore } from '../src/db/term-dates-store';
import { checkinDueWork } from '../src/flows/checkin/index';
import { buildRegistry } from '../src/flows/index';
import { handleEvent } from '../src/flows/router';
import { memoryLogger } from '../src/logger';
import { startBot } from '../src/main';
import { startScheduler } from '../src/scheduler/index';
import { createHoldCheck } from '../src/scheduler/quiet-rules';
import { SchoolDaysCache } from '../src/scheduler/school-days';

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

/** A Teams sender that keeps what it was asked to send, by conversation. */
class RecordingSender implements ChatSender {
  readonly platform = 'teams' as const;
  readonly sent: Array<{ to: string; message: OutboundMessage }> = [];
  async send(address: ConversationAddress, message: OutboundMessage) {
    const reference = address.reference as { conversation: { id: string } };
    this.sent.push({ to: reference.conversation.id, message });
    return { status: 'sent' as const, providerId: String(this.sent.length) };
  }
  async update() {
    return { status: 'failed' as const, error: 'not used by this benchmark' };
  }
  async delete() {
    return { status: 'failed' as const, error: 'not used by this benchmark' };
  }
}

interface Person {
  userId: string;
  conversation: string;
}

function addressOf(who: Person): ConversationAddress {
  return {
    kind: 'reference',
    reference: { conversation: { id: who.conversation, tenantId: 'tenant-bench', conversationType: 'personal' }, user: { id: who.userId } },
  };
}

let delivery = 0;
function event(who: Person, input: { text?: string; action?: { verb: string; data: Record<string, string> } }): InboundEvent {
  return {
    platform: 'teams',
    deliveryId: `bench-${++delivery}`,
    tenantId: 'tenant-bench',
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

function buttonsOf(message: OutboundMessage | undefined): Button[] {
  if (!message) return [];
  return message.blocks.flatMap((b: Block) =>
    b.type === 'buttons' ? b.buttons : b.type === 'form' ? [b.submit, ...(b.more ?? []), ...(b.cancel ? [b.cancel] : [])] : [],
  );
}

type Plan = Record<string, string>;

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
    holdCheck: createHoldCheck({
      nudges: deps.nudges,
      schoolDays: new SchoolDaysCache(new PrismaTermDatesStore(database.prisma), clock, logger),
    }),
    sources: checkinDueWork(deps),
  });
  const db = database.prisma;

  async function seedTrust(tag: string): Promise<{ leader: Person; senco: Person }> {
    const trust = await db.trust.create({ data: { name: `Bench Trust ${tag}` } });
    const school = await db.school.create({ data: { trustId: trust.id, name: `Oak Primary ${tag}`, phase: 'primary' } });
    const people = {
      leader: { userId: `lee-${tag}`, conversation: `a:lee-${tag}` },
      senco: { userId: `ann-${tag}`, conversation: `a:ann-${tag}` },
    };
    for (const [role, who] of Object.entries(people)) {
      const senco = role === 'senco';
      const person = await db.person.create({
        data: {
          trustId: trust.id,
          schoolId: school.id,
          name: senco ? 'Ann' : 'Lee',
          email: `${who.userId}@bench.example`,
          ...(senco ? { appointedOn: '2018-09-01', priorSencoMonths: 0, qualification: 'npq' } : {}),
        },
      });
      await db.roleAssignment.create({
        data: { trustId: trust.id, personId: person.id, role: senco ? 'senco' : 'send-leader', schoolId: senco ? school.id : null },
      });
      await db.chatIdentity.create({
        data: {
          platform: 'teams',
          tenantId: 'tenant-bench',
          userId: who.userId,
          personId: person.id,
          conversationRef: addressOf(who) as object,
        },
      });
    }
    return people;
  }

  const handle = (e: InboundEvent) => handleEvent(e, registry, deps);
  const toPerson = (who: Person, from: number) =>
    sender.sent
      .slice(from)
      .filter((s) => s.to === who.conversation)
      .map((s) => s.message);

  /** Answers from `first` on as planned; returns taps and the messages the bot sent. */
  async function answer(
    who: Person,
    first: OutboundMessage,
    plan: Plan,
    change: readonly string[],
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
        const value = plan[itemId] ?? 'yes';
        action =
          answerButton.data!.v !== undefined
            ? { verb: answerButton.verb, data: { ...answerButton.data!, v: value } }
            : { verb: answerButton.verb, data: { ...answerButton.data!, value } };
      } else {
        break;
      }
      const replies = await handle(event(who, { action }));
      taps += 1;
      msgs += replies.length;
      current = replies.at(-1);
    }
    const done = current?.blocks.some((b) => b.type === 'heading' && b.text.startsWith('All done'));
    if (!done) throw new Error(`check-in did not finish: ${current?.summary}`);
    return { taps, msgs };
  }

  const autumn: Plan = {
    'sen-information-report': '2026-07-10',
    'ehcp-reviews-overdue': '0',
    'ehcp-reviews-due-soon': '1',
    'ehcp-admissions': 'na',
  };
  const a = await seedTrust('A');
  const b = await seedTrust('B');

  // Autumn: each leader starts the round; each SENCO answers the baseline from the invitation.
  for (const { leader } of [a, b]) {
    const [preview] = await handle(event(leader, { text: 'checkin round start' }));
    const start = buttonsOf(preview).find((x) => x.verb === 'checkin.round.start')!;
    await handle(event(leader, { action: { verb: start.verb, data: start.data! } }));
  }
  let mark = sender.sent.length;
  await scheduler.runOnce();
  for (const { senco } of [a, b]) await answer(senco, toPerson(senco, mark)[0]!, autumn, []);

  // The round closes on its own; the spring round was planned then and opens on its own.
  clock.set('2026-09-29T16:01:00Z');
  await scheduler.runOnce();
  clock.set('2027-01-12T15:46:00Z');
  mark = sender.sent.length;
  await scheduler.runOnce();
  const inviteA = toPerson(a.senco, mark)[0];
  const inviteB = toPerson(b.senco, mark)[0];
  if (!inviteA || !inviteB) throw new Error('spring invitations were not delivered');

  const unchanged = await answer(a.senco, inviteA, autumn, []);
  const twoChanged = await answer(b.senco, inviteB, { ...autumn, 'sen-information-report': '2027-01-08', 'ehcp-reviews-overdue': '2' }, [
    'sen-information-report',
  ]);
  const items = (await db.schoolCheckin.findFirst({ where: { round: { term: 'spring' } }, select: { itemIds: true, prefill: true } }))!;

  await scheduler.stop();
  await bot.stop();
  await database.close();

  console.log(
    `Spring round: ${items.itemIds.length} questions, ${Object.keys(items.prefill as object).length} pre-filled from last round or the roster.`,
  );
  console.log(
    `Nothing changed: ${unchanged.taps} taps, ${unchanged.msgs} messages (invitation included). Two changed: ${twoChanged.taps} taps, ${twoChanged.msgs} messages.`,
  );
  console.log(`Goal: at most 10 taps when nothing changed — ${unchanged.taps <= 10 ? 'met' : 'NOT met'}.`);
  console.log(
    `checkin taps_unchanged=${unchanged.taps} msgs_unchanged=${unchanged.msgs} taps_two_changed=${twoChanged.taps} msgs_two_changed=${twoChanged.msgs}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
