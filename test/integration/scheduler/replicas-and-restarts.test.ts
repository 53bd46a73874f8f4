import { occurrenceKey, type DueWorkSource } from '../../../src/core/due-work-port';
import { systemClock } from '../../../src/core/ports';
import { openDatabase, type Database } from '../../../src/db/database';
import { PrismaDeliveryQueue } from '../../../src/db/outbox-delivery-repo';
import { FakeSlackApi } from '../../fakes/fake-slack-api';
import { FakeTeamsConnector } from '../../fakes/fake-teams-connector';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { outboxFor, teamsEntry, testScheduler } from '../../helpers/outbox-rig';

const TUESDAY_10AM = '2026-11-24T10:00:00Z';
/** Fast pacing, so these tests are about who sends what, not about the rate. */
const FAST = { teams: { perSecond: 10_000, burst: 100 }, slack: { perSecond: 10_000, burst: 100 } };

/** How many times each conversation received an activity. */
function deliveriesPerConversation(teams: FakeTeamsConnector, prefix: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of teams.delivered)
    if (d.conversationId.startsWith(`a:${prefix}`)) counts.set(d.conversationId, (counts.get(d.conversationId) ?? 0) + 1);
  return counts;
}

describe.each(databaseKinds)('replicas and restarts on %s', (kind) => {
  let db: TestDatabase;
  /** A second connection pool to the same database: another replica (PostgreSQL only). */
  let other: Database | null = null;
  let teams: FakeTeamsConnector;
  let slack: FakeSlackApi;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    // PGlite is one connection in one process: both "replicas" share it there.
    if (kind === 'postgres') other = await openDatabase({ url: db.url! });
    teams = await new FakeTeamsConnector().start();
    slack = await new FakeSlackApi().start();
  });
  afterAll(async () => {
    await other?.close();
    await db.destroy();
    await teams.stop();
    await slack.stop();
  });

  const secondPrisma = () => (other ? other.prisma : db.prisma);

  it('two workers draining one outbox never send a row twice', async () => {
    const clock = new FakeClock(TUESDAY_10AM);
    const keys = Array.from({ length: 300 }, (_, i) => `pair-${i}`);
    await outboxFor(db.prisma, clock).enqueue(keys.map((k) => teamsEntry(teams, k)));
    const one = testScheduler(db.prisma, clock, teams, slack, { instanceId: 'replica-1', rates: FAST, worker: { batchSize: 20 } });
    const two = testScheduler(secondPrisma(), clock, teams, slack, { instanceId: 'replica-2', rates: FAST, worker: { batchSize: 20 } });
    const [a, b] = await Promise.all([one.runOnce(), two.runOnce()]);
    expect(a.delivery.sent + b.delivery.sent).toBe(300);
    const counts = deliveriesPerConversation(teams, 'pair-');
    expect(counts.size).toBe(300);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect((await outboxFor(db.prisma, clock).countByStatus('pair-')).sent).toBe(300);
  });

  it('each occurrence runs once across two schedulers, and its messages are queued once', async () => {
    const clock = new FakeClock(TUESDAY_10AM);
    let runs = 0;
    const source: DueWorkSource = {
      kind: 'checkin-reminder',
      catchUp: { policy: 'run-late' },
      lookbackMs: 24 * 60 * 60_000,
      due: async () =>
        Array.from({ length: 20 }, (_, i) => {
          const key = occurrenceKey('checkin-reminder', ['round-1', `person-${i}`], '2026-11-24');
          return {
            key,
            dueAt: new Date('2026-11-24T09:00:00Z'),
            run: async () => {
              runs += 1;
              await outboxFor(db.prisma, clock).enqueue([teamsEntry(teams, `occ-${i}`, { key })]);
            },
          };
        }),
    };
    const one = testScheduler(db.prisma, clock, teams, slack, { instanceId: 'replica-1', rates: FAST, sources: [source] });
    const two = testScheduler(secondPrisma(), clock, teams, slack, { instanceId: 'replica-2', rates: FAST, sources: [source] });
    await Promise.all([one.runOnce(), two.runOnce()]);
    await Promise.all([one.runOnce(clock.advance(60_000)), two.runOnce()]);
    expect(runs).toBe(20);
    expect(await db.prisma.jobRun.count({ where: { kind: 'checkin-reminder', outcome: 'done' } })).toBe(20);
    const counts = deliveriesPerConversation(teams, 'occ-');
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('rows claimed by a worker that died before sending are sent by another once the lease ends', async () => {
    const clock = new FakeClock(TUESDAY_10AM);
    await outboxFor(db.prisma, clock).enqueue(Array.from({ length: 5 }, (_, i) => teamsEntry(teams, `orphan-${i}`)));
    const claimed = await new PrismaDeliveryQueue(db.prisma).claim('dead-replica', 100, clock.now(), 60_000);
    expect(claimed.filter((c) => c.key.startsWith('orphan-'))).toHaveLength(5);
    const survivor = testScheduler(secondPrisma(), clock, teams, slack, { instanceId: 'survivor', rates: FAST });
    await survivor.runOnce();
    expect(deliveriesPerConversation(teams, 'orphan-').size).toBe(0);
    clock.advance(61_000);
    await survivor.runOnce();
    const counts = deliveriesPerConversation(teams, 'orphan-');
    expect(counts.size).toBe(5);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('a row left mid-send by a dead worker becomes uncertain and is not sent again (no duplicate)', async () => {
    const clock = new FakeClock(TUESDAY_10AM);
    await outboxFor(db.prisma, clock).enqueue([teamsEntry(teams, 'midsend')]);
    const queue = new PrismaDeliveryQueue(db.prisma);
    const [row] = (await queue.claim('dead-replica', 100, clock.now(), 60_000)).filter((r) => r.key === 'midsend');
    expect(await queue.begin(row!.id, 'dead-replica', clock.now(), 10 * 60_000)).toBe(true);
    const survivor = testScheduler(secondPrisma(), clock, teams, slack, { instanceId: 'survivor', rates: FAST });
    expect((await survivor.runOnce()).recovered).toEqual([]);
    const report = await survivor.runOnce(clock.advance(10 * 60_000 + 1));
    expect(report.recovered).toEqual(['midsend']);
    expect(await outboxFor(db.prisma, clock).get('midsend')).toMatchObject({ status: 'uncertain', attempts: 1 });
    await survivor.runOnce(clock.advance(60 * 60_000));
    expect(deliveriesPerConversation(teams, 'midsend').size).toBe(0);
    expect(survivor.logger.lines.some((l) => l.msg.includes('left mid-send'))).toBe(true);
  });

  it('a replica restarted under the same INSTANCE_ID takes its rows back at once, without waiting for leases', async () => {
    const clock = new FakeClock(TUESDAY_10AM);
    await outboxFor(db.prisma, clock).enqueue(Array.from({ length: 3 }, (_, i) => teamsEntry(teams, `own-${i}`)));
    const queue = new PrismaDeliveryQueue(db.prisma);
    const claimed = (await queue.claim('stable-name', 100, clock.now(), 60_000)).filter((r) => r.key.startsWith('own-'));
    expect(claimed).toHaveLength(3);
    const midSend = claimed.find((r) => r.key === 'own-0')!;
    await queue.begin(midSend.id, 'stable-name', clock.now(), 10 * 60_000);
    const restarted = testScheduler(secondPrisma(), clock, teams, slack, { instanceId: 'stable-name', rates: FAST });
    await restarted.runOnce();
    expect([...deliveriesPerConversation(teams, 'own-').keys()].sort()).toEqual(['a:own-1', 'a:own-2']);
    expect(await outboxFor(db.prisma, clock).get('own-0')).toMatchObject({ status: 'uncertain' });
  });

  it("with onUncertain 'resend' such a row is sent again (at-least-once)", async () => {
    const clock = new FakeClock(TUESDAY_10AM);
    await outboxFor(db.prisma, clock).enqueue([teamsEntry(teams, 'resend-me')]);
    const queue = new PrismaDeliveryQueue(db.prisma);
    const [row] = (await queue.claim('dead-replica', 100, clock.now(), 60_000)).filter((r) => r.key === 'resend-me');
    await queue.begin(row!.id, 'dead-replica', clock.now(), 10 * 60_000);
    const survivor = testScheduler(secondPrisma(), clock, teams, slack, { instanceId: 'survivor', rates: FAST, onUncertain: 'resend' });
    await survivor.runOnce(clock.advance(10 * 60_000 + 1));
    expect(await outboxFor(db.prisma, clock).get('resend-me')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(deliveriesPerConversation(teams, 'resend-me').get('a:resend-me')).toBe(1);
  });

  it('a graceful stop in the middle of a run gives unsent rows back; the next start sends each once', async () => {
    const slow = await new FakeTeamsConnector({ latencyMs: 5 }).start();
    try {
      const keys = Array.from({ length: 60 }, (_, i) => `stop-${i}`);
      await outboxFor(db.prisma, systemClock).enqueue(keys.map((k) => teamsEntry(slow, k)));
      // Real clock and real pacing (200/s): the run takes a while, so stop() lands mid-run.
      const first = testScheduler(db.prisma, systemClock, slow, slack, {
        instanceId: 'first',
        rates: { teams: { perSecond: 200, burst: 1 } },
        sleep: undefined,
      });
      const running = first.runOnce();
      await slow.waitFor(() => slow.delivered.length >= 10, 20_000);
      await first.stop();
      const firstReport = await running;
      expect(firstReport.delivery.sent).toBeLessThan(60);
      const counts = await outboxFor(db.prisma, systemClock).countByStatus('stop-');
      expect(counts.sending + counts.uncertain).toBe(0);
      const second = testScheduler(secondPrisma(), systemClock, slow, slack, { instanceId: 'second', rates: FAST, sleep: undefined });
      await second.runOnce();
      const perConversation = deliveriesPerConversation(slow, 'stop-');
      expect(perConversation.size).toBe(60);
      expect([...perConversation.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await slow.stop();
    }
  });
});
