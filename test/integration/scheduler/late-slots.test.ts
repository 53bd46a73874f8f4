import type { DeliveryQueue } from '../../../src/core/outbox-port';
import { systemClock } from '../../../src/core/ports';
import { PrismaPaceStore } from '../../../src/db/pace-store';
import { PrismaDeliveryQueue } from '../../../src/db/outbox-delivery-repo';
import { outboxFor, startDeliveryRig, teamsEntry, testScheduler, type DeliveryRig } from '../../helpers/outbox-rig';

/**
 * Issue 18: with shared pacing, a call held up past its slot (a slow database write, a busy CPU,
 * another replica's turn on the core) must not land beside the next on-time call: one too many
 * for a strict one-second window. Its start is taken back and it waits for a new slot, after
 * the rows already waiting. Real time (lateness is about real time; a fake clock that sleeps
 * by moving itself is never late), with margins far above timer jitter: the delay is 400 ms
 * against a 100 ms interval (a call may leave up to 90 ms after its slot).
 */
/** 10/s: slots 100 ms apart, so a busy CI machine's timer jitter does not make calls miss. */
const RATES = { teams: { perSecond: 10, burst: 1 }, slack: { perSecond: 1, burst: 1 } };
const N = 30;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a call that misses its slot (shared pacing)', () => {
  let rig: DeliveryRig;
  beforeAll(async () => {
    rig = await startDeliveryRig('pglite');
  });
  afterAll(async () => rig.stop());

  it('takes back its start and goes after the rows already waiting, each message once', async () => {
    const keys = Array.from({ length: N }, (_, i) => `late-${i}`);
    await outboxFor(rig.db.prisma, systemClock).enqueue(keys.map((k) => teamsEntry(rig.teams, k)));
    const real = new PrismaDeliveryQueue(rig.db.prisma);
    let begins = 0;
    let delayed = '';
    const queue: DeliveryQueue = Object.assign(Object.create(real) as DeliveryQueue, {
      begin: async (id: string, worker: string, now: Date, leaseMs: number) => {
        if (++begins === 4) {
          delayed = id;
          await sleep(400);
        }
        return real.begin(id, worker, now, leaseMs);
      },
    });
    const scheduler = testScheduler(rig.db.prisma, systemClock, rig.teams, rig.slack, {
      queue,
      rates: RATES,
      worker: { batchSize: N },
      pace: new PrismaPaceStore(rig.db.prisma),
    });
    const report = await scheduler.runOnce();
    await scheduler.stop();

    expect(report.delivery.sent).toBe(N);
    const order = rig.teams.delivered.filter((d) => d.conversationId.startsWith('a:late-')).map((d) => d.conversationId);
    expect(new Set(order).size).toBe(N);
    const row = await rig.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: delayed } });
    expect(row.status).toBe('sent');
    // The start taken back does not count as an attempt.
    expect(row.attempts).toBe(1);
    // Without the miss it would have gone about fifth of 30; a row that also missed on a
    // crowded machine may follow it.
    expect(order.indexOf(`a:${row.key}`)).toBeGreaterThanOrEqual(N - 3);
  });
});
