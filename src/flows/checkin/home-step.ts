/**
 * The step a SENCO is on in their check-in, as Home shows it (issue 16: fewer taps from Home):
 * the carried-over answers summarised in one line with "All unchanged: confirm", or the current
 * yes / partly / no question with its answer buttons. These are the check-in card's own buttons
 * (same verbs and data), so a press on Home is the same action as on the card and the next step
 * arrives as a reply. A question that needs typing (a date, a number, two counts) cannot be
 * answered from a row of buttons: Home offers Continue, which opens its card. Pure.
 */
import { findItem } from '../../core/checkin/checklist';
import type { CheckinAnswer, Checklist, SchoolCheckin } from '../../core/checkin/model';
import { nextStep } from '../../core/checkin/progress';
import type { Button } from '../../core/message';
import { ownText, t } from '../../i18n/en-GB';
import { CHOICES, choiceButton, confirmAllButton, VERBS } from './cards';
import { answerLabel } from './text';

/** Carried-over answers named on Home's line; the rest are counted ("and 2 more"), and the card lists them all. */
export const HOME_PREFILL_SHOWN = 3;

export interface HomeStep {
  /** One line saying what the step asks, or null when Home shows only the progress. */
  line: string | null;
  /** One row: the step's own buttons, then a way to the full card. */
  buttons: Button[];
}

type StepCheckin = Pick<SchoolCheckin, 'id' | 'itemIds' | 'prefill'>;

function open(checkinId: string, label: string, primary: boolean): Button {
  return { label, verb: VERBS.open, data: { c: checkinId }, ...(primary ? { style: 'primary' as const } : {}) };
}

/** The step the check-in is on (the first open step, as `checkin` and Continue show it), for Home. */
export function homeStep(checkin: StepCheckin, checklist: Checklist, answers: readonly Pick<CheckinAnswer, 'itemId'>[]): HomeStep {
  const step = nextStep(checkin, answers);
  const carryOn = t(answers.length === 0 ? 'home.checkin.start' : 'home.checkin.continue');
  if (step.kind === 'prefill') {
    const facts = step.itemIds.slice(0, HOME_PREFILL_SHOWN).map((id) => {
      const item = findItem(checklist, id);
      const prefill = checkin.prefill[id]!;
      const answer = answerLabel(item, prefill.value);
      const shown = prefill.source === 'profile' ? t('checkin.prefill.fromProfile', { answer }) : answer;
      return t('home.checkin.fact', { title: item?.title ?? id, answer: ownText(shown) });
    });
    const more = step.itemIds.length - facts.length;
    const listed = more > 0 ? t('home.checkin.andMore', { facts: ownText(facts.join('; ')), count: more }) : facts.join('; ');
    return {
      line: t('home.checkin.carried', { count: step.itemIds.length, facts: ownText(listed) }),
      buttons: [confirmAllButton(checkin.id), open(checkin.id, t('home.checkin.somethingChanged'), false)],
    };
  }
  if (step.kind !== 'item') return { line: null, buttons: [open(checkin.id, carryOn, true)] };
  const item = findItem(checklist, step.itemId);
  if (!item) return { line: null, buttons: [open(checkin.id, carryOn, true)] };
  const line = t('home.checkin.question', { title: item.title, question: item.question });
  if (item.answer !== 'choice') return { line, buttons: [open(checkin.id, carryOn, true)] };
  const [first, ...rest] = CHOICES.map((v) => choiceButton(checkin.id, item.id, v));
  // The card also takes a note, shows the question's context and can skip it: "More" opens it.
  return { line, buttons: [{ ...first!, style: 'primary' }, ...rest, open(checkin.id, t('home.checkin.more'), false)] };
}
