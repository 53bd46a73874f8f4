import { systemClock } from '../../../src/core/ports';
import { openDatabase, type Database } from '../../../src/db/database';
import { PrismaPaceStore } from '../../../src/db/pace-store';
import { FakeSlackApi } from '../../fakes/fake-slack-api';
import { FakeTeamsConnector } from '../../fakes/fake-teams-connector';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases';
import { outboxFor, teamsEntry, testScheduler } from '../../helpers/outbox-rig';

/**
 * Issue 18: three schedulers (three connection pools, as three replicas would have) deliver to
 * one Teams tenant. The fake connector refuses anything above its cap in a sliding one-second
 * window, so "no 429" means it never saw more than the cap in any one-second window. Real time:
 * pacing is about time. PostgreSQL only (replicas share a server; PGlite is one process).
 */
const CAP = 50;
/** Each replica alone could send this fast: together, unshared, they would go far over the cap. */
const RATES = { teams: { perSecond: 40, burst: 1 }, slack: { perSecond: 1, burst: 1 } };
const N = 240;

const describePostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

describePostgres('pacing shared by three replicas on PostgreSQL', () => {
  let db: TestDatabase;
  let pools: Database[] = [];
  let slack: FakeSlackApi;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    pools = await Promise.all([1, 2, 3].map(() => openDatabase({ url: db.url! })));
    slack = await new FakeSlackApi().start();
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
    await db.destroy();
    await slack.stop();
  });

  async function deliver(prefix: string, shared: boolean): Promise<{ teams: FakeTeamsConnector; sent: number }> {
    const teams = await new FakeTeamsConnector({ rateCap: { perSecond: CAP } }).start();
    try {
      const keys = Array.from({ length: N }, (_, i) => `${prefix}-${i}`);
      await outboxFor(db.prisma, systemClock).enqueue(keys.map((k) => teamsEntry(teams, k)));
      const schedulers = pools.map((pool, i) =>
        testScheduler(pool.prisma, systemClock, teams, slack, {
          instanceId: `${prefix}-replica-${i + 1}`,
          rates: RATES,
          worker: { batchSize: 10 },
          ...(shared ? { pace: new PrismaPaceStore(pool.prisma) } : {}),
        }),
      );
      const reports = await Promise.all(schedulers.map((s) => s.runOnce()));
      await Promise.all(schedulers.map((s) => s.stop()));
      return { teams, sent: reports.reduce((n, r) => n + r.delivery.sent, 0) };
    } finally {
      await teams.stop();
    }
  }

  it('keeps the tenant within its cap in every one-second window, each message once', async () => {
    const { teams, sent } = await deliver('shared', true);
    expect(sent).toBe(N);
    expect(teams.throttled).toBe(0);
    expect(new Set(teams.delivered.map((d) => d.conversationId)).size).toBe(N);
  }, 120_000);

  it('hands out every slot once when replicas take them at the same instant', async () => {
    const stores = pools.map((p) => new PrismaPaceStore(p.prisma));
    const now = 1_000_000;
    const slots = await Promise.all(Array.from({ length: 60 }, (_, i) => stores[i % 3]!.reserve('teams:race', now, 20, 0)));
    expect([...slots].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => now + i * 20));
    // A 429 pauses the bucket for every replica; the next slot is after the pause.
    await stores[0]!.pause('teams:race', now + 5_000);
    expect(await stores[1]!.peek('teams:race', now, 0)).toBe(now + 5_000);
    expect(await stores[2]!.reserve('teams:race', now, 20, 0)).toBe(now + 5_000);
  });
});
