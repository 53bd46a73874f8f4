import { claimDelivery } from '../../../src/flows/delivery-claim';
import { FakeClock } from '../../helpers/fake-clock';
import { memoryReceipts } from '../../fakes/memory-receipts';

describe('claimDelivery', () => {
  const lease = 10_000;

  it('gives a new delivery to its first caller and a finished one to nobody', async () => {
    const receipts = memoryReceipts(new FakeClock('2031-02-03T10:00:00Z'));
    expect(await claimDelivery(receipts, 'k', { waitMs: 0 })).toBe(true);
    await receipts.finish('k');
    expect(await claimDelivery(receipts, 'k', { waitMs: 0 })).toBe(false);
  });

  it('has a redelivery wait for the delivery in progress and stand down once it is finished', async () => {
    const receipts = memoryReceipts(new FakeClock('2031-02-03T10:00:00Z'));
    await receipts.begin('k', lease);
    let polls = 0;
    const sleep = async () => {
      polls += 1;
      if (polls === 3) await receipts.finish('k');
    };
    expect(await claimDelivery(receipts, 'k', { waitMs: 60_000, sleep })).toBe(false);
    expect(polls).toBe(3);
  });

  it('takes over a delivery whose handler died, once its lease has passed', async () => {
    const clock = new FakeClock('2031-02-03T10:00:00Z');
    const receipts = memoryReceipts(clock);
    await receipts.begin('k', lease);
    // Each poll is a second of the product clock: the claim goes stale after ten.
    const sleep = async () => void clock.advance(1_000);
    expect(await claimDelivery(receipts, 'k', { waitMs: 60_000, sleep })).toBe(true);
    expect(clock.now().toISOString()).toBe('2031-02-03T10:00:11.000Z');
  });

  it('stops waiting after its real-time limit, answering duplicate rather than holding the platform', async () => {
    const receipts = memoryReceipts(new FakeClock('2031-02-03T10:00:00Z'));
    await receipts.begin('k', lease);
    const started = performance.now();
    expect(await claimDelivery(receipts, 'k', { waitMs: 50, pollMs: 10 })).toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('hands a delivery released by a failed handler to the waiting redelivery', async () => {
    const receipts = memoryReceipts(new FakeClock('2031-02-03T10:00:00Z'));
    await receipts.begin('k', lease);
    const sleep = async () => receipts.release('k');
    expect(await claimDelivery(receipts, 'k', { waitMs: 60_000, sleep })).toBe(true);
  });
});
