/**
 * `DeliveryQueue.defer` with several ids (rows given back for pacing together, one statement):
 * only the worker's own leased rows go back, each due at the given time and unlocked.
 */
import { PrismaDeliveryQueue } from '../../../src/db/outbox-delivery-repo';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { outboxFor, teamsEntry } from '../../helpers/outbox-rig';
import type { FakeTeamsConnector } from '../../fakes/fake-teams-connector';

const noConnector = { url: 'http://127.0.0.1:9' } as unknown as FakeTeamsConnector;

describe.each(databaseKinds)('outbox defer of several rows on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db.destroy());

  it("gives back the worker's own rows in one call and leaves another worker's alone", async () => {
    const clock = new FakeClock('2026-11-24T10:00:00Z');
    await outboxFor(db.prisma, clock).enqueue(['d-1', 'd-2', 'd-3'].map((k) => teamsEntry(noConnector, k)));
    const queue = new PrismaDeliveryQueue(db.prisma);
    const mine = await queue.claim('w1', 2, clock.now(), 60_000);
    const theirs = await queue.claim('w2', 1, clock.now(), 60_000);
    expect(mine).toHaveLength(2);
    expect(theirs).toHaveLength(1);
    const due = new Date(clock.now().getTime() + 7_500);
    await queue.defer([...mine.map((r) => r.id), theirs[0]!.id], 'w1', due, 'queued', null);
    const rows = await db.prisma.outboxMessage.findMany({ where: { key: { startsWith: 'd-' } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const row of mine) expect(byId.get(row.id)).toMatchObject({ status: 'queued', notBefore: due, lockedBy: null, lockedUntil: null });
    expect(byId.get(theirs[0]!.id)).toMatchObject({ lockedBy: 'w2' });
  });
});
