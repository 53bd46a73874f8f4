/**
 * "Tuesdays at 15:45": a repeating wall-clock rule in London time, its en-GB text form, and
 * the next instant it is due.
 */
import { LocalDate, Weekday, addDays, weekdayOf } from './local-date';
import { LocalTime, isInClockChangeHour, isLocalTime, localDateOf, parseLocalTime, toInstant } from './london-time';

export interface WeeklyRule {
  /** 0 = Sunday … 6 = Saturday; sorted, no duplicates. */
  weekdays: Weekday[];
  /** London wall-clock 'HH:mm', never 01:00-01:59. */
  time: LocalTime;
}

export type WeeklyRuleParse = { ok: true; rule: WeeklyRule } | { ok: false; error: string };

const DAY_NAMES: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WORKING_WEEK: readonly Weekday[] = [1, 2, 3, 4, 5];
const WHOLE_WEEK: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** Every spelling we accept for a single day, singular and plural, full and abbreviated. */
const DAY_WORDS: ReadonlyMap<string, Weekday> = new Map(
  (
    [
      [0, ['sun', 'sunday']],
      [1, ['mon', 'monday']],
      [2, ['tue', 'tues', 'tuesday']],
      [3, ['wed', 'weds', 'wednesday']],
      [4, ['thu', 'thur', 'thurs', 'thursday']],
      [5, ['fri', 'friday']],
      [6, ['sat', 'saturday']],
    ] as const
  ).flatMap(([day, words]) => words.flatMap((w) => [[w, day] as const, [`${w}s`, day] as const])),
);

const GROUP_WORDS: ReadonlyMap<string, readonly Weekday[]> = new Map([
  ['weekday', WORKING_WEEK],
  ['weekdays', WORKING_WEEK],
  ['daily', WHOLE_WEEK],
  ['day', WHOLE_WEEK],
  ['days', WHOLE_WEEK],
]);

const EXAMPLES = 'for example "Tuesdays at 15:45", "weekdays at 9:30" or "Mon, Wed 16:00"';

function sortWeekdays(days: Iterable<Weekday>): Weekday[] {
  return [...new Set(days)].sort((a, b) => a - b);
}

/** "mon-fri" or "monday to friday": inclusive, and may wrap past Sunday ("fri-mon"). */
function expandRange(from: Weekday, to: Weekday): Weekday[] {
  const days: Weekday[] = [];
  for (let d = from; ; d = ((d + 1) % 7) as Weekday) {
    days.push(d);
    if (d === to) return days;
  }
}

function parseDayToken(token: string): ParseDays {
  const group = GROUP_WORDS.get(token);
  if (group) return { ok: true, days: [...group] };
  const day = DAY_WORDS.get(token);
  if (day !== undefined) return { ok: true, days: [day] };
  const pretty = token.charAt(0).toUpperCase() + token.slice(1);
  return { ok: false, error: `"${pretty}" is not a day of the week; use day names, ${EXAMPLES}` };
}

type ParseDays = { ok: true; days: Weekday[] } | { ok: false; error: string };

/** Splits "mon, wed and fri" / "mon-fri" / "every weekday" into weekdays. */
function parseDays(text: string): ParseDays {
  const normalised = text
    .replace(/\b(every|each|on|at)\b/g, ' ')
    .replace(/\s+(to|until|till)\s+/g, '-')
    .replace(/\s*-\s*/g, '-');
  const tokens = normalised.split(/\s*(?:,|&|\/|\band\b|\s)\s*/).filter((t) => t !== '');
  if (tokens.length === 0) return { ok: false, error: `Say which days, ${EXAMPLES}` };
  const days: Weekday[] = [];
  for (const token of tokens) {
    const [from, to, extra] = token.split('-');
    if (extra !== undefined || from === '' || to === '') {
      return { ok: false, error: `"${token}" is not a day range; write it like "Mon-Fri"` };
    }
    const first = parseDayToken(from ?? '');
    if (!first.ok) return first;
    if (to === undefined) {
      days.push(...first.days);
      continue;
    }
    const last = parseDayToken(to);
    if (!last.ok) return last;
    const [a] = first.days;
    const [b] = last.days;
    if (first.days.length !== 1 || last.days.length !== 1 || a === undefined || b === undefined) {
      return { ok: false, error: `"${token}" is not a day range; write it like "Mon-Fri"` };
    }
    days.push(...expandRange(a, b));
  }
  return { ok: true, days: sortWeekdays(days) };
}

