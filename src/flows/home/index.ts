/**
 * Home: everything a person owes or can do, in one place (issue 16). Features add their part
 * with `app.homeSection(provider)` (src/flows/home/section.ts); this module puts the parts
 * together and shows them: Slack's App Home tab (the adapter publishes `homeFor`), and on
 * Teams a card sent by `home` through the outbox under a key, so it can be updated in place
 * (an `outbox.edit` after each press, `afterEvent`) instead of a new card arriving after every
 * answer. Changes others make are pushed within a minute (./push.ts); a personal install on Teams
 * is welcomed with the Home (./welcome.ts).
 */
import type { ConversationAddress, InboundEvent } from '../../core/events';
import { textMessage, type OutboundMessage } from '../../core/message';
import type { Actor } from '../../core/model';
import { actorOf } from '../actor';
import type { FlowDeps } from '../deps';
import type { ActionHandler, Command, HandlerContext, Registry, Reply } from '../registry';
import { buildHome, HELP_VERB, HOME_VERB } from './build';
import { t } from '../../i18n/en-GB';
import { homeCardState, sendHomeCard } from './card-state';
import { HOME_KEY_PREFIX } from './push';
import './deps';

export type { HomeInput, HomeProvider, HomeSection } from './section';
export { buildHome, MAX_HOME_BLOCKS } from './build';

export { homeCardState } from './card-state';
export { homeRefreshSource, HOME_KEY_PREFIX } from './push';
export { welcomeOnInstall } from './welcome';

/** The person's Home, built now. */
export function homeOf(actor: Actor, deps: FlowDeps, registry: Registry): Promise<OutboundMessage> {
  return buildHome(actor, deps, registry.homeSections());
}

/**
 * For an adapter (Slack's App Home): who opened it, then their Home. `tab` is where the tab is
 * when the person opened it (not after a press): remembered, so changes others make are pushed
 * to it later (src/flows/home/push.ts).
 */
export async function homeFor(
  event: InboundEvent,
  registry: Registry,
  deps: FlowDeps,
  tab?: ConversationAddress,
): Promise<OutboundMessage> {
  const actor = await deps.identities.resolve(event);
  if (tab && actor.personId !== null && actor.trustId !== null) {
    await deps.home.store.rememberTab(
      { personId: actor.personId, trustId: actor.trustId, platform: event.platform, target: tab },
      deps.clock.now(),
    );
  }
  return homeOf(actor, deps, registry);
}

/**
 * Teams: the home card goes through the outbox under a fresh key, remembered for the person,
 * so later changes edit that card. Slack shows Home in its own tab, and a reply there is fine.
 */
async function show(ctx: HandlerContext, registry: Registry): Promise<Reply> {
  const { actor, event, deps } = ctx;
  if (actor.personId === null) {
    const greeter = registry.greeter();
    return greeter ? greeter(ctx) : [textMessage(t('home.unlinked'))];
  }
  const content = await homeOf(actor, deps, registry);
  if (event.platform !== 'teams' || !event.direct) return [content];
  const key = `${HOME_KEY_PREFIX}${actor.personId}:${deps.clock.now().getTime()}:${event.deliveryId}`;
  await sendHomeCard(deps, { personId: actor.personId, trustId: actor.trustId }, event.address, key, content);
  return [];
}

/**
 * After something changed for this person on Teams (an answer, an RSVP, an acknowledgement):
 * their home card, if they have one, is updated in place. Queued like any edit; the newest wins.
 */
async function refreshHomeCard(event: InboundEvent, actor: Actor, registry: Registry, deps: FlowDeps): Promise<void> {
  if (event.platform !== 'teams' || !event.action || event.action.verb === HOME_VERB || actor.personId === null) return;
  const state = await deps.state.get(homeCardState(actor.personId));
  const of = typeof state?.data.key === 'string' ? state.data.key : null;
  if (!of) return;
  const content = await homeOf(actor, deps, registry);
  await deps.outbox.edit([{ key: `${of}:edit:${deps.clock.now().getTime()}:${event.deliveryId}`, of, op: 'update', content }]);
}

/**
 * After every event a person sends: their own Teams home card follows a press at once, and their
 * trust is marked changed, so its leaders' Homes (whose counts may have moved) are pushed within
 * a minute (src/flows/home/push.ts).
 */
export async function afterEvent(event: InboundEvent, registry: Registry, deps: FlowDeps): Promise<void> {
  if (event.fromBot || (!event.action && !event.text)) return;
  const actor = await actorOf(event, deps);
  if (actor.personId === null || actor.trustId === null) return;
  await deps.home.store.touchTrust(actor.trustId, deps.clock.now());
  await refreshHomeCard(event, actor, registry, deps);
}

/** `home` and its buttons, added to the registry with `help` (they read every feature's sections). */
export function addHome(registry: Registry): void {
  const command: Command = {
    id: 'home',
    aliases: [],
    summary: 'What needs you, and what is going on, in one place',
    examples: ['home'],
    // Someone not on a roster has no Home: the router asks who they are (or offers set-up).
    audience: 'linked',
    run: (ctx) => show(ctx, registry),
  };
  // Refresh replaces the card it was pressed on (Teams), so the remembered key still names it.
  const refresh: ActionHandler = {
    verb: HOME_VERB,
    audience: 'linked',
    run: async (ctx) =>
      ctx.actor.personId === null ? show(ctx, registry) : [{ ...(await homeOf(ctx.actor, ctx.deps, registry)), replaceSource: true }],
  };
  const help: ActionHandler = {
    verb: HELP_VERB,
    audience: 'anyone',
    run: (ctx) => registry.match('help')?.command.run(ctx, '') ?? Promise.resolve([]),
  };
  registry.addCommand(command).addAction(refresh).addAction(help);
}
