/**
 * The SENCO's check-in as neutral messages: one card per step (pre-filled answers to confirm,
 * then one question at a time), each showing progress. Pure: data in, message out.
 */
import { findItem } from '../../core/checkin/checklist';
import type { CheckinAnswer, CheckinRound, Checklist, ChecklistItem, SchoolCheckin, SencoFacts } from '../../core/checkin/model';
import { progressOf, type NextStep } from '../../core/checkin/progress';
import type { LocalDate } from '../../core/dates';
import { formatDate } from '../../core/dates';
import type { Block, Button, Field, OutboundMessage } from '../../core/message';
import { qualificationStatus } from '../../core/qualification';
import { plural, t } from '../../i18n/en-GB';
import { answerLabel, formatInstant, periodLabel } from './text';

export const VERBS = {
  open: 'checkin.open',
  answer: 'checkin.answer',
  followUp: 'checkin.followup',
  next: 'checkin.next',
  skip: 'checkin.skip',
  confirm: 'checkin.confirm',
  change: 'checkin.change',
  review: 'checkin.review',
} as const;

/** Up to this many pre-filled items get a "Change" button each; more get a drop-down. */
export const MAX_CHANGE_BUTTONS = 5;

/** Everything a check-in card shows. */
export interface CheckinView {
  checkin: SchoolCheckin;
  round: CheckinRound;
  checklist: Checklist;
  schoolName: string;
  answers: readonly CheckinAnswer[];
  /** The school's latest earlier answer per item. */
  last: ReadonlyMap<string, string>;
  sencos: readonly SencoFacts[];
  today: LocalDate;
}

function item(view: CheckinView, itemId: string): ChecklistItem {
  const found = findItem(view.checklist, itemId);
  if (!found) throw new Error(`Item ${itemId} is not in checklist version ${view.checklist.version}`);
  return found;
}

function answerOf(view: CheckinView, itemId: string): CheckinAnswer | undefined {
  return view.answers.find((a) => a.itemId === itemId);
}

/** "3 of 8": the next unanswered question counts on from those answered; an edit shows its place. */
function position(view: CheckinView, itemId: string): string {
  const progress = progressOf(view.checkin, view.answers);
  const n = answerOf(view, itemId) ? view.checkin.itemIds.indexOf(itemId) + 1 : progress.answered + 1;
  return t('checkin.progress', { n, total: progress.total });
}

function qualificationLines(view: CheckinView): string[] {
  return view.sencos.map((s) => {
    const status = qualificationStatus(s, view.today);
    switch (status.status) {
      case 'met':
        return t('checkin.qual.met', { name: s.name });
      case 'not-required':
        return t('checkin.qual.notRequired', { name: s.name });
      case 'in-progress':
        return t('checkin.qual.inProgress', { name: s.name, deadline: formatDate(status.deadline) });
      case 'due':
        return status.enrolLate
          ? t('checkin.qual.due', { name: s.name, deadline: formatDate(status.deadline) })
          : t('checkin.qual.dueEnrol', { name: s.name, deadline: formatDate(status.deadline), enrolBy: formatDate(status.enrolBy) });
      case 'overdue':
        return t('checkin.qual.overdue', { name: s.name, deadline: formatDate(status.deadline) });
      case 'unknown':
        return t('checkin.qual.unknown', { name: s.name });
    }
  });
}

export const CHOICES = ['yes', 'partly', 'no', 'na'] as const;
export type Choice = (typeof CHOICES)[number];

/** One answer of a yes / partly / no / not applicable question: the same press on the card and on Home. */
export function choiceButton(checkinId: string, itemId: string, v: Choice): Button {
  return { label: t(`checkin.choice.${v}`), verb: VERBS.answer, data: { c: checkinId, i: itemId, v } };
}

