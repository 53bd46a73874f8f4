import type { ChatDirectory, IdentityLinks, RosterRepo } from '../roster-port';
import type { Logger } from '../ports';

export interface LinkReport {
  looked: number;
  linked: number;
  notFound: number;
  failed: number;
}

/**
 * Finds roster people's chat accounts by email in each platform's directory (Slack
 * `users.lookupByEmail`), so the bot can message them before they ever write. Only people
 * with no account yet on that platform are looked up; one failure does not stop the rest.
 */
export async function linkByDirectory(
  ports: { repo: RosterRepo; identities: IdentityLinks; directories: readonly ChatDirectory[]; logger: Logger },
  trustId: string,
  personIds?: readonly string[],
): Promise<LinkReport> {
  const report: LinkReport = { looked: 0, linked: 0, notFound: 0, failed: 0 };
  if (ports.directories.length === 0) return report;
  const people = (await ports.repo.listPeople(trustId)).filter((p) => p.email && (!personIds || personIds.includes(p.id)));
  const contacts = await ports.identities.contacts(
    trustId,
    people.map((p) => p.id),
  );
  for (const directory of ports.directories) {
    const known = new Set(contacts.filter((c) => c.platform === directory.platform).map((c) => c.personId));
    for (const person of people.filter((p) => !known.has(p.id))) {
      report.looked++;
      try {
        const member = await directory.lookupByEmail(person.email!);
        if (!member) {
          report.notFound++;
          continue;
        }
        const recorded = await ports.identities.recordMembers([{ ...member, email: member.email ?? person.email }]);
        report.linked += recorded.linked;
      } catch (error) {
        report.failed++;
        ports.logger.warn('directory lookup failed', { platform: directory.platform, error: String((error as Error)?.message ?? error) });
      }
    }
  }
  return report;
}
