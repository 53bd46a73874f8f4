/**
 * A platform that accepts a post and never answers (issue 17): with SEND_TIMEOUT_MS small, the
 * real bot's outbox gives up on the call within about the timeout, settles the row 'uncertain'
 * (the platform did deliver it) and never sends it again; the messages to other people go out
 * meanwhile. A platform that answers slowly, but within the timeout, counts as sent. On both
 * platforms, on each database.
 */
import type { OutboxEntry } from '../../../src/core/outbox-port';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { outboxFor, realSenders, slackEntry, teamsEntry, testScheduler } from '../../helpers/outbox-rig';
import type { Hold } from '../../fakes/recording-server';

jest.setTimeout(60_000);

// Tuesday 10 November 2026, 10:00 in London: inside school hours, so nothing is held.
const TUESDAY = '2026-11-10T10:00:00Z';
/** Small, yet well above a loopback answer on a crowded machine (an answer late by chance would fail the test). */
const TIMEOUT_MS = 1_000;
/** Far below the 10-minute send lease, generous for a crowded machine. */
const PROMPTLY_MS = 5_000;

/** One platform as these tests drive it: a message to someone, a hang, what they received. */
interface Platform {
  name: 'teams' | 'slack';
  entry(h: Harness, who: string): OutboxEntry;
  hold(h: Harness, who: string, hold: Hold): void;
  received(h: Harness, who: string): number;
}

const PLATFORMS: Platform[] = [
  {
    name: 'teams',
    entry: (h, who) => teamsEntry(h.teams, who),
    hold: (h, who, hold) => h.teams.holdSends(`a:${who}`, hold),
    received: (h, who) => h.teams.delivered.filter((d) => d.conversationId === `a:${who}`).length,
  },
  {
    name: 'slack',
    entry: (_h, who) => slackEntry(`D${who}`, who),
    hold: (h, who, hold) => h.slack.holdPosts(`D${who}`, hold),
    received: (h, who) => h.slack.delivered.filter((d) => d.channel === `D${who}`).length,
  },
];

describe.each(databaseKinds)('a platform that does not answer, on %s', (kind) => {
  const clock = new FakeClock(TUESDAY);
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(kind, { SEND_TIMEOUT_MS: String(TIMEOUT_MS) }, clock);
    // Warm up both senders (first-call module loading and connections), so the timings below are the platforms'.
    await h.bot.deps.outbox.enqueue(PLATFORMS.map((p) => p.entry(h, `warm-${p.name}-${kind}`)));
    expect((await h.bot.scheduler.runOnce()).delivery.sent).toBe(PLATFORMS.length);
  });
  afterAll(async () => {
    await h?.stop();
  });

  describe.each(PLATFORMS)('on $name', (platform) => {
    const who = (name: string) => `${platform.name}-${kind}-${name}`;

    it('settles a post with no answer as uncertain within about the timeout, sends it once, and the others go out', async () => {
      const [ann, bob, cat] = [who('ann'), who('bob'), who('cat')];
      platform.hold(h, ann, 'never');
      await h.bot.deps.outbox.enqueue([ann, bob, cat].map((p) => platform.entry(h, p)));
      const started = Date.now();
      const { delivery } = await h.bot.scheduler.runOnce();
      const took = Date.now() - started;

      expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(took).toBeLessThan(PROMPTLY_MS);
      expect(delivery).toMatchObject({ sent: 2, uncertain: 1, retried: 0 });
      const row = await h.bot.deps.outbox.get(ann);
      expect(row).toMatchObject({ status: 'uncertain', attempts: 1 });
      expect(row?.lastError).toContain('timeout');
      expect((await h.bot.deps.outbox.get(bob))?.status).toBe('sent');
      expect((await h.bot.deps.outbox.get(cat))?.status).toBe('sent');

      // Past the send lease and the backoff: later runs do not send it again.
      clock.advance(15 * 60_000);
      await h.bot.scheduler.runOnce();
      expect((await h.bot.deps.outbox.get(ann))?.status).toBe('uncertain');
      expect([ann, bob, cat].map((p) => platform.received(h, p))).toEqual([1, 1, 1]);
    });

    it('counts a slow answer within the timeout as sent', async () => {
      const dan = who('dan');
      platform.hold(h, dan, TIMEOUT_MS / 4);
      await h.bot.deps.outbox.enqueue([platform.entry(h, dan)]);
      const { delivery } = await h.bot.scheduler.runOnce();
      expect(delivery).toMatchObject({ sent: 1, uncertain: 0 });
      expect((await h.bot.deps.outbox.get(dan))?.status).toBe('sent');
      expect(platform.received(h, dan)).toBe(1);
    });

    it("with onUncertain 'resend' queues a post with no answer again (at-least-once)", async () => {
      const eve = who('eve');
      platform.hold(h, eve, 'never');
      await h.bot.deps.outbox.enqueue([platform.entry(h, eve)]);
      const resending = testScheduler(h.db.prisma, clock, h.teams, h.slack, {
        instanceId: `resender-${platform.name}`,
        onUncertain: 'resend',
        senders: realSenders(h.teams, h.slack, TIMEOUT_MS),
      });
      const first = await resending.runOnce();
      expect(first.delivery).toMatchObject({ retried: 1, uncertain: 0 });
      expect((await outboxFor(h.db.prisma, clock).get(eve))?.status).toBe('queued');
      clock.advance(15 * 60_000);
      await resending.runOnce();
      expect((await outboxFor(h.db.prisma, clock).get(eve))?.status).toBe('sent');
      expect(platform.received(h, eve)).toBe(2);
      await resending.stop();
    });
  });
});
