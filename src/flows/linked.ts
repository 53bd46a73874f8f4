/**
 * Middleware for handlers that only people on a roster reach: the router has already checked
 * the audience, and `forLinked` hands the handler a `LinkedContext` whose actor's person and
 * trust are never null, so handlers do not write `ctx.actor.trustId!`. Someone unlinked who
 * somehow reaches one (a stale button) gets the polite refusal, never a crash.
 */
import { textMessage } from '../core/message';
import type { Actor } from '../core/model';
import { t } from '../i18n/en-GB';
import type { HandlerContext, Reply } from './registry';

export interface LinkedActor extends Actor {
  personId: string;
  trustId: string;
}

export interface LinkedContext extends HandlerContext {
  actor: LinkedActor;
}

export function isLinked(ctx: HandlerContext): ctx is LinkedContext {
  return ctx.actor.personId !== null && ctx.actor.trustId !== null;
}

export function forLinked<A>(run: (ctx: LinkedContext, arg: A) => Promise<Reply>): (ctx: HandlerContext, arg: A) => Promise<Reply> {
  return async (ctx, arg) => (isLinked(ctx) ? run(ctx, arg) : [textMessage(t('denied.unlinked'))]);
}
