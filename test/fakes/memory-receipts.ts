import type { Clock, ReceiptStore } from '../../src/core/ports';

/** `ReceiptStore` in memory, with the database store's lease rules (src/db/receipt-store.ts). */
export function memoryReceipts(clock: Clock): ReceiptStore {
  const rows = new Map<string, { receivedAt: number; handledAt: number | null }>();
  return {
    claim: async (key) => {
      if (rows.has(key)) return false;
      const now = clock.now().getTime();
      rows.set(key, { receivedAt: now, handledAt: now });
      return true;
    },
    begin: async (key, leaseMs) => {
      const now = clock.now().getTime();
      const row = rows.get(key);
      if (row?.handledAt != null) return 'done';
      if (row && row.receivedAt >= now - leaseMs) return 'busy';
      rows.set(key, { receivedAt: now, handledAt: null });
      return 'new';
    },
    finish: async (key) => {
      const row = rows.get(key);
      if (row) row.handledAt = clock.now().getTime();
    },
    release: async (key) => void rows.delete(key),
  };
}
