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
import type { OutboundMessage } from '../src/core/message';
import { checkinDueWork } from '../src/flows/checkin/index';
import {
  addressOf,
  answerCheckin,
  AUTUMN_ANSWERS,
  BENCH_TENANT,
  BenchClock,
  startBenchBot,
  startRound,
  type BenchPerson as Person,
  type CheckinPlan,
} from './bench-router';

async function main(): Promise<void> {
  const clock = new BenchClock(Date.parse('2026-09-15T14:45:00Z'));
  const { database, sender, scheduler, handle, stop } = await startBenchBot(clock, (deps) => checkinDueWork(deps));
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
          tenantId: BENCH_TENANT,
          userId: who.userId,
          personId: person.id,
          conversationRef: addressOf(who) as object,
        },
      });
    }
    return people;
  }

  const toPerson = (who: Person, from: number) =>
    sender.sent
      .slice(from)
      .filter((s) => s.to === who.conversation)
      .map((s) => s.message);

  const answer = (who: Person, first: OutboundMessage, plan: CheckinPlan, change: readonly string[]) =>
    answerCheckin(handle, who, first, plan, change);
  const autumn = AUTUMN_ANSWERS;
  const a = await seedTrust('A');
  const b = await seedTrust('B');

  // Autumn: each leader starts the round; each SENCO answers the baseline from the invitation.
  for (const { leader } of [a, b]) await startRound(handle, leader);
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

  await stop();

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
