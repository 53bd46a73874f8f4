/**
 * Simulates the bot's one-minute scheduler tick through every minute of academic year 2026-27
 * (London 1 Sep 2026 00:00 to 1 Sep 2027 00:00, through both clock changes) for a few weekly
 * nudge rules over the default term pattern, bank holidays and five INSET days.
 *
 * Every fired nudge is re-checked by code that shares nothing with src/calendar's conversions:
 * the London wall clock comes from Intl.DateTimeFormat, and the school day is recomputed from
 * the raw term data. It also checks that nothing was missed, and that nextOccurrence called
 * from any hour of the year agrees with the simulation.
 *
 * Run: npm run bench:calendar   (compiles, then runs dist/scripts/bench-calendar.js with TZ=UTC)
 * Last line (parsed by tooling):
 *   calendar days=<d> nudges=<n> nudges_non_school_day=<x> nudges_wrong_time=<y>
 */
import {
  AcademicYear,
  DEFAULT_BANK_HOLIDAYS,
  LocalDate,
  SchoolCalendar,
  WeeklyRule,
  defaultAcademicYear,
  describeWeeklyRule,
  eachLocalDate,
  localDateOf,
  nextOccurrence,
  parseWeeklyRule,
  toInstant,
} from '../src/calendar';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const RULE_TEXTS = [
  'Tuesdays at 15:45',
  'Mondays at 08:00',
  'weekdays at 09:30',
  // Not a sensible nudge time, but 00:30 BST is 23:30Z the day before: it catches any mix-up
  // between the London date and the UTC date.
  'Mon-Fri at 00:30',
];

/** A school's INSET days: term edges plus the Friday before the October clock change. */
const INSET_DAYS: LocalDate[] = ['2026-09-01', '2026-09-02', '2026-10-23', '2027-01-04', '2027-07-21'];

interface Fired {
  rule: number;
  due: number;
  tick: number;
}

function parseRules(): WeeklyRule[] {
  return RULE_TEXTS.map((text) => {
    const parsed = parseWeeklyRule(text);
    if (!parsed.ok) throw new Error(`Bench rule "${text}" does not parse: ${parsed.error}`);
    return parsed.rule;
  });
}

// ---------------------------------------------------------------------------------------------
// Independent checker: Intl for the wall clock, raw term data for the school day.

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function londonWallClock(ms: number): { date: string; time: string; weekday: number } {
  const parts: Record<string, string> = {};
  for (const part of londonParts.formatToParts(new Date(ms))) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: WEEKDAY_INDEX[parts.weekday ?? ''] ?? -1,
  };
}

function independentSchoolDay(year: AcademicYear, bankHolidays: ReadonlySet<string>, inset: ReadonlySet<string>) {
  return (date: string, weekday: number): boolean => {
    if (weekday === 0 || weekday === 6 || bankHolidays.has(date) || inset.has(date)) return false;
    return year.terms.some((t) => date >= t.start && date <= t.end && !(date >= t.halfTermStart && date <= t.halfTermEnd));
  };
}

// ---------------------------------------------------------------------------------------------

function firstAfter(sorted: number[], t: number): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? Infinity) > t) hi = mid;
    else lo = mid + 1;
  }
  return sorted[lo] ?? null;
}

