/**
 * `StateStore.take` is the compare-and-set behind confirming a meeting series (and any other
 * "use this draft once"): of many callers taking one key at the same moment exactly one gets the
 * state. On PGlite the calls are issued together on its one connection; on PostgreSQL also from
 * two separate connections (two replicas of the bot on one database).
 */
import { openDatabase } from '../../../src/db/database';
import { PrismaStateStore } from '../../../src/db/state-store';
import { createTestDatabase, databaseKinds, itOnPostgres, type TestDatabase } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';

const clock = new FakeClock('2026-09-08T08:00:00Z');
const draft = { flow: 'meetings-draft', step: 'confirm', data: { title: 'SENCO network' } };
const HOUR = 60 * 60_000;

describe.each(databaseKinds)('StateStore.take on %s', (kind) => {
  let db: TestDatabase;
  let store: PrismaStateStore;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    store = new PrismaStateStore(db.prisma, clock);
  });
  afterAll(async () => db.destroy());

  it('returns the state once and removes it', async () => {
    await store.set('k1', draft, HOUR);
    expect(await store.take('k1')).toEqual(draft);
    expect(await store.take('k1')).toBeNull();
    expect(await store.get('k1')).toBeNull();
  });

  it('clears every key given, in one call, and leaves the others', async () => {
    await store.set('own', draft, HOUR);
    await store.set('account', draft, HOUR);
    await store.set('someone-else', draft, HOUR);
    await store.clear('own', 'account');
    expect(await store.get('own')).toBeNull();
    expect(await store.get('account')).toBeNull();
    expect(await store.get('someone-else')).toEqual(draft);
  });

  it('does not hand out an expired state', async () => {
    await store.set('k2', draft, HOUR);
    clock.advance(2 * HOUR);
    expect(await store.take('k2')).toBeNull();
  });

  it('gives the state to exactly one of eight callers at once', async () => {
    for (let round = 0; round < 5; round += 1) {
      await store.set(`race-${round}`, draft, HOUR);
      const taken = await Promise.all(Array.from({ length: 8 }, () => store.take(`race-${round}`)));
      expect(taken.filter(Boolean)).toHaveLength(1);
    }
  });

  if (kind === 'postgres') {
    itOnPostgres('gives the state to exactly one of two replicas (separate connections)', async () => {
      const other = await openDatabase({ url: db.url! });
      try {
        const replica = new PrismaStateStore(other.prisma, clock);
        for (let round = 0; round < 20; round += 1) {
          await store.set(`replicas-${round}`, draft, HOUR);
          const taken = await Promise.all([
            store.take(`replicas-${round}`),
            replica.take(`replicas-${round}`),
            store.take(`replicas-${round}`),
            replica.take(`replicas-${round}`),
          ]);
          expect(taken.filter(Boolean)).toHaveLength(1);
        }
      } finally {
        await other.close();
      }
    });
  }
});
