/**
 * Issue 11, end to end over HTTP on both platforms and both databases with a fake clock: the
 * leader sets up a series (bad input explained), invitations go out with a real .ics, answers
 * update the leader's card in place, a move and a cancellation reach everyone with the updated
 * .ics (same UID, SEQUENCE raised, STATUS:CANCELLED), the reminder skips whoever declined, the
 * private feed link works until revoked, and cancelling the series reaches everyone.
 */
import ICAL from 'ical.js';
import type { Platform } from '../../../src/core/model';
import { occurrenceUid } from '../../../src/meetings/ics';
import { buttonData, buttons, mark, personalMessages, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import {
  answerOnCard as answerOnDelivered,
  current as currentCard,
  deliverAll as drain,
  icsSince,
  parseEvent,
  meetingsTrust,
  SERIES_FORM,
} from '../../helpers/meetings';

jest.setTimeout(180_000);

const platforms: Platform[] = ['teams', 'slack'];
// Tuesday 8 September 2026, 09:00 in London (BST).
const START = '2026-09-08T08:00:00Z';

describe.each(databaseKinds)('network meetings over HTTP on %s', (kind) => {
  describe.each(platforms)('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(START);
    let lee: ChatUser;
    let ann: ChatUser;
    let sam: ChatUser;
    let trustId: string;
    let occurrences: Array<{ id: string; date: string; time: string }>;
    let movedTo: string;

    const slackUploads = () => h.slack.uploads.size;
    const current = (key: string) => currentCard(h, platform, key);
    const answerOnCard = (who: ChatUser, answer: string) => answerOnDelivered(h, platform, who, occurrences[0]!, answer);
    const deliverAll = () => drain(h, clock);

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      ({ lee, ann, sam, trustId } = await meetingsTrust(h, platform));
    });
    afterAll(async () => h.stop());

    it('explains bad input on the series form and sends nothing', async () => {
      const form = await send(h, platform, lee, 'meeting new');
      expect(buttons(form).some((b) => b.verb === 'meetings.series.draft')).toBe(true);
      const cases: Array<[Partial<typeof SERIES_FORM>, string]> = [
        [{ link: 'http://teams.example.org/x' }, 'must be a web address starting https://'],
        [{ link: 'not a link' }, 'must be a web address starting https://'],
        [{ link: '' }, 'An online meeting needs a join link'],
        [{ mode: 'in-person', venue: '' }, 'An in-person meeting needs a venue'],
        [{ time: '01:30' }, 'when the clocks change'],
        [{ time: '25:00' }, 'Write it as HH:mm'],
        [{ title: 'x'.repeat(121) }, 'at most 120 characters'],
        [{ audience: 'schools', schools: 'Nowhere High' }, 'I could not find these schools: Nowhere High'],
      ];
      for (const [change, expected] of cases) {
        const reply = await press(h, platform, lee, 'meetings.series.draft', {}, { ...SERIES_FORM, ...change });
        expect(plain(reply)).toContain(expected);
      }
      expect(await h.db.prisma.meetingSeries.count()).toBe(0);
      // A SENCO cannot set up a series.
      expect(plain(await send(h, platform, ann, 'meeting new'))).not.toContain('Propose dates');
    });

    it('proposes the year, and on confirm invites everyone with a parseable .ics', async () => {
      const proposal = await press(h, platform, lee, 'meetings.series.draft', {}, SERIES_FORM);
      expect(plain(proposal)).toContain('Proposed dates: SENCO network meeting (2026-27)');
      expect(plain(proposal)).toContain('Autumn');
      expect(plain(proposal)).toContain('Summer');
      const created = await press(h, platform, lee, 'meetings.series.confirm');
      expect(plain(created)).toContain('3 meetings set up and 2 people invited');
      // A second press creates nothing twice.
      expect(plain(await press(h, platform, lee, 'meetings.series.confirm'))).toContain('nothing waiting to be sent');
      expect(await h.db.prisma.meetingSeries.count({ where: { trustId } })).toBe(1);
      occurrences = (await h.db.prisma.meetingOccurrence.findMany({ where: { trustId }, orderBy: { startsAt: 'asc' } })).map((o) => ({
        id: o.id,
        date: o.date,
        time: o.time,
      }));
      expect(occurrences).toHaveLength(3);

      const before = mark(h);
      const uploads = slackUploads();
      await deliverAll();
      const toAnn = personalMessages(h, platform, ann, before);
      expect(plain(toAnn)).toContain('SENCO network meeting');
      expect(plain(toAnn)).toContain('15:45 to 17:15 (UK time)');
      expect(plain(toAnn)).toContain('https://teams.example.org/l/meetup-join/abc');
      expect(buttons(toAnn).filter((b) => b.verb === 'meetings.rsvp')).toHaveLength(9);
      const files = await icsSince(h, platform, ann, toAnn, uploads);
      expect(files).toHaveLength(3);
      const first = files.map(parseEvent).find((e) => e.uid === occurrenceUid(occurrences[0]!.id))!;
      expect(first).toMatchObject({
        method: 'REQUEST',
        sequence: 0,
        tzid: 'Europe/London',
        start: `${occurrences[0]!.date}T15:45:00`,
        hasZone: true,
      });
      expect(personalMessages(h, platform, sam, before).length).toBeGreaterThanOrEqual(3);
      const toLee = personalMessages(h, platform, lee, before);
      expect(plain(toLee)).toContain('No answer yet');
      expect(buttons(toLee).filter((b) => b.verb === 'meetings.move')).toHaveLength(3);
    });

    it("records answers on the card and counts them live on the leader's card", async () => {
      // The pressed card itself changes (Teams updateActivity, Slack chat.update).
      expect(plain([await answerOnCard(ann, 'going')])).toContain('Your answer: Going');
      expect(plain([await answerOnCard(sam, 'not-going')])).toContain("Your answer: Can't go");
      // Twice: no second row, same answer.
      expect(plain([await answerOnCard(ann, 'going')])).toContain('Your answer: Going');
      expect(await h.db.prisma.meetingRsvp.count({ where: { occurrenceId: occurrences[0]!.id } })).toBe(2);
      // A forged answer: unknown meeting.
      expect(plain(await press(h, platform, ann, 'meetings.rsvp', { occurrenceId: 'nope', sequence: '0', answer: 'going' }))).toContain(
        'I cannot find that meeting',
      );
      await deliverAll();
      const leaderCard = await current(`meetings-leader:${occurrences[0]!.id}`);
      expect(leaderCard).toMatch(/Going[^0-9]*1/);
      expect(leaderCard).toMatch(/Can't go[^0-9]*1/);
    });

    it('moves a meeting: everyone gets the updated .ics and their card changes in place', async () => {
      const [y, m, d] = occurrences[0]!.date.split('-').map(Number);
      movedTo = new Date(Date.UTC(y!, m! - 1, d! - 7)).toISOString().slice(0, 10);
      const form = await press(h, platform, lee, 'meetings.move', { occurrenceId: occurrences[0]!.id, sequence: '0' });
      expect(buttons(form).some((b) => b.verb === 'meetings.move.submit')).toBe(true);
      const past = await press(
        h,
        platform,
        lee,
        'meetings.move.submit',
        { occurrenceId: occurrences[0]!.id, sequence: '0' },
        { date: '2026-09-01', time: '16:00' },
      );
      expect(plain(past)).toContain('already passed');
      const before = mark(h);
      const uploads = slackUploads();
      const moved = await press(
        h,
        platform,
        lee,
        'meetings.move.submit',
        { occurrenceId: occurrences[0]!.id, sequence: '0' },
        { date: movedTo, time: '16:00' },
      );
      expect(plain(moved)).toContain('Moved to');
      expect(plain(moved)).toContain('2 people have the updated calendar entry');
      await deliverAll();
      for (const who of [ann, sam]) {
        const notice = personalMessages(h, platform, who, before);
        expect(plain(notice)).toContain('has moved to');
        const [file] = await icsSince(h, platform, who, notice, uploads);
        expect(parseEvent(file!)).toMatchObject({
          uid: occurrenceUid(occurrences[0]!.id),
          sequence: 1,
          tzid: 'Europe/London',
          start: `${movedTo}T16:00:00`,
        });
      }
      const annPerson = await h.db.prisma.person.findFirst({ where: { trustId, name: 'Ann Senco' } });
      expect(await current(`meetings-invite:${occurrences[0]!.id}:${annPerson!.id}`)).toContain('16:00 to 17:30');
    });

    it('reminds a week before, only those who have not declined, with snooze', async () => {
      const [y, m, d] = movedTo.split('-').map(Number);
      const weekBefore = new Date(Date.UTC(y!, m! - 1, d! - 7)).toISOString().slice(0, 10);
      // 08:31 London (BST) on the school day a week before.
      clock.set(`${weekBefore}T07:31:00Z`);
      const before = mark(h);
      await deliverAll();
      const toAnn = personalMessages(h, platform, ann, before);
      expect(plain(toAnn)).toContain('Reminder: this network meeting is in 7 days');
      expect(buttons(toAnn).some((b) => b.verb === 'nudge.snooze')).toBe(true);
      expect(plain(personalMessages(h, platform, sam, before))).not.toContain('Reminder');
    });

    it('cancels one meeting: STATUS:CANCELLED reaches everyone', async () => {
      const before = mark(h);
      const uploads = slackUploads();
      const done = await press(h, platform, lee, 'meetings.cancel', { occurrenceId: occurrences[1]!.id, sequence: '0' });
      expect(plain(done)).toContain('Cancelled the meeting');
      expect(plain(await press(h, platform, lee, 'meetings.cancel', { occurrenceId: occurrences[1]!.id, sequence: '0' }))).toContain(
        'already cancelled',
      );
      await deliverAll();
      for (const who of [ann, sam]) {
        const notice = personalMessages(h, platform, who, before);
        expect(plain(notice)).toContain('is cancelled');
        const [file] = await icsSince(h, platform, who, notice, uploads);
        expect(parseEvent(file!)).toMatchObject({
          method: 'CANCEL',
          uid: occurrenceUid(occurrences[1]!.id),
          sequence: 1,
          status: 'CANCELLED',
        });
      }
    });

    it('lists my meetings and gives a private feed link that can be revoked', async () => {
      const list = await send(h, platform, ann, 'meetings');
      expect(plain(list)).toContain('Your answer: Going');
      const issued = await press(h, platform, ann, 'meetings.subscribe');
      const url = /(http:\/\/[^\s"\\]+\/calendar\/[A-Za-z0-9_-]{43}\.ics)/.exec(plain(issued))?.[1];
      expect(url).toBeDefined();
      const res = await fetch(url!);
      expect(res.status).toBe(200);
      const calendar = new ICAL.Component(ICAL.parse(await res.text()) as unknown[]);
      const events = calendar.getAllSubcomponents('vevent');
      expect(events).toHaveLength(3);
      expect(
        events.find((e) => e.getFirstPropertyValue('uid') === occurrenceUid(occurrences[1]!.id))!.getFirstPropertyValue('status'),
      ).toBe('CANCELLED');
      expect(plain(await send(h, platform, ann, 'meeting unsubscribe'))).toContain('no longer works');
      expect((await fetch(url!)).status).toBe(404);
    });

    it('cancels the series: every meeting still to come is cancelled for everyone', async () => {
      const seriesId = (await h.db.prisma.meetingSeries.findFirst({ where: { trustId } }))!.id;
      const ask = await press(h, platform, lee, 'meetings.series.cancel', { seriesId });
      const before = mark(h);
      const done = await press(h, platform, lee, 'meetings.series.cancel.confirm', buttonData(ask, 'meetings.series.cancel.confirm'));
      expect(plain(done)).toContain('2 meetings still to come were cancelled');
      await deliverAll();
      expect(plain(personalMessages(h, platform, ann, before))).toContain('is cancelled');
      expect(await h.db.prisma.meetingOccurrence.count({ where: { trustId, status: 'cancelled' } })).toBe(3);
    });
  });
});
