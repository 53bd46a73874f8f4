import type { FakeSlackApi } from '../../fakes/fake-slack-api';
import type { FakeTeamsConnector } from '../../fakes/fake-teams-connector';
import { databaseKinds, type TestDatabase } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { outboxFor, seedPerson, slackEntry, teamsEntry, testScheduler, startDeliveryRig, type DeliveryRig } from '../../helpers/outbox-rig';

// A Tuesday in term time, 10:00 London (GMT in November).
const TUESDAY_10AM = '2026-11-24T10:00:00Z';

describe.each(databaseKinds)('outbox delivery on %s', (kind) => {
  let db: TestDatabase;
  let teams: FakeTeamsConnector;
  let slack: FakeSlackApi;
  let clock: FakeClock;

  let rig: DeliveryRig;

  beforeAll(async () => {
    rig = await startDeliveryRig(kind);
    ({ db, teams, slack } = rig);
  });
  afterAll(() => rig.stop());
  beforeEach(async () => {
    clock = new FakeClock(TUESDAY_10AM);
    await db.prisma.outboxMessage.deleteMany();
  });

  const status = async (key: string) => (await outboxFor(db.prisma, clock).get(key))!;

  it('queues each key once and reports the repeats', async () => {
    const outbox = outboxFor(db.prisma, clock);
    const first = await outbox.enqueue([teamsEntry(teams, 'idem-1'), teamsEntry(teams, 'idem-2'), teamsEntry(teams, 'idem-1')]);
    expect(first).toEqual({ queued: ['idem-1', 'idem-2'], duplicates: ['idem-1'] });
    const again = await outbox.enqueue([teamsEntry(teams, 'idem-2'), teamsEntry(teams, 'idem-3')]);
    expect(again).toEqual({ queued: ['idem-3'], duplicates: ['idem-2'] });
    expect(await db.prisma.outboxMessage.count({ where: { key: { startsWith: 'idem-' } } })).toBe(3);
    expect((await outbox.countByStatus('idem-')).queued).toBe(3);
  });

  it('delivers through the real TeamsSender to the connector and records it', async () => {
    const before = teams.delivered.length;
    await outboxFor(db.prisma, clock).enqueue([teamsEntry(teams, 'teams-a'), teamsEntry(teams, 'teams-b')]);
    const report = await testScheduler(db.prisma, clock, teams, slack).runOnce();
    expect(report.delivery.sent).toBe(2);
    const delivered = teams.delivered.slice(before);
    expect(delivered.map((d) => d.conversationId).sort()).toEqual(['a:teams-a', 'a:teams-b']);
    expect(JSON.stringify(delivered[0]!.activity)).toContain('Hello teams-');
    const row = await status('teams-a');
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row.providerId).toMatch(/^activity-/);
    expect(row.sentAt).toEqual(row.settledAt);
  });

  it('delivers through the real SlackSender to the Web API', async () => {
    const before = slack.delivered.length;
    await outboxFor(db.prisma, clock).enqueue([slackEntry('D0ANN', 'slack-a')]);
    await testScheduler(db.prisma, clock, teams, slack).runOnce();
    expect(slack.delivered.slice(before)).toEqual([expect.objectContaining({ channel: 'D0ANN', text: 'Hello slack-a' })]);
    expect(await status('slack-a')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('honours Retry-After on a Teams 429, with exactly one call per attempt (no SDK retry)', async () => {
    teams.injected.set('a:throttled', [{ status: 429, retryAfter: 7 }]);
    await outboxFor(db.prisma, clock).enqueue([teamsEntry(teams, 'throttled')]);
    const scheduler = testScheduler(db.prisma, clock, teams, slack);
    const callsBefore = teams.sendCalls;
    await scheduler.runOnce();
    expect(teams.sendCalls - callsBefore).toBe(1);
    const held = await status('throttled');
    expect(held).toMatchObject({ status: 'queued', attempts: 1 });
    expect(held.lastError).toContain('429');
    expect(held.notBefore.getTime()).toBeGreaterThanOrEqual(clock.now().getTime() + 6_000);

    clock.advance(3_000);
    await scheduler.runOnce();
    expect(teams.sendCalls - callsBefore).toBe(1);

    clock.set(new Date(held.notBefore.getTime() + 1));
    await scheduler.runOnce();
    expect(await status('throttled')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(teams.sendCalls - callsBefore).toBe(2);
  });

  it('lets a lone Teams 429 hold back only its own row; a second within ten seconds pauses the tenant', async () => {
    const scheduler = testScheduler(db.prisma, clock, teams, slack);
    const outbox = outboxFor(db.prisma, clock);
    teams.injected.set('a:lone-1', [{ status: 429, retryAfter: 7 }]);
    await outbox.enqueue([teamsEntry(teams, 'lone-1')]);
    await scheduler.runOnce();
    expect(await status('lone-1')).toMatchObject({ status: 'queued', attempts: 1 });
    await outbox.enqueue([teamsEntry(teams, 'lone-2')]);
    await scheduler.runOnce();
    expect(await status('lone-2')).toMatchObject({ status: 'sent', attempts: 1 });

    clock.advance(2_000);
    teams.injected.set('a:again-1', [{ status: 429, retryAfter: 7 }]);
    await outbox.enqueue([teamsEntry(teams, 'again-1')]);
    await scheduler.runOnce();
    const pausedAt = clock.now().getTime();
    await outbox.enqueue([teamsEntry(teams, 'again-2')]);
    await scheduler.runOnce();
    const waiting = await status('again-2');
    expect(waiting).toMatchObject({ status: 'queued', attempts: 0 });
    expect(waiting.notBefore.getTime()).toBeGreaterThan(pausedAt);
    clock.advance(8_000);
    await scheduler.runOnce();
    expect(await status('again-2')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await status('lone-1')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('honours Retry-After on a Slack 429', async () => {
    slack.injected.set('D0SLOW', [{ status: 429, retryAfter: 30 }]);
    await outboxFor(db.prisma, clock).enqueue([slackEntry('D0SLOW', 'slack-throttled')]);
    const scheduler = testScheduler(db.prisma, clock, teams, slack);
    const start = clock.now().getTime();
    await scheduler.runOnce();
    const held = await status('slack-throttled');
    expect(held.status).toBe('queued');
    expect(held.notBefore.getTime()).toBeGreaterThanOrEqual(start + 30_000);
    clock.set(new Date(held.notBefore.getTime() + 1));
    await scheduler.runOnce();
    expect(await status('slack-throttled')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('retries a 5xx with backoff and gives up after the maximum attempts', async () => {
    teams.failures.set('a:broken', 502);
    await outboxFor(db.prisma, clock).enqueue([teamsEntry(teams, 'broken')]);
    const scheduler = testScheduler(db.prisma, clock, teams, slack, {
      worker: { backoff: { baseMs: 1_000, maxMs: 10_000, maxAttempts: 3, maxRetryAfterMs: 60_000 } },
    });
    for (let i = 0; i < 3; i += 1) {
      await scheduler.runOnce();
      clock.advance(20_000);
    }
    const row = await status('broken');
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.lastError).toContain('gave up after 3 attempts');
    teams.failures.delete('a:broken');
  });

  it('marks a blocked Teams recipient unreachable at once and never retries', async () => {
    const { person } = await seedPerson(db.prisma, 'Blocked');
    teams.failures.set('a:blocked', 403);
    await outboxFor(db.prisma, clock).enqueue([teamsEntry(teams, 'blocked', { personId: person.id })]);
    const scheduler = testScheduler(db.prisma, clock, teams, slack);
    const callsBefore = teams.sendCalls;
    await scheduler.runOnce();
    clock.advance(60 * 60_000);
    await scheduler.runOnce();
    expect(teams.sendCalls - callsBefore).toBe(1);
    expect(await status('blocked')).toMatchObject({ status: 'unreachable', attempts: 1 });
    const identity = await db.prisma.chatIdentity.findFirst({ where: { personId: person.id } });
    expect(identity?.unreachableAt).toEqual(clock.now().getTime() > 0 ? expect.any(Date) : null);
  });

  it('marks a Slack channel_not_found unreachable and never retries', async () => {
    slack.channelErrors.set('D0GONE', 'channel_not_found');
    await outboxFor(db.prisma, clock).enqueue([slackEntry('D0GONE', 'slack-gone')]);
    const scheduler = testScheduler(db.prisma, clock, teams, slack);
    await scheduler.runOnce();
    clock.advance(60 * 60_000);
    await scheduler.runOnce();
    expect(slack.callsTo('chat.postMessage').filter((c) => c.channel === 'D0GONE')).toHaveLength(1);
    expect(await status('slack-gone')).toMatchObject({ status: 'unreachable' });
  });
});
