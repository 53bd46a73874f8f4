import { addDays, onOrAfterWeekday, onOrBeforeWeekday, toInstant, TUESDAY, FRIDAY, type LocalDate } from '../../../src/calendar';
import { agendaSteps, chosenOrder, rankTopics, schoolDayOnOrBefore, tidyTopic } from '../../../src/meetings/agenda';
import { londonClock, school, Y2026 } from './fixtures';

const calendar = school('a').calendar;
const autumn = Y2026.terms.find((term) => term.name === 'autumn')!;
const spring = Y2026.terms.find((term) => term.name === 'spring')!;

function meetingOn(date: LocalDate) {
  const startsAt = toInstant(date, '15:45');
  return { date, time: '15:45', startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000) };
}

function stepsOf(date: LocalDate, cal: Pick<typeof calendar, 'isSchoolDay'> = calendar) {
  return Object.fromEntries(agendaSteps(meetingOn(date), cal).map((s) => [s.step, s]));
}

describe('agendaSteps', () => {
  it('mid-term: topics two weeks before, agenda a week before, presenter the day before, all at 08:30 London on school days', () => {
    const date = onOrAfterWeekday(addDays(autumn.halfTermEnd, 22), TUESDAY);
    const steps = stepsOf(date);
    expect(steps.topics!.day).toBe(addDays(date, -14));
    expect(steps.agenda!.day).toBe(addDays(date, -7));
    expect(steps['presenter-day']!.day).toBe(addDays(date, -1));
    for (const step of ['topics', 'agenda', 'presenter-day']) {
      expect(calendar.isSchoolDay(steps[step]!.day)).toBe(true);
      expect(londonClock(steps[step]!.at)).toEqual({ date: steps[step]!.day, time: '08:30' });
    }
    expect(steps.after!.at).toEqual(meetingOn(date).endsAt);
  });

  it('moves a step that falls in the half-term back to the last school day before it', () => {
    // Two weeks before is in the half-term; a week before is a school day after it.
    const date = onOrAfterWeekday(addDays(autumn.halfTermEnd, 8), TUESDAY);
    const steps = stepsOf(date);
    const lastBefore = onOrBeforeWeekday(addDays(autumn.halfTermStart, -1), FRIDAY);
    expect(addDays(date, -14) >= autumn.halfTermStart && addDays(date, -14) <= autumn.halfTermEnd).toBe(true);
    expect(steps.topics!.day).toBe(lastBefore);
    expect(steps.agenda!.day).toBe(addDays(date, -7));
    // 08:30 London on both sides of the October clock change (the autumn half-term straddles it).
    expect(londonClock(steps.topics!.at)).toEqual({ date: lastBefore, time: '08:30' });
    expect(londonClock(steps.agenda!.at)).toEqual({ date: steps.agenda!.day, time: '08:30' });
    // One week after the half-term: the agenda goes before the half-term too, after the topics.
    const soon = onOrAfterWeekday(addDays(autumn.halfTermEnd, 1), TUESDAY);
    const early = stepsOf(soon);
    expect(early.agenda!.day).toBe(lastBefore);
    expect(early.topics!.day < early.agenda!.day).toBe(true);
    expect(calendar.isSchoolDay(early.topics!.day)).toBe(true);
  });

  it('looks back over the Christmas holiday, and never asks for topics on the agenda day', () => {
    const date = onOrAfterWeekday(addDays(spring.start, 7), TUESDAY);
    const steps = stepsOf(date);
    for (const step of ['topics', 'agenda', 'presenter-day']) expect(calendar.isSchoolDay(steps[step]!.day)).toBe(true);
    expect(steps.topics!.day < steps.agenda!.day).toBe(true);
    expect(steps.agenda!.day < date).toBe(true);

    // Both would fall back onto the same day: the topics go the school day before it.
    const open = new Set(['2026-12-17', '2026-12-18', '2027-01-11', '2027-01-12']);
    const squeezed = stepsOf('2027-01-12', { isSchoolDay: (d: LocalDate) => open.has(d) });
    expect([squeezed.topics!.day, squeezed.agenda!.day, squeezed['presenter-day']!.day]).toEqual([
      '2026-12-17',
      '2026-12-18',
      '2027-01-11',
    ]);
  });

  it('keys occasions by date and time, so a moved meeting runs its steps again', () => {
    const date = onOrAfterWeekday(addDays(autumn.halfTermEnd, 22), TUESDAY);
    const a = agendaSteps(meetingOn(date), calendar).map((s) => s.occasion);
    const b = agendaSteps(meetingOn(addDays(date, 7)), calendar).map((s) => s.occasion);
    expect(a).toEqual([`topics-${date}-1545`, `agenda-${date}-1545`, `presenter-day-${date}-1545`, `after-${date}-1545`]);
    expect(a.filter((x) => b.includes(x))).toEqual([]);
  });

  it('schoolDayOnOrBefore keeps a school day and gives the date itself when none is near', () => {
    const day = onOrAfterWeekday(addDays(autumn.start, 14), TUESDAY);
    expect(schoolDayOnOrBefore(calendar, day)).toBe(day);
    expect(schoolDayOnOrBefore({ isSchoolDay: () => false }, '2027-03-02')).toBe('2027-03-02');
  });
});

describe('rankTopics', () => {
  it('orders by votes, keeps suggestion order for ties and gives ties the same rank', () => {
    const topics = [
      { id: 'a', text: 'A', votes: 1 },
      { id: 'b', text: 'B', votes: 3 },
      { id: 'c', text: 'C', votes: 1 },
      { id: 'd', text: 'D', votes: 0 },
    ];
    expect(rankTopics(topics).map((r) => [r.topic.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
    expect(rankTopics([])).toEqual([]);
  });
});

describe('chosenOrder and tidyTopic', () => {
  it("keeps the leader's order, skips blanks, repeats and unknown ids", () => {
    expect(chosenOrder(['b', '', 'a', 'b', 'zz', 'c'], new Set(['a', 'b', 'c']))).toEqual(['b', 'a', 'c']);
  });
  it('collapses spaces and refuses empty text', () => {
    expect(tidyTopic('  Provision   maps\n for KS2 ')).toBe('Provision maps for KS2');
    expect(tidyTopic('   ')).toBeNull();
  });
});