/** The trailing time, with an optional "at"/"@" before it: "… at 15:45", "… 9.30am". */
const TIME_AT_END = /(?:^|\s|,)(?:at\s+|@\s*)?(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?)$/;

/**
 * Parses en-GB phrases such as "Tuesdays at 15:45", "Monday 08:00", "weekdays at 9:30",
 * "Mon, Wed 16:00", "Mon-Fri at 3.45pm", "every day at 09:00". Errors are plain English
 * sentences suitable for showing to the person who typed the rule.
 */
export function parseWeeklyRule(text: string): WeeklyRuleParse {
  const cleaned = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (cleaned === '') return { ok: false, error: `The schedule is empty: give days and a time, ${EXAMPLES}` };
  const timeMatch = TIME_AT_END.exec(cleaned);
  if (!timeMatch || timeMatch[1] === undefined) {
    return { ok: false, error: `No time found at the end: add one such as "at 15:45", ${EXAMPLES}` };
  }
  const time = parseLocalTime(timeMatch[1]);
  if (!time.ok) return time;
  const dayText = cleaned.slice(0, timeMatch.index).trim();
  if (dayText === '') return { ok: false, error: `Say which days as well as the time, ${EXAMPLES}` };
  const days = parseDays(dayText);
  if (!days.ok) return days;
  return { ok: true, rule: { weekdays: days.days, time: time.value } };
}

/** Problems with a rule built in code rather than parsed (empty list = fine). */
export function validateWeeklyRule(rule: WeeklyRule): string[] {
  const problems: string[] = [];
  if (rule.weekdays.length === 0) problems.push('A weekly rule needs at least one day');
  if (rule.weekdays.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) problems.push('Weekdays must be 0 (Sunday) to 6 (Saturday)');
  if (!isLocalTime(rule.time)) problems.push(`"${rule.time}" is not a time in the form HH:mm`);
  else if (isInClockChangeHour(rule.time)) problems.push(`${rule.time} is in the 01:00-01:59 clock-change hour`);
  return problems;
}

function listInEnglish(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** en-GB text that parseWeeklyRule reads back to the same rule, days listed Monday first. */
export function describeWeeklyRule(rule: WeeklyRule): string {
  const days = sortWeekdays(rule.weekdays);
  const key = days.join(',');
  if (key === WHOLE_WEEK.join(',')) return `Every day at ${rule.time}`;
  if (key === WORKING_WEEK.join(',')) return `Weekdays at ${rule.time}`;
  const mondayFirst = [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  return `${listInEnglish(mondayFirst.map((d) => `${DAY_NAMES[d]}s`))} at ${rule.time}`;
}

/**
 * The first instant strictly after `after` when London's clocks show the rule's time on one of
 * its weekdays and `isAllowedDay` (e.g. calendar.isSchoolDay) accepts the London date. Looks at
 * `limitDays` London dates starting with the date of `after`, and returns null if none fits, so
 * a calendar with no future terms cannot loop for ever.
 */
export function nextOccurrence(
  rule: WeeklyRule,
  after: Date,
  isAllowedDay: (date: LocalDate) => boolean = () => true,
  limitDays = 400,
): Date | null {
  const problems = validateWeeklyRule(rule);
  if (problems.length > 0) throw new Error(`Invalid weekly rule: ${problems.join('; ')}`);
  const weekdays = new Set<number>(rule.weekdays);
  const firstDate = localDateOf(after);
  for (let i = 0; i < limitDays; i += 1) {
    const date = addDays(firstDate, i);
    if (!weekdays.has(weekdayOf(date)) || !isAllowedDay(date)) continue;
    const instant = toInstant(date, rule.time);
    if (instant.getTime() > after.getTime()) return instant;
  }
  return null;
}
