import { ALL_NUDGES, type NudgePreferences } from '../../src/core/nudge-port';
import { OUTBOX_STATUSES, type Outbox, type OutboxEntry, type OutboxStatus } from '../../src/core/outbox-port';

/** In-memory outbox for flow unit tests: enqueue is idempotent on key, like the real one. */
export function memoryOutbox(): Outbox & { entries: Map<string, OutboxEntry & { status: OutboxStatus }> } {
  const entries = new Map<string, OutboxEntry & { status: OutboxStatus }>();
  return {
    entries,
    enqueue: async (list) => {
      const queued: string[] = [];
      const duplicates: string[] = [];
      for (const e of list) {
        if (entries.has(e.key)) {
          duplicates.push(e.key);
        } else {
          entries.set(e.key, { ...e, status: 'queued' });
          queued.push(e.key);
        }
      }
      return { queued, duplicates };
    },
    edit: async (edits) => ({ queued: [], duplicates: [], missing: edits.map((e) => e.key) }),
    get: async () => null,
    // Rows here carry no creation time; Home's push refresh is tested over HTTP on the real outbox.
    recipients: async () => [],
    countByStatus: async () => {
      const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
      for (const e of entries.values()) counts[e.status] += 1;
      return counts;
    },
    // No platform call here, so no row is ever partial.
    countPartial: async () => Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>,
    recentKinds: async (personId) => [
      ...new Set([...entries.values()].filter((e) => e.personId === personId && e.kind).map((e) => e.kind!)),
    ],
    releaseHeld: async (personId, now) => {
      let n = 0;
      for (const e of entries.values()) {
        if (e.personId !== personId || e.status !== 'held') continue;
        e.status = 'queued';
        e.notBefore = now;
        n += 1;
      }
      return n;
    },
  };
}

/** In-memory snoozes and pauses. */
export function memoryNudges(): NudgePreferences & { snoozes: Map<string, Date>; pauses: Map<string, Date> } {
  const snoozes = new Map<string, Date>();
  const pauses = new Map<string, Date>();
  return {
    snoozes,
    pauses,
    snooze: async (personId, kind, until) => void snoozes.set(`${personId}:${kind}`, until),
    pause: async (personId, until) => void pauses.set(personId, until),
    resume: async (personId, now) => {
      const paused = pauses.get(personId);
      pauses.delete(personId);
      let cleared = 0;
      for (const [key, until] of snoozes) {
        if (!key.startsWith(`${personId}:`)) continue;
        if (until > now) cleared += 1;
        snoozes.delete(key);
      }
      return { wasPaused: Boolean(paused && paused > now), snoozesCleared: cleared };
    },
    holdsFor: async (personId, kind) => {
      const times = [snoozes.get(`${personId}:${kind}`), snoozes.get(`${personId}:${ALL_NUDGES}`)].filter((d): d is Date => Boolean(d));
      const snoozedUntil = times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
      return { trustId: 'trust-1', schoolId: null, pausedUntil: pauses.get(personId) ?? null, snoozedUntil };
    },
  };
}
