/**
 * Issue 11, the leader's series over HTTP on both platforms and both databases: five confirms of
 * one draft pressed at the same instant create one series and one set of invitations (the draft
 * is taken in one DELETE ... RETURNING), and editing the series' title, mode, venue and link
 * updates every meeting still to come in place, with an updated .ics (same UID, SEQUENCE raised),
 * for the invitees and on the leader's cards, while a meeting already held is left as it was.
 */
import type { Platform } from '../../../src/core/model';
import { occurrenceUid } from '../../../src/meetings/ics';
import { buttons, mark, personalMessages, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { current, deliverAll, icsSince, meetingsTrust, parseEvent, SERIES_FORM } from '../../helpers/meetings';
import { blockAction } from '../../fixtures/slack/factory';
import { teamsSubmit } from '../../fixtures/teams/factory';

jest.setTimeout(180_000);

const platforms: Platform[] = ['teams', 'slack'];
// Tuesday 8 September 2026, 09:00 in London (BST).
const START = '2026-09-08T08:00:00Z';
const PRESSES = 5;

const EDITED = {
  title: 'Autumn SENCO network: provision maps',
  mode: 'hybrid',
  venue: 'Oak Primary, Room 4 & hall',
  link: 'https://teams.example.org/l/meetup-join/xyz',
};

describe.each(databaseKinds)('meeting series over HTTP on %s', (kind) => {
  describe.each(platforms)('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(START);
    let lee: ChatUser;
    let ann: ChatUser;
    let sam: ChatUser;
    let trustId: string;
    let occurrences: Array<{ id: string; startsAt: Date; date: string }>;
    const personId = async (who: ChatUser) => (await h.db.prisma.person.findFirst({ where: { trustId, name: who.name } }))!.id;

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      ({ lee, ann, sam, trustId } = await meetingsTrust(h, platform));
    });
    afterAll(async () => h.stop());

    it(`creates one series and one set of invitations from ${PRESSES} confirms pressed at once`, async () => {
      expect(plain(await press(h, platform, lee, 'meetings.series.draft', {}, SERIES_FORM))).toContain('Proposed dates');
      const before = mark(h);
      const posts = Array.from({ length: PRESSES }, () =>
        platform === 'teams'
          ? h.postTeams(teamsSubmit(h.teams.url, { verb: 'meetings.series.confirm' }, lee.teams))
          : h.postSlack(blockAction('meetings.series.confirm', {}, lee.slack), 'application/x-www-form-urlencoded'),
      );
      for (const res of await Promise.all(posts)) expect(res.status).toBe(200);
      if (platform === 'slack') await h.slack.waitFor(() => personalMessages(h, platform, lee, before).length >= PRESSES, 20_000);
      const replies = personalMessages(h, platform, lee, before);
      expect(replies.filter((r) => plain([r]).includes('meetings set up'))).toHaveLength(1);
      expect(replies.filter((r) => plain([r]).includes('nothing waiting to be sent'))).toHaveLength(PRESSES - 1);
      expect(await h.db.prisma.meetingSeries.count({ where: { trustId } })).toBe(1);
      const rows = await h.db.prisma.meetingOccurrence.findMany({ where: { trustId }, orderBy: { startsAt: 'asc' } });
      occurrences = rows.map((o) => ({ id: o.id, startsAt: o.startsAt, date: o.date }));
      expect(occurrences).toHaveLength(3);
      expect(await h.db.prisma.outboxMessage.count({ where: { key: { startsWith: 'meetings-invite:' } } })).toBe(3 * 2);
      expect(await h.db.prisma.outboxMessage.count({ where: { key: { startsWith: 'meetings-leader:' } } })).toBe(3);
      await deliverAll(h, clock);
    });

    it('refuses bad details and lets only a SEND leader edit', async () => {
      const seriesId = (await h.db.prisma.meetingSeries.findFirst({ where: { trustId } }))!.id;
      const form = await send(h, platform, lee, 'meeting edit');
      expect(buttons(form).some((b) => b.verb === 'meetings.series.edit.submit' && b.data.seriesId === seriesId)).toBe(true);
      const cases: Array<[Partial<typeof EDITED>, string]> = [
        [{ link: 'ftp://x.example.org' }, 'must be a web address starting https://'],
        [{ mode: 'in-person', venue: '' }, 'An in-person meeting needs a venue'],
        [{ venue: 'v'.repeat(201) }, 'at most 200 characters'],
        [{ title: '' }, 'Please give the series a title'],
      ];
      for (const [change, expected] of cases) {
        const reply = await press(h, platform, lee, 'meetings.series.edit.submit', { seriesId }, { ...EDITED, ...change });
        expect(plain(reply)).toContain(expected);
      }
      expect(plain(await press(h, platform, ann, 'meetings.series.edit.submit', { seriesId }, EDITED))).not.toContain('updated');
      const stored = await h.db.prisma.meetingSeries.findFirst({ where: { trustId } });
      expect(stored).toMatchObject({ title: SERIES_FORM.title, mode: 'online', venue: null });
      expect(await h.db.prisma.meetingOccurrence.count({ where: { trustId, sequence: { gt: 0 } } })).toBe(0);
    });

    it('edits the series: meetings still to come change in place with a new .ics, a held one does not', async () => {
      const [held, ...coming] = occurrences;
      // After the first meeting.
      clock.set(new Date(held!.startsAt.getTime() + 3 * 60 * 60_000));
      const seriesId = (await h.db.prisma.meetingSeries.findFirst({ where: { trustId } }))!.id;
      const heldBefore = await current(h, platform, `meetings-invite:${held!.id}:${await personId(ann)}`);
      const before = mark(h);
      const done = await press(h, platform, lee, 'meetings.series.edit.submit', { seriesId }, EDITED);
      expect(plain(done)).toContain('2 meetings still to come, 2 people have the updated calendar entry');
      // Pressed again: nothing new.
      expect(plain(await press(h, platform, lee, 'meetings.series.edit.submit', { seriesId }, EDITED))).toContain(
        'already has these details',
      );
      await deliverAll(h, clock);

      for (const who of [ann, sam]) {
        const notices = personalMessages(h, platform, who, before);
        expect(plain(notices)).toContain('has new details');
        expect(notices.filter((n) => plain([n]).includes('has new details'))).toHaveLength(2);
        const files = (await icsSince(h, platform, who, notices, before.uploads)).map(parseEvent);
        expect(files.map((f) => f.uid).sort()).toEqual(coming.map((o) => occurrenceUid(o.id)).sort());
        for (const file of files) {
          expect(file).toMatchObject({ method: 'REQUEST', sequence: 1, summary: EDITED.title, tzid: 'Europe/London', hasZone: true });
          expect(String(file.location)).toContain('Room 4 & hall');
        }
        const id = await personId(who);
        for (const o of coming) {
          const card = plain([await current(h, platform, `meetings-invite:${o.id}:${id}`)]);
          expect(card).toContain(EDITED.title);
          expect(card).toContain('Oak Primary, Room 4 & hall');
          expect(card).toContain(EDITED.link);
        }
      }
      // The leader's cards follow; the held meeting is left as it was, for the invitees and in the database.
      for (const o of coming) expect(plain([await current(h, platform, `meetings-leader:${o.id}`)])).toContain(EDITED.title);
      expect(plain([await current(h, platform, `meetings-leader:${held!.id}`)])).not.toContain(EDITED.title);
      expect(await current(h, platform, `meetings-invite:${held!.id}:${await personId(ann)}`)).toBe(heldBefore);
      const stored = await h.db.prisma.meetingOccurrence.findMany({ where: { trustId }, orderBy: { startsAt: 'asc' } });
      expect(stored.map((o) => o.sequence)).toEqual([0, 1, 1]);
      const audit = await h.db.prisma.auditEntry.findMany({ where: { trustId, action: 'meetings.series.edit' } });
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toMatchObject({
        from: { title: SERIES_FORM.title, mode: 'online' },
        to: { title: EDITED.title, mode: 'hybrid' },
        meetings: 2,
      });
    });
  });
});
