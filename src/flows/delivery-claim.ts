import type { ReceiptStore } from '../core/ports';

/**
 * How long a delivery may stay begun and unfinished before a redelivery takes it over: longer
 * than a turn takes, so only a handler that died (kill -9, a lost connection) leaves one that old.
 */
export const DELIVERY_LEASE_MS = 10_000;

export interface DeliveryWait {
  leaseMs: number;
  /** Longest a redelivery waits for a delivery in progress, real time (it must answer the platform). */
  waitMs: number;
  pollMs: number;
  sleep(ms: number): Promise<void>;
}

const defaults: DeliveryWait = {
  leaseMs: DELIVERY_LEASE_MS,
  // Past the lease, so a retry of a delivery whose handler died is handled in the same request;
  // under the Bot Connector's 15-second answer limit.
  waitMs: 12_000,
  pollMs: 200,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * True when this delivery is ours to handle: new, or begun by a handler that died. A redelivery
 * of one being handled waits for it (two presses of one activity, a platform retry during a slow
 * turn) and is a duplicate once that finishes. The lease is judged on the store's injected clock;
 * the wait is transport timing.
 */
export async function claimDelivery(receipts: ReceiptStore, key: string, options: Partial<DeliveryWait> = {}): Promise<boolean> {
  const o = { ...defaults, ...options };
  const deadline = performance.now() + o.waitMs;
  for (;;) {
    const found = await receipts.begin(key, o.leaseMs);
    if (found === 'new') return true;
    if (found === 'done' || performance.now() >= deadline) return false;
    await o.sleep(o.pollMs);
  }
}