function main(): void {
  const rules = parseRules();
  const year = defaultAcademicYear(2026);
  const calendar = new SchoolCalendar({ years: [year], bankHolidays: DEFAULT_BANK_HOLIDAYS, extraInsetDays: INSET_DAYS });
  const isSchoolDay = (d: LocalDate) => calendar.isSchoolDay(d);

  const start = toInstant('2026-09-01', '00:00').getTime();
  const end = toInstant('2027-09-01', '00:00').getTime();

  // --- the simulated scheduler: one tick a minute, each rule remembers when it is next due.
  const began = process.hrtime.bigint();
  let nextOccurrenceCalls = 0;
  const next = (rule: WeeklyRule, after: number): number | null => {
    nextOccurrenceCalls += 1;
    return nextOccurrence(rule, new Date(after), isSchoolDay)?.getTime() ?? null;
  };
  const due: (number | null)[] = rules.map((rule) => next(rule, start - 1));
  const fired: Fired[] = [];
  const days = new Set<string>();
  let ticks = 0;
  for (let tick = start; tick < end; tick += MINUTE) {
    ticks += 1;
    days.add(localDateOf(new Date(tick)));
    rules.forEach((rule, index) => {
      const when = due[index];
      if (when === null || when === undefined || when > tick) return;
      fired.push({ rule: index, due: when, tick });
      due[index] = next(rule, tick);
    });
  }
  const simulationMs = Number(process.hrtime.bigint() - began) / 1e6;

  // --- independent checks of every fired nudge.
  const schoolDay = independentSchoolDay(year, new Set(DEFAULT_BANK_HOLIDAYS), new Set([...year.insetDays, ...INSET_DAYS]));
  let nonSchoolDay = 0;
  let wrongTime = 0;
  let late = 0;
  for (const f of fired) {
    const rule = rules[f.rule]!;
    const wall = londonWallClock(f.due);
    if (!schoolDay(wall.date, wall.weekday)) nonSchoolDay += 1;
    if (wall.time !== rule.time || !rule.weekdays.includes(wall.weekday as never) || f.due % MINUTE !== 0) wrongTime += 1;
    if (f.tick !== f.due) late += 1;
  }

  // --- completeness: one nudge per rule per matching school day, no more, no fewer.
  let expected = 0;
  for (const date of eachLocalDate('2026-09-01', '2027-08-31')) {
    const weekday = londonWallClock(Date.parse(`${date}T12:00:00Z`)).weekday;
    if (!schoolDay(date, weekday)) continue;
    expected += rules.filter((r) => r.weekdays.includes(weekday as never)).length;
  }

  // --- nextOccurrence from an arbitrary hour agrees with the simulation.
  const firedByRule = rules.map((_, i) => fired.filter((f) => f.rule === i).map((f) => f.due));
  let restartMismatches = 0;
  let restartChecks = 0;
  const restartBegan = process.hrtime.bigint();
  for (let t = start; t < end; t += HOUR) {
    rules.forEach((rule, i) => {
      const expectedNext = firstAfter(firedByRule[i]!, t);
      const got = nextOccurrence(rule, new Date(t), isSchoolDay)?.getTime() ?? null;
      restartChecks += 1;
      // Past the last simulated nudge the calendar has no more term, so both must be null.
      if (got !== expectedNext) restartMismatches += 1;
    });
  }
  const restartMs = Number(process.hrtime.bigint() - restartBegan) / 1e6;

  // --- human summary.
  const iso = (ms: number) => new Date(ms).toISOString().replace(':00.000Z', 'Z');
  console.log('Calendar bench: academic year 2026-27, Europe/London, host TZ=%s', process.env.TZ ?? '(unset)');
  console.log(`  window        ${iso(start)} .. ${iso(end)} (${ticks} one-minute ticks, ${days.size} London days)`);
  console.log(`  calendar      default pattern, ${DEFAULT_BANK_HOLIDAYS.length} bank holidays 2024-2030, INSET ${INSET_DAYS.join(', ')}`);
  console.log(
    `  school days   ${(['autumn', 'spring', 'summer'] as const).map((t) => `${t} ${calendar.schoolDaysIn('2026-27', t).length}`).join(', ')}`,
  );
  rules.forEach((rule, i) => {
    const list = firedByRule[i]!;
    const first = list[0];
    const last = list[list.length - 1];
    console.log(
      `  rule ${i + 1}        ${describeWeeklyRule(rule).padEnd(24)} ${String(list.length).padStart(4)} nudges` +
        (first !== undefined && last !== undefined ? `, first ${iso(first)}, last ${iso(last)}` : ''),
    );
  });
  const around = (from: string, to: string) =>
    fired
      .filter((f) => f.rule === 0 && f.due >= Date.parse(from) && f.due < Date.parse(to))
      .map((f) => `${londonWallClock(f.due).date} ${londonWallClock(f.due).time} London = ${iso(f.due)}`);
  console.log(`  October change (Sun 25 Oct 2026), rule 1: ${around('2026-10-12', '2026-11-11').join('; ')}`);
  console.log(`  March change (Sun 28 Mar 2027), rule 1:   ${around('2027-03-15', '2027-04-21').join('; ')}`);
  console.log(
    `  checks        expected ${expected}, fired ${fired.length}, late ${late}, restart mismatches ${restartMismatches}/${restartChecks}`,
  );
  console.log(
    `  timing        simulation ${simulationMs.toFixed(0)} ms (${nextOccurrenceCalls} nextOccurrence calls); ` +
      `restart checks ${restartMs.toFixed(0)} ms (${((restartMs * 1000) / restartChecks).toFixed(1)} µs/call)`,
  );

  const ok = nonSchoolDay === 0 && wrongTime === 0 && late === 0 && restartMismatches === 0 && expected === fired.length;
  if (!ok) console.log('  RESULT        FAILED');
  console.log(`calendar days=${days.size} nudges=${fired.length} nudges_non_school_day=${nonSchoolDay} nudges_wrong_time=${wrongTime}`);
  if (!ok) process.exitCode = 1;
}

main();
