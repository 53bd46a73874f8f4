import { systemClock } from '../../../src/core/ports';
import { FakeTeamsConnector } from '../../fakes/fake-teams-connector';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases';
import { outboxFor, teamsEntry } from '../../helpers/outbox-rig';
import { exitOf, freePort, spawnBot } from '../../helpers/spawn-bot';

// Two bot processes on one PostgreSQL database (PGlite is one process, so PostgreSQL only).
const describeOnPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

describeOnPostgres('two bot processes sharing one PostgreSQL outbox', () => {
  let db: TestDatabase;
  let teams: FakeTeamsConnector;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    teams = await new FakeTeamsConnector({ latencyMs: 2 }).start();
  });
  afterAll(async () => {
    await db.destroy();
    await teams.stop();
  });

  it('deliver every row exactly once between them', async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `proc-${i}`);
    // Two tenants, so both processes have a full-rate bucket to work on.
    await outboxFor(db.prisma, systemClock).enqueue(keys.map((k, i) => teamsEntry(teams, k, { bucket: `teams:tenant-${i % 2}` })));
    const bots = await Promise.all(
      ['replica-a', 'replica-b'].map(async (name) =>
        spawnBot({ TZ: 'UTC', DATABASE_URL: db.url!, PORT: String(await freePort()), INSTANCE_ID: name }),
      ),
    );
    try {
      await teams.waitFor(() => teams.delivered.length >= keys.length, 60_000);
    } finally {
      for (const bot of bots) bot.kill('SIGTERM');
      await Promise.all(bots.map((bot) => exitOf(bot)));
    }
    const perConversation = new Map<string, number>();
    for (const d of teams.delivered) perConversation.set(d.conversationId, (perConversation.get(d.conversationId) ?? 0) + 1);
    expect(perConversation.size).toBe(keys.length);
    expect([...perConversation.values()].every((n) => n === 1)).toBe(true);
    expect((await outboxFor(db.prisma, systemClock).countByStatus('proc-')).sent).toBe(keys.length);
  }, 90_000);
});
