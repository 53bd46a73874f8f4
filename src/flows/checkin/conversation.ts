/**
 * The check-in card sequence as a conversation (issue 10, item 6): while a SENCO is part-way
 * through, `cancel` stops it, says how far they got (every answer is already saved) and how to
 * carry on; free text in the middle gets a pointer back to the card instead of "did you mean".
 */
import { progressOf, type NextStep } from '../../core/checkin/progress';
import { textMessage } from '../../core/message';
import { t } from '../../i18n/en-GB';
import { endConversation, saveConversation } from '../conversations/engine';
import type { Conversation, HandlerContext } from '../registry';
import type { CheckinView } from './cards';

export const checkinConversation: Conversation = {
  id: 'checkin',
  describe: (state) =>
    t('checkin.conversation.describe', { answered: Number(state.data.answered ?? 0), total: Number(state.data.total ?? 0) }),
  resume: t('checkin.conversation.resume'),
  onText: async () => [textMessage(t('checkin.conversation.useCard'))],
};

/** Keeps the conversation in step with the card just shown: running until the check-in is done. */
export async function trackCheckin(ctx: HandlerContext, view: CheckinView, step: NextStep): Promise<void> {
  if (step.kind === 'done') return endConversation(ctx);
  const progress = progressOf(view.checkin, view.answers);
  await saveConversation(ctx, checkinConversation, 'card', { c: view.checkin.id, answered: progress.answered, total: progress.total });
}
