/**
 * The Teams home card: sent through the outbox under a fresh key, which is remembered for the
 * person (the StateStore) so later changes edit that card in place instead of sending another.
 */
import type { ConversationAddress } from '../../core/events';
import type { OutboundMessage } from '../../core/message';
import type { FlowDeps } from '../deps';

/** Where the key of a person's latest Teams home card is kept (the StateStore, not a conversation key). */
export const homeCardState = (personId: string) => `home-card:${personId}`;
/** The home card's key is kept this long; after that `home` sends a fresh one. */
const HOME_CARD_TTL_MS = 180 * 24 * 60 * 60_000;

/** Queues the card to this person's chat under `key` (it must start with `home:`) and remembers it. */
export async function sendHomeCard(
  deps: FlowDeps,
  who: { personId: string; trustId: string | null },
  target: ConversationAddress,
  key: string,
  content: OutboundMessage,
): Promise<void> {
  await deps.outbox.enqueue([{ key, trustId: who.trustId, personId: who.personId, platform: 'teams', target, content }]);
  await deps.state.set(homeCardState(who.personId), { flow: 'home', step: 'card', data: { key } }, HOME_CARD_TTL_MS);
}
