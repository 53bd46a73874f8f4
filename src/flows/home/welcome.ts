/**
 * The welcome after a personal install (Teams `conversationUpdate` with the bot among
 * `membersAdded`): a person on a roster gets their Home as the welcome card (remembered, so it
 * is kept current like any home card); someone not linked yet gets the greeter's welcome
 * (join or set-up). Once per install: a receipt per person and London day, so the duplicate
 * events Teams sends for one install give one welcome.
 */
import { londonDate } from '../../core/dates';
import type { InboundEvent, MembersEvent } from '../../core/events';
import { textMessage } from '../../core/message';
import { t } from '../../i18n/en-GB';
import type { FlowDeps } from '../deps';
import type { Registry } from '../registry';
import { buildHome } from './build';
import { sendHomeCard } from './card-state';
import { HOME_KEY_PREFIX } from './push';

export async function welcomeOnInstall(event: MembersEvent, registry: Registry, deps: FlowDeps): Promise<void> {
  if (!event.personalInstall) return;
  const day = londonDate(deps.clock.now());
  for (const member of event.members) {
    const id = `${event.platform}:${event.tenantId}:${member.userId}:${day}`;
    if (!(await deps.receipts.claim(`welcome:${id}`))) continue;
    const inbound: InboundEvent = {
      platform: event.platform,
      deliveryId: `welcome:${id}`,
      tenantId: event.tenantId,
      userId: member.userId,
      userName: member.name,
      email: member.email,
      direct: true,
      address: member.address,
      text: null,
      action: null,
      fromBot: false,
    };
    const actor = await deps.identities.resolve(inbound);
    if (actor.personId !== null && actor.trustId !== null) {
      const content = await buildHome(actor, deps, registry.homeSections());
      await sendHomeCard(
        deps,
        { personId: actor.personId, trustId: actor.trustId },
        member.address,
        `${HOME_KEY_PREFIX}${actor.personId}:welcome:${day}`,
        content,
      );
      continue;
    }
    const greeter = registry.greeter();
    const replies = greeter ? await greeter({ actor, event: inbound, deps }) : [textMessage(t('home.unlinked'))];
    await deps.outbox.enqueue(
      replies.map((content, i) => ({
        key: `welcome:${id}:${i}`,
        personId: null,
        platform: event.platform,
        target: member.address,
        content,
      })),
    );
  }
}
