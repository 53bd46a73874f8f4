/**
 * Issue 11 "done when": a whole school year of network meetings over HTTP on both platforms and
 * both databases, with the injected clock walking every day from September to the end of the
 * summer term through both clock changes (BST ends on the last Sunday of October, starts on the
 * last Sunday of March). Two meetings a term are set up in September, one is moved across the
 * October change, one declined, one cancelled in January. Checked: every card and .ics says
 * 15:45 London time whichever side of a change (the .ics read back by ical.js with its own
 * VTIMEZONE, London time by Intl), reminders go exactly a week and a school day before at 08:30
 * on school days only, to those who have not declined, nothing arrives twice, and nothing from
 * the meetings is sent on a day that is not a school day. Dates come from the calendar fixtures.
 */
import { addDays, lastWeekdayOfMonth, SUNDAY, toInstant, TUESDAY, weekdayOf } from '../../../src/calendar';
import type { Platform } from '../../../src/core/model';
import { occurrenceUid } from '../../../src/meetings/ics';
import { mark, personalMessages, plain, press, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import {
  deliverAll,
  icsSince,
  icsStartInstant,
  londonClock,
  londonDay,
  parseEvent,
  SERIES_FORM,
  meetingsTrust,
} from '../../helpers/meetings';
import { trustCalendar } from '../../unit/calendar/fixtures';

jest.setTimeout(900_000);

const platforms: Platform[] = ['teams', 'slack'];
const YEAR = '2026-27';
const calendar = trustCalendar();
const summer = calendar.term(YEAR, 'summer');
/** Day one: the third school day of the autumn term, 09:00 London. */
const DAY_ONE = calendar.nthSchoolDay(YEAR, 'autumn', 3)!;
/** The leader cancels a spring meeting on the second school day of the spring term. */
const CANCEL_DAY = calendar.nthSchoolDay(YEAR, 'spring', 2)!;
const BST_ENDS = lastWeekdayOfMonth(Number(YEAR.slice(0, 4)), 10, SUNDAY);
const BST_STARTS = lastWeekdayOfMonth(Number(YEAR.slice(0, 4)) + 1, 3, SUNDAY);
const TIME = '15:45';

const FORM = {
  ...SERIES_FORM,
  year: YEAR,
  perTerm: '2',
  weekday: String(TUESDAY),
  time: TIME,
  link: 'https://teams.example.org/l/meetup-join/year',
};

/** The school day on or before `date` (the rule for reminders, worked out here from the fixture). */
function schoolDayOnOrBefore(date: string): string {
  let day = date;
  while (!calendar.isSchoolDay(day)) day = addDays(day, -1);
  return day;
}

/** The London dates a meeting on `date` should be reminded on: a week before and the day before, each moved back to a school day. */
function expectedReminderDays(date: string): string[] {
  const week = schoolDayOnOrBefore(addDays(date, -7));
  const day = schoolDayOnOrBefore(addDays(date, -1));
  return week === day ? [day] : [week, day];
}

interface Occ {
  id: string;
  key: string;
  date: string;
  startsAt: Date;
}

describe.each(databaseKinds)('a school year of network meetings on %s', (kind) => {
  describe.each(platforms)('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(toInstant(DAY_ONE, '09:00'));
    let lee: ChatUser;
    let ann: ChatUser;
    let sam: ChatUser;
    let trustId: string;
    let occurrences: Occ[];
    let moved: Occ;
    let declined: Occ;
    let cancelled: Occ;
    const received = new Map<string, Array<{ day: string; text: string }>>();
    const ids: Record<string, string> = {};

    /** Meetings messages as sent (kept here: the daily housekeeping prunes old outbox rows), and reminder runs' due times. */
    const sentRows = new Map<string, { key: string; personId: string | null; sentAt: Date }>();
    const reminderRuns = new Map<string, Date>();
    /** Keys sent a second time (a row pruned by the housekeeping and queued again under its key). */
    const resent: string[] = [];

    /** Runs the day's scheduled work at 09:00 London (never moving the clock back) and records what was sent. */
    const runDay = async (day: string) => {
      const nine = toInstant(day, '09:00');
      if (nine > clock.now()) clock.set(nine);
      const before = mark(h);
      await deliverAll(h, clock);
      for (const who of [ann, sam, lee]) {
        const got = personalMessages(h, platform, who, before).map((text) => ({ day, text }));
        received.set(who.name, [...(received.get(who.name) ?? []), ...got]);
      }
      const rows = await h.db.prisma.outboxMessage.findMany({ where: { key: { startsWith: 'meetings' }, sentAt: { not: null } } });
      for (const row of rows) {
        const known = sentRows.get(row.key);
        if (known && known.sentAt.getTime() !== row.sentAt!.getTime()) resent.push(`${row.key} ${londonDay(row.sentAt!)}`);
        if (!known) sentRows.set(row.key, { key: row.key, personId: row.personId, sentAt: row.sentAt! });
      }
      for (const run of await h.db.prisma.jobRun.findMany({ where: { kind: 'meetings-reminder' } })) reminderRuns.set(run.key, run.dueAt!);
    };

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      ({ lee, ann, sam, trustId } = await meetingsTrust(h, platform));
      for (const p of await h.db.prisma.person.findMany({ where: { trustId } })) ids[p.name] = p.id;
    });
    afterAll(async () => h.stop());

    const load = async (): Promise<Occ[]> =>
      (await h.db.prisma.meetingOccurrence.findMany({ where: { trustId }, orderBy: { key: 'asc' } })).map((o) => ({
        id: o.id,
        key: o.key,
        date: o.date,
        startsAt: o.startsAt,
      }));

    it('sets up two meetings a term in September: every one on a school day at 15:45 London, both sides of each clock change', async () => {
      await press(h, platform, lee, 'meetings.series.draft', {}, FORM);
      expect(plain(await press(h, platform, lee, 'meetings.series.confirm'))).toContain('6 meetings set up and 2 people invited');
      occurrences = await load();
      expect(occurrences.map((o) => o.key.split('/')[1])).toEqual(['autumn', 'autumn', 'spring', 'spring', 'summer', 'summer']);
      for (const o of occurrences) {
        expect(calendar.isSchoolDay(o.date)).toBe(true);
        expect(weekdayOf(o.date)).toBe(TUESDAY);
        expect(londonDay(o.startsAt)).toBe(o.date);
        expect(londonClock(o.startsAt)).toBe(TIME);
      }
      // Autumn's first meeting is in BST (14:45 UTC); spring's in GMT (15:45 UTC); summer's in BST again.
      const utcHour = (o: Occ) => o.startsAt.getUTCHours();
      expect(occurrences[0]!.date < BST_ENDS && utcHour(occurrences[0]!) === 14).toBe(true);
      expect(occurrences.filter((o) => o.date > BST_ENDS && o.date < BST_STARTS).every((o) => utcHour(o) === 15)).toBe(true);
      expect(occurrences.filter((o) => o.date > BST_STARTS).map(utcHour)).toEqual([14, 14]);

      const before = mark(h);
      await runDay(DAY_ONE);
      for (const who of [ann, sam]) {
        const cards = personalMessages(h, platform, who, before);
        expect(cards.filter((c) => plain([c]).includes(`${TIME} to 17:15 (UK time)`))).toHaveLength(6);
        const files = await icsSince(h, platform, who, cards, before.uploads);
        expect(files).toHaveLength(6);
        for (const file of files) {
          const event = parseEvent(file);
          const o = occurrences.find((x) => occurrenceUid(x.id) === event.uid)!;
          expect(event).toMatchObject({
            method: 'REQUEST',
            sequence: 0,
            tzid: 'Europe/London',
            start: `${o.date}T${TIME}:00`,
            hasZone: true,
          });
          expect(icsStartInstant(file).getTime()).toBe(o.startsAt.getTime());
        }
      }
    });

    it('moves the first autumn meeting across the October clock change, and takes a decline', async () => {
      const first = occurrences[0]!;
      let to = addDays(BST_ENDS, 9); // the Tuesday a week after the change
      while (!calendar.isSchoolDay(to) || occurrences.some((o) => o.date === to)) to = addDays(to, 7);
      const before = mark(h);
      const done = await press(
        h,
        platform,
        lee,
        'meetings.move.submit',
        { occurrenceId: first.id, sequence: '0' },
        { date: to, time: TIME },
      );
      expect(plain(done)).toContain('Moved to');
      declined = occurrences[4]!;
      await press(h, platform, sam, 'meetings.rsvp', { occurrenceId: declined.id, sequence: '0', answer: 'not-going' });
      await runDay(DAY_ONE);
      occurrences = await load();
      moved = occurrences.find((o) => o.id === first.id)!;
      expect(moved.date).toBe(to);
      expect(londonClock(moved.startsAt)).toBe(TIME);
      expect(moved.startsAt.getUTCHours()).toBe(15); // GMT now
      for (const who of [ann, sam]) {
        const notice = personalMessages(h, platform, who, before);
        expect(plain(notice)).toContain('has moved to');
        expect(plain(notice)).toContain(`${TIME} to 17:15 (UK time)`);
        const [file] = await icsSince(h, platform, who, notice, before.uploads);
        expect(parseEvent(file!)).toMatchObject({ uid: occurrenceUid(moved.id), sequence: 1, start: `${to}T${TIME}:00` });
        expect(icsStartInstant(file!).getTime()).toBe(moved.startsAt.getTime());
      }
    });

    it('walks every day to the end of the summer term, cancelling a spring meeting on the way', async () => {
      cancelled = occurrences[3]!;
      for (let day = addDays(DAY_ONE, 1); day <= addDays(summer.end, 1); day = addDays(day, 1)) {
        if (day === CANCEL_DAY) {
          clock.set(toInstant(day, '09:00'));
          const before = mark(h);
          const done = await press(h, platform, lee, 'meetings.cancel', { occurrenceId: cancelled.id, sequence: '0' });
          expect(plain(done)).toContain('Cancelled the meeting');
          await runDay(day);
          for (const who of [ann, sam]) {
            const notice = personalMessages(h, platform, who, before);
            const [file] = await icsSince(h, platform, who, notice, before.uploads);
            expect(parseEvent(file!)).toMatchObject({
              method: 'CANCEL',
              status: 'CANCELLED',
              uid: occurrenceUid(cancelled.id),
              sequence: 1,
            });
          }
          continue;
        }
        await runDay(day);
      }
    });

    it('reminded exactly a week and a school day before at 08:30, on school days, never a decliner; nothing on a non-school day', async () => {
      const reminders = [...sentRows.values()].filter((r) => r.key.startsWith('meetings-reminder:'));
      for (const o of occurrences) {
        for (const who of [ann, sam]) {
          const rows = reminders.filter((r) => r.key.startsWith(`meetings-reminder:${o.id}:${ids[who.name]}:`));
          const expected = o.id === cancelled.id || (o.id === declined.id && who === sam) ? [] : expectedReminderDays(o.date);
          expect([o.key, who.name, rows.map((r) => londonDay(r.sentAt)).sort()]).toEqual([o.key, who.name, expected]);
        }
      }
      // Due at 08:30 London whichever side of a clock change (the scheduler's record of each run).
      expect(reminderRuns.size).toBeGreaterThanOrEqual(occurrences.length);
      for (const dueAt of reminderRuns.values()) {
        expect(londonClock(dueAt)).toBe('08:30');
        expect(calendar.isSchoolDay(londonDay(dueAt))).toBe(true);
      }

      for (const who of [ann, sam]) {
        const got = received.get(who.name) ?? [];
        const reminderTexts = got.filter((m) => plain([m.text]).includes('Reminder: this network meeting'));
        expect(reminderTexts).toHaveLength(reminders.filter((r) => r.personId === ids[who.name]).length);
        for (const m of reminderTexts) expect(plain([m.text])).toContain(`${TIME} to 17:15 (UK time)`);
      }
      // Nothing from the meetings on a day that is not a school day.
      expect(sentRows.size).toBeGreaterThan(20);
      for (const row of sentRows.values()) expect([row.key, calendar.isSchoolDay(londonDay(row.sentAt))]).toEqual([row.key, true]);
      expect(await h.db.prisma.outboxMessage.count({ where: { key: { startsWith: 'meetings' }, status: { not: 'sent' } } })).toBe(0);
    });

    // Settled outbox rows keep their key as a tombstone for 400 days (only their text goes after
    // 90), so the hourly late-invitation source never sends an invitation twice in a school year.
    it('sends nothing twice all year, though the outbox text of early sends is pruned after 90 days', () => {
      expect(resent).toEqual([]);
      for (const who of [ann, sam]) {
        const got = received.get(who.name) ?? [];
        expect(new Set(got.map((m) => m.text)).size).toBe(got.length);
      }
    });
  });
});
