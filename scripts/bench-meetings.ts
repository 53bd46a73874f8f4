/**
 * Proposes meeting series for ~400 generated trusts across 2026-27 and 2027-28 (schools with
 * their own term dates, half-terms and INSET days; one and two meetings a term; every weekday;
 * times either side of the clock changes), then checks every occurrence with a rule check that
 * shares nothing with src/meetings or SchoolCalendar (raw term data, its own date arithmetic,
 * Intl for the London clock), and parses every invitation and cancellation .ics back with ical.js.
 *
 * Run: npm run bench:meetings. Last line (parsed by tooling):
 *   meetings series=.. occurrences=.. on_non_school_day=0 in_first_or_last_week=0 in_half_term=0 ics_roundtrip_failures=0 ms=..
 * ms is the median over several runs of proposing every series and writing its .ics files.
 */
import ICAL from 'ical.js';
import { AcademicYear, DEFAULT_BANK_HOLIDAYS, SchoolCalendar, Term, Weekday, defaultAcademicYear } from '../src/calendar';
import { cancelOccurrence } from '../src/core/meetings/changes';
import type { MeetingOccurrence } from '../src/core/meetings/model';
import type { AudienceSchool } from '../src/meetings/day-check';
import { occurrenceIcs, occurrenceUid } from '../src/meetings/ics';
import { ProposedOccurrence, proposeSeriesDates } from '../src/meetings/propose-dates';

const TRUSTS = 400;
const RUNS = 5;
const YEARS = [2026, 2027];
const TIMES = ['08:15', '09:30', '13:00', '15:45', '16:00', '18:30'];
const DETAILS = { title: 'SENCO network meeting', mode: 'hybrid' as const, venue: 'Trust hub', joinUrl: 'https://teams.example/join' };

// ---------------------------------------------------------------------------------------------
// Independent date arithmetic (day numbers via Date.UTC), not src/calendar's.
const DAY = 86_400_000;
const dayNo = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY;
const fromDayNo = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);
const dow = (d: string): number => new Date(dayNo(d) * DAY).getUTCDay();
const plus = (d: string, n: number): string => fromDayNo(dayNo(d) + n);

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Generated trusts

interface GeneratedSchool {
  id: string;
  years: AcademicYear[];
  inset: string[];
}

interface GeneratedTrust {
  schools: GeneratedSchool[];
  perTerm: 1 | 2;
  weekday: Weekday;
  time: string;
}

const BANK = new Set(DEFAULT_BANK_HOLIDAYS);

function nextWeekday(d: string): string {
  let day = d;
  while (dow(day) === 0 || dow(day) === 6 || BANK.has(day)) day = plus(day, 1);
  return day;
}

function previousWeekday(d: string): string {
  let day = d;
  while (dow(day) === 0 || dow(day) === 6 || BANK.has(day)) day = plus(day, -1);
  return day;
}

/** A school's own variant of the trust year: half-terms a week apart, later starts, earlier ends. */
function variant(year: AcademicYear, random: () => number): AcademicYear {
  const terms = year.terms.map((term): Term => {
    let { start, end, halfTermStart, halfTermEnd } = term;
    const roll = random();
    if (roll < 0.25) {
      halfTermStart = plus(halfTermStart, 7);
      halfTermEnd = plus(halfTermEnd, 7);
    } else if (roll < 0.5) {
      halfTermStart = plus(halfTermStart, -7);
      halfTermEnd = plus(halfTermEnd, -7);
    }
    if (random() < 0.4) start = nextWeekday(plus(start, 1 + Math.floor(random() * 3)));
    if (random() < 0.4) end = previousWeekday(plus(end, -(1 + Math.floor(random() * 3))));
    return { ...term, start, end, halfTermStart, halfTermEnd };
  }) as [Term, Term, Term];
  return { ...year, terms };
}

/** Five INSET days a year: term edges and one random school day mid-term. */
function insetDays(year: AcademicYear, random: () => number): string[] {
  const [autumn, spring, summer] = year.terms;
  const days = new Set([
    nextWeekday(autumn.start),
    nextWeekday(plus(nextWeekday(autumn.start), 1)),
    nextWeekday(spring.start),
    previousWeekday(summer.end),
  ]);
  const term = year.terms[Math.floor(random() * 3)]!;
  for (let i = 0; i < 20 && days.size < 5; i += 1) {
    const d = plus(term.start, Math.floor(random() * (dayNo(term.end) - dayNo(term.start) + 1)));
    const inHalfTerm = d >= term.halfTermStart && d <= term.halfTermEnd;
    if (d >= term.start && d <= term.end && !inHalfTerm && dow(d) !== 0 && dow(d) !== 6 && !BANK.has(d)) days.add(d);
  }
  return [...days];
}

