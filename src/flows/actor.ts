import type { InboundEvent } from '../core/events';
import type { Actor } from '../core/model';
import type { FlowDeps } from './deps';

/** Linked senders already resolved, by event: the router's answer, reused by the work after the reply. */
const resolved = new WeakMap<InboundEvent, Actor>();

/**
 * Who sent the event, read from the database once per event (three statements) however many
 * steps ask: the router, then Home's refresh after the reply. Only a linked sender is kept: an
 * unlinked one may be linked by the event itself (joining, set-up), so is read again.
 */
export async function actorOf(event: InboundEvent, deps: FlowDeps): Promise<Actor> {
  const known = resolved.get(event);
  if (known) return known;
  const actor = await deps.identities.resolve(event);
  if (actor.personId !== null) resolved.set(event, actor);
  return actor;
}
