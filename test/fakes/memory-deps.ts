import type { TermDatesStore } from '../../src/core/nudge-port';
import type { Actor } from '../../src/core/model';
import type { AuditEntryInput, ConversationState, IdentityRepo, StateStore } from '../../src/core/ports';
import type { FlowDeps } from '../../src/flows/deps';
import '../../src/flows/home/deps';
import { memoryLogger } from '../../src/logger';
import { unusedBuddies } from './memory-buddies';
import { unusedCheckin } from './memory-checkin';
import { memoryDigest } from './memory-digest';
import type { SelfEvalDeps } from '../../src/flows/selfeval/deps';
import { memoryNudges, memoryOutbox } from './memory-nudges';
import { emptyTrustRoster } from './memory-roster';
import { memoryRateLimiter } from './memory-rate-limiter';
import { memoryReceipts } from './memory-receipts';

/** In-memory stand-ins for the database-backed ports, for unit tests of flows. */
export function memoryDeps(actor: Partial<Actor> = {}): FlowDeps & { audits: AuditEntryInput[]; states: Map<string, ConversationState> } {
  const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
  const states = new Map<string, ConversationState>();
  const audits: AuditEntryInput[] = [];
  const identities: IdentityRepo = {
    resolve: async (e) => ({
      platform: e.platform,
      tenantId: e.tenantId,
      userId: e.userId,
      displayName: e.userName,
      personId: null,
      trustId: null,
      roles: [],
      ...actor,
    }),
  };
  const state: StateStore = {
    get: async (key) => states.get(key) ?? null,
    set: async (key, value) => void states.set(key, value),
    clear: async (...keys) => keys.forEach((key) => states.delete(key)),
    take: async (key) => {
      const found = states.get(key) ?? null;
      states.delete(key);
      return found;
    },
  };
  return {
    identities,
    receipts: memoryReceipts(clock),
    rateLimits: memoryRateLimiter(),
    state,
    states,
    audits,
    audit: { record: async (entry) => void audits.push(entry) },
    roster: emptyTrustRoster(),
    outbox: memoryOutbox(),
    nudges: memoryNudges(),
    checkin: unusedCheckin(),
    digest: memoryDigest(),
    // Meetings are tested over HTTP against the database; unit tests of other flows never reach them.
    meetings: {
      repo: new Proxy({} as FlowDeps['meetings']['repo'], {
        get: (_t, name) => () => Promise.reject(new Error(`meetings repo ${String(name)} not faked`)),
      }),
      schoolCalendar: () => Promise.reject(new Error('meetings calendar not faked')),
      publicUrl: () => 'https://bot.example.org',
    },
    meetingAgenda: {
      repo: new Proxy({} as FlowDeps['meetingAgenda']['repo'], {
        get: (_t, name) => () => Promise.reject(new Error(`meeting agenda repo ${String(name)} not faked`)),
      }),
    },
    // Bulletins are tested over HTTP; a unit test that reaches them fails loudly.
    bulletins: {
      repo: new Proxy(
        {},
        {
          get: () => () => {
            throw new Error('bulletin services are not set up in this test');
          },
        },
      ) as FlowDeps['bulletins']['repo'],
      calendar: () => Promise.reject(new Error('bulletin calendar not faked')),
    },
    buddies: unusedBuddies(),
    // Home's push refresh is tested over HTTP (test/integration/http/home-push.test.ts).
    home: {
      store: new Proxy({} as FlowDeps['home']['store'], {
        get: (_t, name) => () => Promise.reject(new Error(`home store ${String(name)} not faked`)),
      }),
    },
    // Self-evaluation is tested over HTTP (test/integration/http/selfeval.test.ts).
    selfeval: {
      repo: new Proxy(
        {},
        {
          get: () => () => {
            throw new Error('self-evaluation is not set up in this test');
          },
        },
      ),
    } as SelfEvalDeps,
    termDates: memoryTermDates(),
    clock,
    logger: memoryLogger(),
  };
}

/** Term dates kept in a map: trust years under '', a school's under its id. */
export function memoryTermDates(): TermDatesStore {
  const years = new Map<string, Map<string, unknown>>();
  const of = (trustId: string, schoolId: string) => [...(years.get(`${trustId}/${schoolId}`)?.values() ?? [])];
  return {
    load: async (trustId, schoolId) => ({
      trustYears: of(trustId, ''),
      schoolYears: schoolId ? of(trustId, schoolId) : [],
      extraBankHolidays: [],
    }),
    save: async (trustId, schoolId, label, year) => {
      const key = `${trustId}/${schoolId ?? ''}`;
      years.set(key, (years.get(key) ?? new Map()).set(label, year));
    },
  };
}
