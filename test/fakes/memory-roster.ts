import type { RosterServices } from '../../src/core/roster-port';

/**
 * Roster services for unit tests of other flows: one trust with nobody on it, so a stranger
 * is asked who they are. Anything that would change the roster is a test bug and throws.
 */
export function emptyTrustRoster(): RosterServices {
  const trust = { id: 'trust-1', name: 'Test Trust' };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const unused = (name: string, faked: Record<string, unknown> = {}): any =>
    new Proxy(faked, {
      get: (target, key) => {
        if (typeof key !== 'string' || key === 'then') return undefined;
        return key in target ? target[key] : () => Promise.reject(new Error(`roster.${name}.${key} is not faked`));
      },
    });
  const repo = unused('repo', {
    listTrusts: async () => [trust],
    getTrust: async (id: string) => (id === trust.id ? trust : null),
    listSchools: async () => [],
    listPeople: async () => [],
  });
  const identities = unused('identities', { find: async () => null, trustsOfTenant: async () => [], contacts: async () => [] });
  return {
    repo: repo as RosterServices['repo'],
    identities: identities as RosterServices['identities'],
    approvals: unused('approvals') as RosterServices['approvals'],
    imports: unused('imports') as RosterServices['imports'],
    privacy: unused('privacy') as RosterServices['privacy'],
    auditTrail: unused('auditTrail') as RosterServices['auditTrail'],
    directories: [],
    notifier: null,
    settings: { mode: 'local', adminEmails: [] },
  };
}
