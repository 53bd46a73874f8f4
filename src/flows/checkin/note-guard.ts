/**
 * The pupil-name guard on a check-in's free text (the note on an answer, "what would help" on
 * a follow-up): text that looks as if it names a pupil is not saved; the SENCO is warned and
 * either writes it again without the name or taps **Save anyway**. What they submitted waits in
 * the check-in conversation (keyed by person, so either platform), never in the button.
 */
import { progressOf } from '../../core/checkin/progress';
import { conversationKeyOf } from '../../core/conversation';
import { checkPupilNames } from '../../core/privacy/pupil-name-guard';
import type { Block } from '../../core/message';
import { t } from '../../i18n/en-GB';
import { saveConversation } from '../conversations/engine';
import type { HandlerContext } from '../registry';
import type { CheckinView } from './cards';
import { checkinConversation } from './conversation';

export const NOTE_ANYWAY_VERB = 'checkin.note-anyway';
export type GuardedKind = 'answer' | 'followUp';

/** The fields of an answer or follow-up submission (anything else the card sent is dropped). */
const KEPT = ['c', 'i', 'v', 'value', 'value2', 'note', 'help', 'by'];

/** Set on a replayed submission: the SENCO chose to save the text as written. */
export const ANYWAY = 'anyway';

/**
 * Null when the text may be saved; else the warning blocks (with Save anyway) to put before
 * the card again, after keeping the submission in the conversation.
 */
export async function guardFreeText(
  ctx: HandlerContext,
  view: CheckinView,
  kind: GuardedKind,
  data: Record<string, string>,
  text: string | null | undefined,
): Promise<Block[] | null> {
  if (!text || data[ANYWAY] === '1') return null;
  const check = checkPupilNames(text);
  if (!check.flagged) return null;
  const submitted = Object.fromEntries(Object.entries(data).filter(([k]) => KEPT.includes(k)));
  const { answered, total } = progressOf(view.checkin, view.answers);
  await saveConversation(ctx, checkinConversation, 'note-check', { c: view.checkin.id, answered, total, kind, submitted });
  const names = [...new Set(check.hits.map((h) => h.name))].join(', ');
  return [
    { type: 'text', text: t('checkin.guard.warn', { names }) },
    { type: 'buttons', buttons: [{ label: t('selfeval.guard.saveAnyway'), verb: NOTE_ANYWAY_VERB, data: { c: view.checkin.id } }] },
  ];
}

/** The submission waiting for "save anyway" on this check-in, if any. */
export async function pendingSubmission(
  ctx: HandlerContext,
  checkinId: string | undefined,
): Promise<{ kind: GuardedKind; data: Record<string, string> } | null> {
  const state = await ctx.deps.state.get(conversationKeyOf(ctx.actor));
  if (!state || state.flow !== checkinConversation.id || state.step !== 'note-check' || state.data.c !== checkinId) return null;
  const kind = state.data.kind === 'followUp' ? 'followUp' : 'answer';
  return { kind, data: { ...(state.data.submitted as Record<string, string>), [ANYWAY]: '1' } };
}
