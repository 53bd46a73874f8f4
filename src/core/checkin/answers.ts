/**
 * Checking an answer against its item, and deciding when it gets the one follow-up question.
 * Validation happens here, once, whichever platform or card the answer came from.
 */
import { addMonths, parseDateInput, type LocalDate } from '../dates';
import { fail, ok, type Result } from '../result';
import { CHOICES, type Choice, type ChecklistItem, type FollowUp } from './model';

export const MAX_NOTE_LENGTH = 1000;
export const MAX_NUMBER = 9999;
/** Dates further back than this are almost certainly typing mistakes. */
export const OLDEST_PLAUSIBLE_YEARS = 10;

export type AnswerError =
  'invalid-choice' | 'invalid-date' | 'future-date' | 'past-date' | 'implausible-date' | 'invalid-number' | 'note-too-long' | 'empty';

const CHOICE_WORDS: Record<string, Choice> = {
  yes: 'yes',
  y: 'yes',
  partly: 'partly',
  partially: 'partly',
  part: 'partly',
  no: 'no',
  n: 'no',
  na: 'na',
  'n/a': 'na',
  'n.a.': 'na',
  'n.a': 'na',
  'not applicable': 'na',
};

export function isChoice(value: unknown): value is Choice {
  return typeof value === 'string' && (CHOICES as readonly string[]).includes(value);
}

/**
 * The stored form of an answer ('yes', '2026-09-14', '3'), or why it cannot be accepted.
 * Dates may be typed 'YYYY-MM-DD' or 'DD/MM/YYYY'; they describe something already done, so
 * a date after `today` is refused.
 */
export function parseAnswer(item: Pick<ChecklistItem, 'answer' | 'endDate'>, raw: string, today: LocalDate): Result<string, AnswerError> {
  const text = raw.trim();
  if (!text) return fail('empty');
  switch (item.answer) {
    case 'choice': {
      const choice = CHOICE_WORDS[text.toLowerCase()];
      return choice ? ok(choice) : fail('invalid-choice');
    }
    case 'date': {
      const date = parseDateInput(text);
      if (!date) return fail('invalid-date');
      // An end date (a plan's) may lie ahead; a date something was done may not.
      if (date > today && !item.endDate) return fail('future-date');
      if (date > addMonths(today, 12 * OLDEST_PLAUSIBLE_YEARS)) return fail('implausible-date');
      if (date < addMonths(today, -12 * OLDEST_PLAUSIBLE_YEARS)) return fail('implausible-date');
      return ok(date);
    }
    case 'number': {
      if (!/^\d{1,4}$/.test(text)) return fail('invalid-number');
      return ok(String(Number(text)));
    }
    case 'counts': {
      // Two whole numbers, typed '2 5', '2/5' or '2, 5' (or from two fields joined by a space).
      const m = /^(\d{1,4})\s*[\s/,;]\s*(\d{1,4})$/.exec(text);
      if (!m) return fail('invalid-number');
      return ok(`${Number(m[1])}/${Number(m[2])}`);
    }
  }
}

/** The two numbers of a 'counts' answer ('2/5'); a plain number reads as [n, 0]. */
export function countsOf(value: string): [number, number] {
  const [first, second] = value.split('/');
  return [Number(first) || 0, Number(second ?? 0) || 0];
}

/** A note as stored: trimmed, null when empty. */
export function parseNote(raw: string | undefined): Result<string | null, AnswerError> {
  const note = (raw ?? '').trim();
  if (note.length > MAX_NOTE_LENGTH) return fail('note-too-long');
  return ok(note || null);
}

/** True when this answer should be followed by "what would help, and by when?". */
export function needsFollowUp(item: Pick<ChecklistItem, 'followUp'>, value: string, today: LocalDate): boolean {
  const rule = item.followUp;
  switch (rule.kind) {
    case 'none':
      return false;
    case 'choices':
      return isChoice(value) && rule.values.includes(value);
    case 'date-older-than':
      return addMonths(value, rule.months) < today;
    case 'number-above':
      return countsOf(value)[0] > rule.value;
    case 'date-passed':
      return value < today;
  }
}

/** The follow-up as stored; the date ("by when") is optional and must not be in the past. */
export function parseFollowUp(help: string | undefined, by: string | undefined, today: LocalDate): Result<FollowUp, AnswerError> {
  const text = (help ?? '').trim();
  if (text.length > MAX_NOTE_LENGTH) return fail('note-too-long');
  const byText = (by ?? '').trim();
  let date: LocalDate | null = null;
  if (byText) {
    date = parseDateInput(byText);
    if (!date) return fail('invalid-date');
    if (date < today) return fail('past-date');
  }
  if (!text && !date) return fail('empty');
  return ok({ help: text, by: date });
}
