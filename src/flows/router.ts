import type { InboundEvent } from '../core/events';
import { describeError } from '../core/describe-error';
import { textMessage } from '../core/message';
import { localTimeOf } from '../calendar/london-time';
import { isAllowed, type Audience } from '../core/permissions';
import { joinList, ownText, t } from '../i18n/en-GB';
import { actorOf } from './actor';
import { claimDelivery, receiptKey } from './delivery-claim';
import { cancelConversation, continueConversation, endConversation } from './conversations/engine';
import type { FlowDeps } from './deps';
import type { Command, HandlerContext, Registry, Reply } from './registry';
import { suggestCommand } from './suggest';

/** Longest text we accept; chat clients allow more, but nothing here needs it. */
export const MAX_TEXT_LENGTH = 4000;

/**
 * The one entry point for every inbound chat event, on either platform: drops bots and
 * redeliveries, resolves who is asking, then routes to an action, a running flow or a
 * command. Returns the replies for the adapter to render. `accepted` is told once the delivery
 * is claimed (or known to be a duplicate): the platform may then be answered, as a redelivery can
 * no longer run it twice. Throws only when the claim itself fails (the database unreachable), so
 * that the adapter answers in a way the platform retries.
 */
export async function handleEvent(event: InboundEvent, registry: Registry, deps: FlowDeps, accepted?: () => void): Promise<Reply> {
  if (event.fromBot) return [];
  const receipt = receiptKey(event);
  const claimed = await claimDelivery(deps.receipts, receipt);
  accepted?.();
  if (!claimed) {
    deps.logger.info('duplicate delivery ignored', { receipt });
    return [];
  }
  let reply: Reply;
  try {
    const actor = await actorOf(event, deps);
    const ctx: HandlerContext = { actor, event, deps };
    if (event.action) reply = await routeAction(ctx, registry);
    else if (event.file) reply = await routeFile(ctx, registry, event.file);
    else reply = await routeText(ctx, registry);
  } catch (error) {
    // Let the platform's own retry (or the person) try again; nothing half-done is kept
    // because handlers write in transactions.
    await deps.receipts.release(receipt).catch(() => undefined);
    deps.logger.error('event handling failed', { receipt, error: describeError(error) });
    return [textMessage(t('error.generic'))];
  }
  // Handled: a redelivery is a duplicate from now on. Should this write fail, the receipt stays
  // begun and a redelivery after the lease is handled again (the handlers' writes are
  // compare-and-set); that window is one statement, where before it was the whole handling.
  await deps.receipts.finish(receipt).catch((error) => deps.logger.warn('receipt not finished', { receipt, error: describeError(error) }));
  return reply;
}

async function routeAction(ctx: HandlerContext, registry: Registry): Promise<Reply> {
  const input = ctx.event.action!;
  const handler = registry.action(input.verb);
  if (!handler) return [textMessage(t('unknown.action'))];
  const denied = await refusal(ctx, handler.audience, input.verb, registry);
  return denied ?? handler.run(ctx, input.data);
}

async function routeFile(ctx: HandlerContext, registry: Registry, file: NonNullable<InboundEvent['file']>): Promise<Reply> {
  for (const claiming of registry.claimingUploadHandlers())
    if (isAllowed(ctx.actor, claiming.audience) && (await claiming.wants!(ctx, file))) return claiming.run(ctx, file);
  const handler = registry.upload();
  if (!handler) return [textMessage(t('upload.unsupported'))];
  const denied = await refusal(ctx, handler.audience, handler.id, registry);
  return denied ?? handler.run(ctx, file);
}

async function routeText(ctx: HandlerContext, registry: Registry): Promise<Reply> {
  const text = (ctx.event.text ?? '').trim();
  if (!text) return [textMessage(t('input.empty'))];
  if (text.length > MAX_TEXT_LENGTH) {
    return [textMessage(t('input.tooLong', { length: text.length, limit: MAX_TEXT_LENGTH }))];
  }
  if (/^(cancel|stop|quit)$/i.test(text)) return cancelConversation(ctx, registry);
  const matched = registry.match(text);
  if (matched) {
    const denied = await refusal(ctx, matched.command.audience, matched.command.id, registry);
    if (denied) return denied;
    const limited = await overLimit(ctx, matched.command, matched.args);
    if (limited) return limited;
    // A command replaces whatever conversation was running.
    await endConversation(ctx);
    return matched.command.run(ctx, matched.args);
  }
  const continued = await continueConversation(ctx, registry, text);
  if (continued) return continued;
  const greeter = registry.greeter();
  // Someone not on a roster who wrote something that is not a near-miss of a command is
  // asked who they are (or offered the first-run set-up).
  if (ctx.actor.personId === null && greeter && !suggestCommand(text, registry.commandWords())) return greeter(ctx);
  return [unknownReply(text, registry)];
}

async function refusal(ctx: HandlerContext, audience: Audience, name: string, registry: Registry): Promise<Reply | null> {
  if (isAllowed(ctx.actor, audience)) return null;
  const greeter = registry.greeter();
  if (ctx.actor.personId === null && greeter) return greeter(ctx);
  if (ctx.actor.personId === null || audience === 'linked') return [textMessage(t('denied.unlinked'))];
  const roles = joinList((audience as readonly string[]).map((r) => t(`role.${r}` as 'role.senco')));
  return [textMessage(t('denied.role', { command: name, roles }))];
}

/** A person (or, before linking, a chat account) asking for the same expensive command too often. */
async function overLimit(ctx: HandlerContext, command: Command, args: string): Promise<Reply | null> {
  if (!command.rateLimit || command.rateLimit.when?.(args) === false) return null;
  const { actor, event } = ctx;
  const who = actor.personId ? `person:${actor.personId}` : `${event.platform}:${event.tenantId}:${event.userId}`;
  const verdict = await ctx.deps.rateLimits.take(`${who}:${command.id}`, command.rateLimit, ctx.deps.clock.now());
  if (verdict.ok) return null;
  ctx.deps.logger.info('command refused: rate limit', { command: command.id });
  return [textMessage(t('rate.limited', { time: ownText(localTimeOf(verdict.retryAt)) }))];
}

function unknownReply(text: string, registry: Registry) {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const suggestion = suggestCommand(text, registry.commandWords());
  return textMessage(suggestion ? t('unknown.suggest', { input: shown, suggestion }) : t('unknown.nosuggest', { input: shown }));
}
