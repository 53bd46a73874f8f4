/**
 * The conversation engine: a feature's multi-step conversation saves its step and data with
 * `saveConversation` after each answer, the router hands the person's next free text to it
 * (`continueConversation`), and `cancel` ends any of them, saying what it ended and how to
 * start again. State lives in the database (see src/core/conversation.ts for the keys).
 */
import { accountConversationKey, CONVERSATION_TTL_MS, conversationKeyOf } from '../../core/conversation';
import { textMessage } from '../../core/message';
import type { ConversationState } from '../../core/ports';
import { t } from '../../i18n/en-GB';
import type { Conversation, HandlerContext, Registry, Reply } from '../registry';

/** Starts or moves on a conversation: the person's next free text goes to `conversation.onText`. */
export async function saveConversation(
  ctx: HandlerContext,
  conversation: Pick<Conversation, 'id' | 'ttlMs'>,
  step: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await ctx.deps.state.set(conversationKeyOf(ctx.actor), { flow: conversation.id, step, data }, conversation.ttlMs ?? CONVERSATION_TTL_MS);
}

/** Ends the person's conversation (finished, or replaced by a command). */
export async function endConversation(ctx: HandlerContext): Promise<void> {
  await ctx.deps.state.clear(...keysOf(ctx));
}

/**
 * The person's running conversation, if any. A linked person's is found on any platform; one
 * started before they were linked (under their chat account) is still found.
 */
export async function currentConversation(ctx: HandlerContext): Promise<{ key: string; state: ConversationState } | null> {
  for (const key of keysOf(ctx)) {
    const state = await ctx.deps.state.get(key);
    if (state) return { key, state };
  }
  return null;
}

/** Hands free text to the running conversation; null when there is none (or its kind is gone). */
export async function continueConversation(ctx: HandlerContext, registry: Registry, text: string): Promise<Reply | null> {
  const current = await currentConversation(ctx);
  const conversation = current ? registry.conversation(current.state.flow) : undefined;
  if (!current || !conversation) return null;
  return conversation.onText(ctx, current.state, text);
}

/** `cancel` in any conversation: what was cancelled and how to resume it. */
export async function cancelConversation(ctx: HandlerContext, registry: Registry): Promise<Reply> {
  const current = await currentConversation(ctx);
  await endConversation(ctx);
  if (!current) return [textMessage(t('cancel.nothing'))];
  const conversation = registry.conversation(current.state.flow);
  const what = conversation ? conversation.describe(current.state) : t('cancel.unknown');
  // `describe` and `resume` are the bot's own words (built with t(), which marks any person's
  // text inside them), so they are filled in unmarked: "type **checkin**" stays bold.
  const lines = [t('cancel.done').replace('{what}', what)];
  if (conversation?.resume) lines.push(t('cancel.resume').replace('{resume}', conversation.resume));
  return [textMessage(lines.join('\n'))];
}

function keysOf(ctx: HandlerContext): string[] {
  const own = conversationKeyOf(ctx.actor);
  const account = accountConversationKey(ctx.actor);
  return own === account ? [own] : [own, account];
}
