import type { MembersEvent } from '../../core/events';
import { linkByDirectory } from '../../core/roster/link-directory';
import { joinList, t } from '../../i18n/en-GB';
import type { FlowDeps } from '../deps';
import type { Command } from '../registry';
import { LEADERS, roster, trustId } from '../shared/common';

export const reachCommand: Command = {
  id: 'reach',
  aliases: ['reachable', 'link people'],
  summary: 'Check who I can message first, and look people up by email',
  examples: ['reach'],
  audience: LEADERS,
  dataRule: 'own trust',
  async run(ctx) {
    const services = roster(ctx);
    const lookup = await linkByDirectory({ ...services, logger: ctx.deps.logger }, trustId(ctx));
    const people = await services.repo.listPeople(trustId(ctx));
    const contacts = await services.identities.contacts(trustId(ctx));
    const reachable = new Set(contacts.filter((c) => c.reachable).map((c) => c.personId));
    const missing = people.filter((p) => !reachable.has(p.id)).map((p) => p.name);
    const lines = [t('reach.summary', { reachable: people.length - missing.length, total: people.length })];
    if (lookup.looked > 0) lines.push(t('reach.lookup', { looked: lookup.looked, linked: lookup.linked }));
    if (lookup.failed > 0) lines.push(t('reach.lookupFailed', { failed: lookup.failed }));
    lines.push(missing.length ? t('reach.missing', { names: joinList(missing.slice(0, 50)) }) : t('reach.all'));
    return [
      {
        summary: t('reach.title'),
        blocks: [{ type: 'heading', text: t('reach.title') }, ...lines.map((text) => ({ type: 'text' as const, text }))],
      },
    ];
  },
};

/**
 * The bot was installed in a team, or people joined it: record their accounts and link them
 * to roster people by the email the platform reports, so proactive messages can reach them.
 */
export async function handleMembers(event: MembersEvent, deps: FlowDeps): Promise<void> {
  const members = event.members.map((m) => ({ ...m, platform: event.platform, tenantId: event.tenantId }));
  const result = await deps.roster.identities.recordMembers(members);
  deps.logger.info('members recorded', { platform: event.platform, recorded: result.recorded, linked: result.linked });
}