/** Confirms every pre-filled answer still waiting: the same press on the card and on Home. */
export function confirmAllButton(checkinId: string): Button {
  return { label: t('checkin.button.confirmAll'), verb: VERBS.confirm, data: { c: checkinId }, style: 'primary' };
}

function data(view: CheckinView, extra: Record<string, string> = {}): Record<string, string> {
  return { c: view.checkin.id, ...extra };
}

function answerForm(view: CheckinView, it: ChecklistItem, current: CheckinAnswer | undefined): Block {
  const skip: Button = { label: t('checkin.button.skip'), verb: VERBS.skip, data: data(view, { i: it.id }) };
  const note: Field = {
    kind: 'text',
    id: 'note',
    label: t('checkin.field.note'),
    placeholder: t('checkin.field.notePlaceholder'),
    value: current?.note ?? undefined,
  };
  if (it.answer === 'choice') {
    const choice = (v: Choice): Button => choiceButton(view.checkin.id, it.id, v);
    return {
      type: 'form',
      fields: [note],
      submit: { ...choice('yes'), style: 'primary' },
      more: [choice('partly'), choice('no'), choice('na'), skip],
    };
  }
  const previous = current?.value ?? view.checkin.prefill[it.id]?.value ?? view.last.get(it.id);
  if (it.answer === 'counts') {
    // Two numbers on one card; answering joins them ('2' + '5' -> '2/5').
    const [first, second] = previous === undefined ? [undefined, undefined] : previous.split('/');
    const count = (id: string, label: string, v: string | undefined): Field => ({
      kind: 'text',
      id,
      label,
      placeholder: t('checkin.field.numberPlaceholder'),
      value: v,
      required: true,
    });
    return {
      type: 'form',
      fields: [count('value', t('checkin.field.count1'), first), count('value2', t('checkin.field.count2'), second), note],
      submit: { label: t('checkin.button.save'), verb: VERBS.answer, data: data(view, { i: it.id }), style: 'primary' },
      more: [skip],
    };
  }
  const value: Field =
    it.answer === 'date'
      ? { kind: 'date', id: 'value', label: t('checkin.field.date'), value: previous, required: true }
      : {
          kind: 'text',
          id: 'value',
          label: t('checkin.field.number'),
          placeholder: t('checkin.field.numberPlaceholder'),
          value: previous,
          required: true,
        };
  return {
    type: 'form',
    fields: [value, note],
    submit: { label: t('checkin.button.save'), verb: VERBS.answer, data: data(view, { i: it.id }), style: 'primary' },
    more: [skip],
  };
}

/** One question, with progress, its context and what was said before. */
export function itemBlocks(view: CheckinView, itemId: string): Block[] {
  const it = item(view, itemId);
  const blocks: Block[] = [
    { type: 'heading', text: t('checkin.item.heading', { progress: position(view, itemId), title: it.title }) },
    { type: 'text', text: it.question },
  ];
  if (it.hint) blocks.push({ type: 'text', text: it.hint, muted: true });
  if (it.derived === 'qualification' && view.sencos.length > 0) {
    blocks.push({ type: 'text', text: t('checkin.item.qualification', { details: qualificationLines(view).join('; ') }), muted: true });
  }
  const current = answerOf(view, itemId);
  const last = view.last.get(itemId);
  if (current) blocks.push({ type: 'text', text: t('checkin.item.current', { answer: answerLabel(it, current.value) }), muted: true });
  else if (last !== undefined) blocks.push({ type: 'text', text: t('checkin.item.last', { answer: answerLabel(it, last) }), muted: true });
  blocks.push({
    type: 'text',
    text: t('checkin.item.context', { strength: t(`checkin.strength.${it.strength}`), basis: it.basis }),
    muted: true,
  });
  blocks.push(answerForm(view, it, current));
  return blocks;
}

