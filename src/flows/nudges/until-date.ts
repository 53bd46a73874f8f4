/**
 * "Until when?" for snooze and pause, in London dates: a snooze or pause ends at the start
 * (00:00 London) of a date, and the quiet rules then hold nudges to that school day's hours.
 */
import { addDays, isLocalDate, makeLocalDate, weekdayOf, type LocalDate } from '../../calendar/local-date';
import { localDateOf, toInstant } from '../../calendar/london-time';

export type SnoozeChoice = 'tomorrow' | 'next-week';
export const SNOOZE_CHOICES: readonly SnoozeChoice[] = ['tomorrow', 'next-week'];

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A pause may not run for more than a year: longer is more likely a typing slip. */
export const MAX_PAUSE_DAYS = 366;

/** The London date a snooze choice ends on: tomorrow, or Monday of next week. */
export function snoozeEndDate(choice: SnoozeChoice, now: Date): LocalDate {
  const today = localDateOf(now);
  return choice === 'tomorrow' ? addDays(today, 1) : nextMonday(today);
}

/** The instant a snooze or pause ending on `date` ends: 00:00 London that day. */
export function startOfLondonDay(date: LocalDate): Date {
  return toInstant(date, '00:00');
}

export type PauseDateResult = { ok: true; date: LocalDate } | { ok: false; error: 'unreadable' | 'past' | 'too-far' };

/**
 * Reads the date a pause ends on: '2027-04-06', '06/04/2027' (UK order), '6 April 2027',
 * '6 April' (the next one), 'tomorrow', 'next week', a weekday ('friday' = the next Friday).
 * It must be after today and at most MAX_PAUSE_DAYS away.
 */
export function parsePauseDate(text: string, now: Date): PauseDateResult {
  const today = localDateOf(now);
  const date = readDate(
    text
      .trim()
      .toLowerCase()
      .replace(/^until\s+/, '')
      .replace(/\s+/g, ' '),
    today,
  );
  if (!date) return { ok: false, error: 'unreadable' };
  if (date <= today) return { ok: false, error: 'past' };
  if (date > addDays(today, MAX_PAUSE_DAYS)) return { ok: false, error: 'too-far' };
  return { ok: true, date };
}

function readDate(text: string, today: LocalDate): LocalDate | null {
  if (text === 'tomorrow') return addDays(today, 1);
  if (text === 'next week') return nextMonday(today);
  const weekday = DAYS.indexOf(text.replace(/^(next|on) /, ''));
  if (weekday >= 0) return addDays(today, (weekday - weekdayOf(today) + 7) % 7 || 7);
  if (isLocalDate(text)) return text;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (uk) return safeDate(Number(uk[3]), Number(uk[2]), Number(uk[1]));
  const words = /^(?:[a-z]+day,? )?(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)(?: (\d{4}))?$/.exec(text);
  if (!words) return null;
  const month = MONTHS.findIndex((m) => m === words[2] || (words[2]!.length >= 3 && m.startsWith(words[2]!))) + 1;
  if (month === 0) return null;
  if (words[3]) return safeDate(Number(words[3]), month, Number(words[1]));
  // No year: the next such date from today.
  const thisYear = Number(today.slice(0, 4));
  const candidate = safeDate(thisYear, month, Number(words[1]));
  return candidate && candidate > today ? candidate : safeDate(thisYear + 1, month, Number(words[1]));
}

/** Monday of next week (a Monday gives the Monday after). */
function nextMonday(today: LocalDate): LocalDate {
  return addDays(today, (8 - weekdayOf(today)) % 7 || 7);
}

function safeDate(year: number, month: number, day: number): LocalDate | null {
  try {
    return makeLocalDate(year, month, day);
  } catch {
    return null;
  }
}

/** 'Tuesday 2 March 2027', as en-GB writes a date in a sentence. */
export function formatLongDate(date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const dayName = DAYS[weekdayOf(date)]!;
  const monthName = MONTHS[month - 1]!;
  return `${capitalise(dayName)} ${day} ${capitalise(monthName)} ${year}`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
