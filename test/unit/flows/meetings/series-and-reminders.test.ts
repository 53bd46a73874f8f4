import type { MeetingOccurrence } from '../../../../src/core/meetings/model';
import type { School } from '../../../../src/core/model';
import { meetingReminderTimes } from '../../../../src/flows/meetings/campaign';
import { audienceOf, isHttpsUrl, readDraft } from '../../../../src/flows/meetings/series';
import { school as audienceSchool } from '../../meetings/fixtures';

const school = (name: string, phase: School['phase'], region: string | null = null): School => ({
  id: name.toLowerCase().replace(/\s+/g, '-'),
  trustId: 't1',
  name,
  phase,
  localAuthority: null,
  region,
  hasResourceBase: false,
  archived: false,
});

const schools = [
  school('Oak Primary', 'primary', 'North'),
  school('Ash High', 'secondary', 'North'),
  school('Elm Special', 'special', 'North'),
  school('Yew AP', 'alternative-provision', 'South'),
  school('Pine Academy', 'all-through', 'South'),
];

const form = {
  title: 'Network',
  audience: 'trust',
  special: 'yes',
  year: '2026-27',
  perTerm: '1',
  weekday: '2',
  time: '15:45',
  duration: '90',
  mode: 'online',
  venue: '',
  link: 'https://teams.example.org/join',
};

describe('series audience', () => {
  const names = (audience: string, includeSpecial = true, chosen = '') =>
    audienceOf(schools, audience, chosen, includeSpecial).schools.map((s) => s.name);

  it('includes special schools and AP in a phase or region by default, and leaves them out on request', () => {
    expect(names('phase:primary')).toEqual(['Oak Primary', 'Elm Special', 'Yew AP', 'Pine Academy']);
    expect(names('phase:primary', false)).toEqual(['Oak Primary', 'Pine Academy']);
    expect(names('region:North')).toEqual(['Oak Primary', 'Ash High', 'Elm Special']);
    expect(names('region:North', false)).toEqual(['Oak Primary', 'Ash High']);
    expect(names('trust')).toHaveLength(5);
  });

  it('finds chosen schools by name, ignoring case, and names the ones it cannot find', () => {
    expect(audienceOf(schools, 'schools', 'oak primary, Nowhere, Ash High', true)).toMatchObject({
      schools: [{ name: 'Oak Primary' }, { name: 'Ash High' }],
      unknown: ['Nowhere'],
    });
  });
});

describe('series form checks', () => {
  it('accepts a complete online series', () => {
    const read = readDraft(form, schools);
    expect(read).toMatchObject({ ok: true, draft: { perTerm: 1, weekday: 2, durationMinutes: 90, venue: null, joinUrl: form.link } });
  });

  it.each([
    [{ link: 'http://teams.example.org/join' }, 'https://'],
    [{ link: 'javascript:alert(1)' }, 'https://'],
    [{ link: `https://example.org/${'a'.repeat(500)}` }, 'at most 500'],
    [{ mode: 'hybrid', venue: '' }, 'needs a venue'],
    [{ mode: 'in-person', venue: 'x'.repeat(201) }, 'at most 200'],
    [{ title: '' }, 'title'],
    [{ weekday: '6' }, 'Monday to Friday'],
    [{ duration: 'an hour' }, '15 minutes to 8 hours'],
    [{ audience: 'schools', schools: '' }, 'Nobody is in the audience'],
  ])('refuses %j with a reason', (change, reason) => {
    const read = readDraft({ ...form, ...change }, schools);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toContain(reason);
  });

  it('takes only https links with a host', () => {
    expect(isHttpsUrl('https://meet.google.com/abc-defg-hij')).toBe(true);
    expect(isHttpsUrl('https://')).toBe(false);
    expect(isHttpsUrl('ftp://example.org')).toBe(false);
  });
});

describe('meeting reminders', () => {
  const occurrence = (date: string): MeetingOccurrence => ({
    id: 'o1',
    seriesId: 's1',
    key: 'k',
    date,
    time: '15:45',
    durationMinutes: 90,
    startsAt: new Date(`${date}T14:45:00Z`),
    endsAt: new Date(`${date}T16:15:00Z`),
    status: 'scheduled',
    sequence: 0,
    schoolsOff: [],
  });
  const calendar = audienceSchool('a').calendar;

  it('a week before and the day before, at 08:30 London', () => {
    const times = meetingReminderTimes(occurrence('2026-10-13'), calendar);
    expect(times.map((r) => [r.occasion, r.at.toISOString()])).toEqual([
      ['week-2026-10-13-1545', '2026-10-06T07:30:00.000Z'],
      ['day-2026-10-13-1545', '2026-10-12T07:30:00.000Z'],
    ]);
  });

  it('moves a reminder off a weekend or holiday to the school day before', () => {
    // Monday 2 November 2026: a week before is in half-term, the day before is a Sunday.
    const times = meetingReminderTimes(occurrence('2026-11-02'), calendar);
    for (const r of times) expect(calendar.isSchoolDay(r.at.toISOString().slice(0, 10))).toBe(true);
    // Both would fall on the last school day before half-term: sent once.
    expect(times.map((r) => r.at.toISOString())).toEqual(['2026-10-23T07:30:00.000Z']);
  });
});
