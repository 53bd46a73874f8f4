/**
 * Home: everything a person owes or can do, in one place (issue 16). Features add their part
 * with `app.homeSection(provider)` (src/flows/home/section.ts); this module puts the parts
 * together and shows them: Slack's App Home tab (the adapter publishes `homeFor`), and on
 * Teams a card sent by `home` through the outbox under a key, so it can be updated in place
 * (`refreshHomeCard`, an `outbox.edit`) instead of a new card arriving after every answer.
 */
import type { InboundEvent } from '../../core/events';
import { textMessage, type OutboundMessage } from '../../core/message';
import type { Actor } from '../../core/model';
import type { FlowDeps } from '../deps';
import type { ActionHandler, Command, HandlerContext, Registry, Reply } from '../registry';
import { buildHome, HELP_VERB, HOME_VERB } from './build';
import { t } from '../../i18n/en-GB';

export type { HomeInput, HomeProvider, HomeSection } from './section';
export { buildHome, MAX_HOME_BLOCKS } from './build';

/** Where the key of a person's latest Teams home card is kept (the StateStore, not a conversation key). */
export const homeCardState = (personId: string) => `home-card:${personId}`;
/** The home card's key is kept this long; after that `home` sends a fresh one. */
const HOME_CARD_TTL_MS = 180 * 24 * 60 * 60_000;

/** The person's Home, built now. */
export function homeOf(actor: Actor, deps: FlowDeps, registry: Registry): Promise<OutboundMessage> {
  return buildHome(actor, deps, registry.homeSections());
}

/** For an adapter (Slack's App Home): who opened it, then their Home. */
export async function homeFor(event: InboundEvent, registry: Registry, deps: FlowDeps): Promise<OutboundMessage> {
  return homeOf(await deps.identities.resolve(event), deps, registry);
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
  const key = `home:${actor.personId}:${deps.clock.now().getTime()}:${event.deliveryId}`;
  await deps.outbox.enqueue([{ key, trustId: actor.trustId, personId: actor.personId, platform: 'teams', target: event.address, content }]);
  await deps.state.set(homeCardState(actor.personId), { flow: 'home', step: 'card', data: { key } }, HOME_CARD_TTL_MS);
  return [];
}

/**
 * After something changed for this person on Teams (an answer, an RSVP, an acknowledgement):
 * their home card, if they have one, is updated in place. Queued like any edit; the newest wins.
 */
export async function refreshHomeCard(event: InboundEvent, registry: Registry, deps: FlowDeps): Promise<void> {
  if (event.platform !== 'teams' || event.action?.verb === HOME_VERB) return;
  const actor = await deps.identities.resolve(event);
  if (actor.personId === null) return;
  const state = await deps.state.get(homeCardState(actor.personId));
  const of = typeof state?.data.key === 'string' ? state.data.key : null;
  if (!of) return;
  const content = await homeOf(actor, deps, registry);
  await deps.outbox.edit([{ key: `${of}:edit:${deps.clock.now().getTime()}:${event.deliveryId}`, of, op: 'update', content }]);
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
