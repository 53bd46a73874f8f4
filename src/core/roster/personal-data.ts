import type { PersonalData } from '../roster-port';

/**
 * What the bot holds about a person, as a plain JSON document (UK GDPR right of access).
 * Field names are stable so the file can be read by a machine.
 */
export function personalDataDocument(data: PersonalData, generatedAt: Date): Record<string, unknown> {
  const { person } = data;
  return {
    generatedAt: generatedAt.toISOString(),
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      school: data.schoolName,
      roles: person.roles.map((r) => r.role),
      preferredPlatform: person.preferredPlatform,
      archived: person.archived,
    },
    sencoProfile: person.profile,
    chatAccounts: data.identities.map((i) => ({
      platform: i.platform,
      userId: i.userId,
      email: i.email,
      displayName: i.displayName,
      lastSeenAt: i.lastSeenAt.toISOString(),
      reachable: i.reachable,
    })),
    requests: data.requests.map((r) => ({ kind: r.kind, status: r.status, createdAt: r.createdAt.toISOString() })),
    auditEntriesAboutOrByYou: data.auditEntriesAboutOrBy,
    // What each feature holds (meetings, buddies, selfeval, bulletins, ...; src/db/erasers/).
    features: data.features,
  };
}