function blockAutumnWeekday(school: GeneratedSchool, weekday: number): void {
  const autumn = school.years[0]!.terms[0];
  for (let n = dayNo(autumn.start); n <= dayNo(autumn.end); n += 1) {
    const d = fromDayNo(n);
    const inHalfTerm = d >= autumn.halfTermStart && d <= autumn.halfTermEnd;
    if (dow(d) === weekday && !inHalfTerm && !BANK.has(d) && !school.inset.includes(d)) school.inset.push(d);
  }
}

function generateTrusts(): GeneratedTrust[] {
  const random = mulberry32(20261130);
  const base = YEARS.map((y) => defaultAcademicYear(y));
  return Array.from({ length: TRUSTS }, (_, t) => {
    const count = 2 + Math.floor(random() * 9);
    const schools = Array.from({ length: count }, (_, s) => {
      const own = random() < 0.6;
      const years = base.map((y) => (own ? variant(y, random) : y));
      return { id: `t${t}-s${s}`, years, inset: years.flatMap((y) => insetDays(y, random)) };
    });
    const weekday = ((t % 5) + 1) as Weekday;
    // One trust in ten has a school whose INSET days take every such weekday of one autumn
    // term: no date suits everyone, so the proposer must name that school as off.
    if (t % 10 === 5) blockAutumnWeekday(schools[schools.length - 1]!, weekday);
    return { schools, perTerm: t % 2 === 0 ? 1 : 2, weekday, time: TIMES[t % TIMES.length]! };
  });
}

function audience(trust: GeneratedTrust): AudienceSchool[] {
  return trust.schools.map((s) => ({
    id: s.id,
    name: s.id,
    calendar: new SchoolCalendar({ years: s.years, bankHolidays: DEFAULT_BANK_HOLIDAYS, extraInsetDays: s.inset }),
  }));
}

// ---------------------------------------------------------------------------------------------
// Independent rule check

interface Tally {
  onNonSchoolDay: number;
  inFirstOrLastWeek: number;
  inHalfTerm: number;
  wrongWeekdayOrTime: number;
  schoolsOffReported: number;
  /** Named as off although it is a school day for that school. */
  wronglyOff: number;
}

const londonFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function london(instant: Date): string {
  const p = Object.fromEntries(londonFormat.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

function check(o: ProposedOccurrence, trust: GeneratedTrust, tally: Tally): void {
  if (dow(o.date) !== trust.weekday || london(o.startsAt) !== `${o.date} ${trust.time}`) tally.wrongWeekdayOrTime += 1;
  tally.schoolsOffReported += o.schoolsOff.length;
  if (o.schoolsOff.length >= trust.schools.length) tally.onNonSchoolDay += 1;
  for (const school of trust.schools) {
    const excused = o.schoolsOff.includes(school.id);
    const term = school.years.flatMap((y) => y.terms).find((t) => o.date >= t.start && o.date <= t.end);
    const inHalf = !!term && o.date >= term.halfTermStart && o.date <= term.halfTermEnd;
    const schoolDay = !!term && !inHalf && dow(o.date) !== 0 && dow(o.date) !== 6 && !BANK.has(o.date) && !school.inset.includes(o.date);
    if (!schoolDay && !excused) tally.onNonSchoolDay += 1;
    if (schoolDay && excused) tally.wronglyOff += 1;
    if (inHalf && !excused) tally.inHalfTerm += 1;
    if (term && !inHalf) {
      // Monday of the week of the term's first day, and of its last day.
      const firstMonday = dayNo(term.start) - ((dow(term.start) + 6) % 7);
      const lastMonday = dayNo(term.end) - ((dow(term.end) + 6) % 7);
      const n = dayNo(o.date);
      if (n < firstMonday + 7 || n >= lastMonday) tally.inFirstOrLastWeek += 1;
    }
  }
}

function asOccurrence(o: ProposedOccurrence, id: string): MeetingOccurrence {
  return { ...o, id, seriesId: 'bench', status: 'scheduled', sequence: 0 };
}

/** Parses a .ics with ical.js and checks what calendar apps rely on; false on any mismatch. */
function roundTrips(text: string, o: MeetingOccurrence, cancelled: boolean): boolean {
  try {
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const zone = calendar.getFirstSubcomponent('vtimezone');
    const [event, ...rest] = calendar.getAllSubcomponents('vevent');
    if (!zone || !event || rest.length > 0) return false;
    const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
    const local = `${o.date}T${o.time}:00`;
    return (
      zone.getFirstPropertyValue('tzid') === 'Europe/London' &&
      calendar.getFirstPropertyValue('method') === (cancelled ? 'CANCEL' : 'REQUEST') &&
      event.getFirstPropertyValue('uid') === occurrenceUid(o.id) &&
      Number(event.getFirstPropertyValue('sequence')) === (cancelled ? 1 : 0) &&
      event.getFirstPropertyValue('status') === (cancelled ? 'CANCELLED' : 'CONFIRMED') &&
      event.getFirstProperty('dtstart')?.getParameter('tzid') === 'Europe/London' &&
      start.toString() === local &&
      start.toJSDate().getTime() === o.startsAt.getTime()
    );
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------

interface Written {
  o: ProposedOccurrence;
  trust: GeneratedTrust;
  id: string;
  ics: string;
  cancelIcs: string;
}

interface RunResult {
  series: number;
  occurrences: Written[];
  refused: Record<string, number>;
  proposeMs: number;
  icsMs: number;
}

const elapsedMs = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e6;

/** One timed run: propose every series, then write an invitation and a cancellation per occurrence. */
function run(trusts: GeneratedTrust[], audiences: AudienceSchool[][]): RunResult {
  const stamp = new Date('2026-09-01T08:00:00Z');
  const result: RunResult = { series: 0, occurrences: [], refused: {}, proposeMs: 0, icsMs: 0 };
  const proposed: Array<{ o: ProposedOccurrence; trust: GeneratedTrust; id: string }> = [];
  const started = process.hrtime.bigint();
  trusts.forEach((trust, t) => {
    for (const year of YEARS) {
      const spec = {
        yearLabel: `${year}-${(year + 1) % 100}`,
        perTerm: trust.perTerm,
        weekday: trust.weekday,
        time: trust.time,
        durationMinutes: 90,
      };
      const proposal = proposeSeriesDates(spec, audiences[t]!);
      result.series += 1;
      if (!proposal.ok) result.refused[proposal.error] = (result.refused[proposal.error] ?? 0) + 1;
      else for (const o of proposal.value.occurrences) proposed.push({ o, trust, id: `${t}-${o.key}` });
    }
  });
  result.proposeMs = elapsedMs(started);
  const icsStarted = process.hrtime.bigint();
  for (const p of proposed) {
    const occurrence = asOccurrence(p.o, p.id);
    const ics = occurrenceIcs({ occurrence, details: DETAILS }, stamp);
    const cancelIcs = occurrenceIcs({ occurrence: cancelOccurrence(occurrence), details: DETAILS }, stamp);
    result.occurrences.push({ ...p, ics, cancelIcs });
  }
  result.icsMs = elapsedMs(icsStarted);
  return result;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const spread = (values: number[]): number => Math.max(...values) - Math.min(...values);

function main(): void {
  const trusts = generateTrusts();
  const audiences = trusts.map(audience);
  const runs = Array.from({ length: RUNS }, () => run(trusts, audiences));
  const first = runs[0]!;
  const tally: Tally = {
    onNonSchoolDay: 0,
    inFirstOrLastWeek: 0,
    inHalfTerm: 0,
    wrongWeekdayOrTime: 0,
    schoolsOffReported: 0,
    wronglyOff: 0,
  };
  let icsFailures = 0;
  for (const { o, trust, ics, cancelIcs, id } of first.occurrences) {
    check(o, trust, tally);
    const occurrence = asOccurrence(o, id);
    if (!roundTrips(ics, occurrence, false)) icsFailures += 1;
    if (!roundTrips(cancelIcs, occurrence, true)) icsFailures += 1;
  }
  const totals = runs.map((r) => r.proposeMs + r.icsMs);
  const proposeTimes = runs.map((r) => r.proposeMs);
  const icsTimes = runs.map((r) => r.icsMs);
  const schools = trusts.reduce((n, t) => n + t.schools.length, 0);
  const offOccurrences = first.occurrences.filter((x) => x.o.schoolsOff.length > 0).length;
  console.log(
    `Meetings bench: ${trusts.length} trusts, ${schools} schools, years ${YEARS.map((y) => `${y}-${(y + 1) % 100}`).join(' and ')}, host TZ=${process.env.TZ ?? '(unset)'}`,
  );
  console.log(`  refused series: ${JSON.stringify(first.refused)}`);
  console.log(
    `  occurrences naming schools off: ${offOccurrences} (${tally.schoolsOffReported} school-days off reported, ${tally.wronglyOff} of them wrongly)`,
  );
  console.log(`  wrong weekday or London time: ${tally.wrongWeekdayOrTime}`);
  console.log(`  .ics files parsed back: ${first.occurrences.length * 2} (invitation + cancellation per occurrence)`);
  console.log(
    `  propose ms: median ${median(proposeTimes).toFixed(0)} (spread ${spread(proposeTimes).toFixed(0)}) for ${first.series} series`,
  );
  console.log(
    `  write .ics ms: median ${median(icsTimes).toFixed(0)} (spread ${spread(icsTimes).toFixed(0)}) for ${first.occurrences.length * 2} files`,
  );
  console.log(
    `  total ms per run: ${totals.map((t) => t.toFixed(0)).join(', ')} (median ${median(totals).toFixed(0)}, spread ${spread(totals).toFixed(0)}, ${RUNS} runs)`,
  );
  console.log(
    `meetings series=${first.series} occurrences=${first.occurrences.length} on_non_school_day=${tally.onNonSchoolDay} in_first_or_last_week=${tally.inFirstOrLastWeek} in_half_term=${tally.inHalfTerm} ics_roundtrip_failures=${icsFailures} ms=${median(totals).toFixed(0)}`,
  );
}

main();