/** Change buttons (or a drop-down when there are many) next to a primary button. */
function changeControls(view: CheckinView, itemIds: readonly string[], primary: Button | null): Block[] {
  if (itemIds.length <= MAX_CHANGE_BUTTONS) {
    const changes = itemIds.map((id): Button => ({
      label: t('checkin.button.change', { title: item(view, id).title }),
      verb: VERBS.change,
      data: data(view, { i: id }),
    }));
    return [{ type: 'buttons', buttons: primary ? [primary, ...changes] : changes }];
  }
  const choose: Field = {
    kind: 'choice',
    id: 'item',
    label: t('checkin.prefill.choose'),
    options: itemIds.map((id) => ({ label: item(view, id).title, value: id })),
  };
  const change: Button = { label: t('checkin.button.changeSelected'), verb: VERBS.change, data: data(view) };
  return [
    primary ? { type: 'form', fields: [choose], submit: primary, more: [change] } : { type: 'form', fields: [choose], submit: change },
  ];
}

/** Last round's answers (or the roster's) that should not have changed: one tap confirms them all. */
export function prefillBlocks(view: CheckinView, itemIds: readonly string[]): Block[] {
  const facts = itemIds.map((id) => {
    const prefill = view.checkin.prefill[id]!;
    const answer = answerLabel(item(view, id), prefill.value);
    return { label: item(view, id).title, value: prefill.source === 'profile' ? t('checkin.prefill.fromProfile', { answer }) : answer };
  });
  const confirm = confirmAllButton(view.checkin.id);
  return [
    { type: 'heading', text: t('checkin.prefill.heading', { count: itemIds.length }) },
    { type: 'text', text: t('checkin.prefill.text') },
    { type: 'facts', facts },
    ...changeControls(view, itemIds, confirm),
  ];
}

export function followUpBlocks(view: CheckinView, itemId: string, value: string): Block[] {
  const it = item(view, itemId);
  return [
    { type: 'heading', text: t('checkin.followup.heading') },
    { type: 'text', text: t('checkin.followup.text', { answer: answerLabel(it, value), title: it.title, why: followUpReason(it) }) },
    {
      type: 'form',
      fields: [
        {
          kind: 'text',
          id: 'help',
          label: t('checkin.followup.help'),
          placeholder: t('checkin.followup.helpPlaceholder'),
          multiline: true,
        },
        { kind: 'date', id: 'by', label: t('checkin.followup.by') },
      ],
      submit: { label: t('checkin.button.save'), verb: VERBS.followUp, data: data(view, { i: itemId }), style: 'primary' },
      cancel: { label: t('checkin.followup.skip'), verb: VERBS.next, data: data(view, { i: itemId }) },
    },
  ];
}

function closes(view: CheckinView): string {
  return formatInstant(view.round.closesAt);
}

export function doneBlocks(view: CheckinView): Block[] {
  return [
    { type: 'heading', text: t('checkin.done.heading') },
    { type: 'text', text: t('checkin.done.text', { total: view.checkin.itemIds.length, school: view.schoolName, closes: closes(view) }) },
    { type: 'buttons', buttons: [{ label: t('checkin.button.review'), verb: VERBS.review, data: data(view) }] },
  ];
}

export function pausedBlocks(view: CheckinView, remaining: readonly string[]): Block[] {
  const progress = progressOf(view.checkin, view.answers);
  return [
    { type: 'heading', text: t('checkin.paused.heading') },
    {
      type: 'text',
      text: t('checkin.paused.text', {
        answered: progress.answered,
        total: progress.total,
        school: view.schoolName,
        remaining: remaining.length,
        closes: closes(view),
      }),
    },
    { type: 'buttons', buttons: [{ label: t('checkin.button.resume'), verb: VERBS.open, data: data(view), style: 'primary' }] },
  ];
}

