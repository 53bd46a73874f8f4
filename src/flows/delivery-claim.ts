import { createHash } from 'node:crypto';
import type { InboundEvent } from '../core/events';
import type { ReceiptStore } from '../core/ports';

/** Longest receipt key kept as it is: real ones are a few hundred characters at most. */
export const MAX_RECEIPT_KEY_LENGTH = 512;

/**
 * The receipt of a delivery: its platform, tenant and delivery id (ids are only unique within a
 * tenant and, on Teams, a conversation: see deliveryId). A hostile payload's ids can be anything
 * a signed body holds (a Teams activity without an id falls back on its text, up to 1 MB): a key
 * that long does not fit a database index (PostgreSQL 54000), so the claim failed as though the
 * database were down and the request ended in a 5xx. A long key is kept as its SHA-256 instead.
 */
export function receiptKey(event: Pick<InboundEvent, 'platform' | 'tenantId' | 'deliveryId'>): string {
  const key = `${event.platform}:${event.tenantId}:${event.deliveryId}`;
  if (key.length <= MAX_RECEIPT_KEY_LENGTH) return key;
  return `${event.platform}:sha256:${createHash('sha256').update(key).digest('hex')}`;
}

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
