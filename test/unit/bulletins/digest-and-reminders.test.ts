/** The pure parts of bulletins added for issue 14's second pass: the digest section and the automatic reminder's time. */
import { DEFAULT_BANK_HOLIDAYS, SchoolCalendar, defaultAcademicYear } from '../../../src/calendar';
import type { Bulletin } from '../../../src/core/bulletin';
import { bulletinDigest, type BulletinWeekFacts } from '../../../src/core/bulletin-digest';
import { AUTO_REMINDER, autoReminderTimes } from '../../../src/flows/bulletins/reminders';
import { bulletinDigestText } from '../../../src/i18n/bulletins';

const calendar = new SchoolCalendar({ years: [defaultAcademicYear(2026)], bankHolidays: DEFAULT_BANK_HOLIDAYS });

function bulletin(opensAt: string, over: Partial<Bulletin> = {}): Bulletin {
  const opens = new Date(opensAt);
  return {
    id: 'b1',
    trustId: 't1',
    status: 'open',
    opensAt: opens,
    closesAt: new Date(opens.getTime() + 14 * 86_400_000),
    closedBy: null,
    title: 'T',
    body: 'B',
    area: null,
    ackRequired: true,
    audience: { kind: 'all' },
    draft: false,
    version: 1,
    createdBy: 'p1',
    recalledAt: null,
    editedAt: null,
    createdAt: opens,
    files: [],
    ...over,
  };
}

describe('the automatic reminder', () => {
  it('goes once, at 09:30 London on the second school day after sending', () => {
    // Friday 16 October 2026: the second school day after is Tuesday 20 October (a weekend between).
    expect(autoReminderTimes(bulletin('2026-10-16T13:00:00Z'), calendar)).toEqual([
      { occasion: AUTO_REMINDER, at: new Date('2026-10-20T08:30:00Z') },
    ]);
  });

  it('skips half term', () => {
    // Thursday 22 October 2026, before the October half term (26-30 October in the default pattern).
    const [first] = autoReminderTimes(bulletin('2026-10-22T09:00:00Z'), calendar);
    expect(first!.at.getTime()).toBeGreaterThan(new Date('2026-10-30T23:00:00Z').getTime());
  });

  it('is not set for a bulletin that asks no acknowledgement, or a recalled one', () => {
    expect(autoReminderTimes(bulletin('2026-10-16T13:00:00Z', { ackRequired: false }), calendar)).toEqual([]);
    expect(autoReminderTimes(bulletin('2026-10-16T13:00:00Z', { recalledAt: new Date('2026-10-16T14:00:00Z') }), calendar)).toEqual([]);
  });
});

describe('the digest section', () => {
  const r = (school: string, acked: boolean) => ({ schoolId: `id-${school}`, school, acked });

  it('is left out in a week without bulletins', () => {
    expect(bulletinDigest([], bulletinDigestText)).toEqual({ section: null, lookAt: [] });
  });

  it('gives the rate over bulletins that asked for acknowledgement, by school lowest first, and flags low schools', () => {
    const week: BulletinWeekFacts[] = [
      { title: 'A', ackRequired: true, recipients: [r('Oak', true), r('Oak', true), r('Elm', false), r('Elm', true), r('Ash', false)] },
      { title: 'B', ackRequired: false, recipients: [r('Oak', false), r('Elm', false)] },
      { title: 'C', ackRequired: true, recipients: [r('Elm', false), r('Ash', false)] },
    ];
    const { section, lookAt } = bulletinDigest(week, bulletinDigestText);
    expect(section!.headline).toBe('3 bulletins sent this week; 43% acknowledged');
    expect(section!.lines).toEqual(['Ash: 0 of 2 acknowledged (0%)', 'Elm: 1 of 3 acknowledged (33%)', 'Oak: 2 of 2 acknowledged (100%)']);
    expect(lookAt.map((l) => l.schoolName)).toEqual(['Ash', 'Elm']);
  });

  it('has no rate when none asked for acknowledgement', () => {
    const { section } = bulletinDigest([{ title: 'B', ackRequired: false, recipients: [r('Oak', false)] }], bulletinDigestText);
    expect(section!.headline).toBe('1 bulletin sent this week');
    expect(section!.lines).toEqual([]);
  });
});