/** Every answer so far, with a way to change any of them until the round closes. */
export function reviewMessage(view: CheckinView): OutboundMessage {
  const facts = view.checkin.itemIds.map((id) => {
    const answer = answerOf(view, id);
    return { label: item(view, id).title, value: answer ? answerLabel(item(view, id), answer.value) : t('checkin.review.unanswered') };
  });
  const heading = t('checkin.review.heading', { school: view.schoolName });
  return {
    summary: heading,
    blocks: [{ type: 'heading', text: heading }, { type: 'facts', facts }, ...changeControls(view, view.checkin.itemIds, null)],
  };
}

/** The blocks for the next step of the check-in. */
export function stepBlocks(view: CheckinView, step: NextStep): Block[] {
  switch (step.kind) {
    case 'prefill':
      return prefillBlocks(view, step.itemIds);
    case 'item':
      return itemBlocks(view, step.itemId);
    case 'paused':
      return pausedBlocks(view, step.remaining);
    case 'done':
      return doneBlocks(view);
  }
}

function stepSummary(view: CheckinView, step: NextStep): string {
  switch (step.kind) {
    case 'prefill':
      return t('checkin.prefill.heading', { count: step.itemIds.length });
    case 'item': {
      const it = item(view, step.itemId);
      return `${t('checkin.item.heading', { progress: position(view, step.itemId), title: it.title })}: ${it.question}`;
    }
    case 'paused':
      return t('checkin.paused.heading');
    case 'done':
      return t('checkin.done.summary', { school: view.schoolName });
  }
}

/** A reply: what just happened (e.g. "Saved."), then the next step. */
export function stepMessage(view: CheckinView, step: NextStep, lead: readonly string[] = []): OutboundMessage {
  const summary = [...lead, stepSummary(view, step)].join(' ');
  return { summary, blocks: [...lead.map((text): Block => ({ type: 'text', text })), ...stepBlocks(view, step)] };
}

export function followUpMessage(view: CheckinView, itemId: string, value: string, lead: readonly string[] = []): OutboundMessage {
  return {
    summary: [...lead, t('checkin.followup.heading')].join(' '),
    blocks: [...lead.map((text): Block => ({ type: 'text', text })), ...followUpBlocks(view, itemId, value)],
  };
}

/** The invitation when a round opens: a few words, then straight into the first step. */
export function invitationMessage(view: CheckinView, name: string, step: NextStep): OutboundMessage {
  const count = view.checkin.itemIds.length;
  const period = periodLabel(view.round.period);
  return {
    summary: t('checkin.invite.summary', { school: view.schoolName, questions: plural(count, 'question'), closes: closes(view) }),
    blocks: [
      { type: 'heading', text: t('checkin.invite.title', { period }) },
      {
        type: 'text',
        text: t('checkin.invite.intro', { name, school: view.schoolName, questions: plural(count, 'question'), closes: closes(view) }),
      },
      ...stepBlocks(view, step),
    ],
  };
}

/** A gentle reminder: where they are, the next step, and snooze buttons (`extra`). */
export function reminderMessage(view: CheckinView, step: NextStep, extra: readonly Block[]): OutboundMessage {
  const progress = progressOf(view.checkin, view.answers);
  return {
    summary: t('checkin.remind.summary', { school: view.schoolName, closes: closes(view) }),
    blocks: [
      { type: 'heading', text: t('checkin.remind.title', { period: periodLabel(view.round.period) }) },
      {
        type: 'text',
        text: t('checkin.remind.text', {
          school: view.schoolName,
          closes: closes(view),
          answered: progress.answered,
          total: progress.total,
        }),
      },
      ...stepBlocks(view, step),
      ...extra,
    ],
  };
}

/** Why this answer needs a follow-up, so a date is not asked about without saying what is wrong with it. */
function followUpReason(it: { followUp: ChecklistItem['followUp'] }): string {
  const rule = it.followUp;
  if (rule.kind === 'date-older-than') return t('checkin.followup.why.older', { months: rule.months });
  if (rule.kind === 'date-passed') return t('checkin.followup.why.passed');
  if (rule.kind === 'number-above') return t('checkin.followup.why.above');
  return '';
}
