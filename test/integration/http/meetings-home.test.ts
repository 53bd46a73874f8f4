/**
 * Network meetings on Home over HTTP on both platforms and both databases: a SENCO sees their
 * next three meetings, each unanswered one needing them with Going / Can't go / Maybe; pressing
 * an answer on Home records it once, updates the invitation card in place and Home follows (Slack
 * re-publishes the tab, Teams edits the home card); the SEND leader sees the next meeting's counts.
 */
import type { Platform } from '../../../src/core/model';
import { buttons, plain, press, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { homeTabPress, openHome, teamsHomeCard, teamsHomeEntry } from '../../helpers/home';
import { current, deliverAll, meetingsTrust, SERIES_FORM } from '../../helpers/meetings';
import { teamsSubmit } from '../../fixtures/teams/factory';

jest.setTimeout(180_000);

const platforms: Platform[] = ['teams', 'slack'];
// Tuesday 8 September 2026, 09:00 in London (BST).
const START = '2026-09-08T08:00:00Z';

const FORM = {
  ...SERIES_FORM,
  perTerm: '2',
  weekday: '3',
  mode: 'in-person',
  venue: 'Oak Primary hall',
  link: '',
};

describe.each(databaseKinds)('network meetings on Home over HTTP on %s', (kind) => {
  describe.each(platforms)('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(START);
    let lee: ChatUser;
    let ann: ChatUser;
    let sam: ChatUser;
    let trustId: string;
    let first: { id: string; sequence: number };

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      ({ lee, ann, sam, trustId } = await meetingsTrust(h, platform));
      await press(h, platform, lee, 'meetings.series.draft', {}, FORM);
      expect(plain(await press(h, platform, lee, 'meetings.series.confirm'))).toContain('6 meetings set up');
      await deliverAll(h, clock);
      first = (await h.db.prisma.meetingOccurrence.findFirst({ where: { trustId }, orderBy: { startsAt: 'asc' } }))!;
    });
    afterAll(async () => h.stop());

    it('shows a SENCO their next three meetings, unanswered ones needing them with the three answers', async () => {
      const home = await openHome(h, platform, ann);
      expect(plain([home])).not.toContain('Nothing needs you this week');
      expect(plain([home]).match(/Network meeting: SENCO network meeting/g)).toHaveLength(3);
      expect(plain([home])).toContain('In person: Oak Primary hall');
      const rsvps = buttons([home]).filter((b) => b.verb === 'meetings.rsvp');
      expect(rsvps).toHaveLength(9);
      expect(rsvps.every((b) => b.data.from === 'home')).toBe(true);
      expect(rsvps.filter((b) => b.data.occurrenceId === first.id).map((b) => b.data.answer)).toEqual(['going', 'not-going', 'maybe']);
    });

    it('takes an answer pressed on Home: recorded once, the invitation card and Home follow', async () => {
      const data = { occurrenceId: first.id, sequence: String(first.sequence), answer: 'going', from: 'home' };
      const annId = (await h.db.prisma.person.findFirst({ where: { trustId, name: 'Ann Senco' } }))!.id;
      for (let pressed = 0; pressed < 2; pressed += 1) {
        if (platform === 'slack') {
          const published = h.slack.callsTo('views.publish').length;
          const res = await h.postSlack(homeTabPress(ann, 'meetings.rsvp', data), 'application/x-www-form-urlencoded');
          expect(res.status).toBe(200);
          await h.slack.waitFor(() => h.slack.callsTo('views.publish').length > published, 10_000);
        } else {
          const [homeId] = teamsHomeEntry(h, ann)!;
          const res = await h.postTeams({ ...teamsSubmit(h.teams.url, { verb: 'meetings.rsvp', ...data }, ann.teams), replyToId: homeId });
          expect(res.status).toBe(200);
          expect(teamsHomeEntry(h, ann)?.[0]).toBe(homeId); // not replaced by the invitation card
        }
        await deliverAll(h, clock);
      }
      expect(await h.db.prisma.meetingRsvp.findMany({ where: { occurrenceId: first.id } })).toMatchObject([
        { personId: annId, answer: 'going' },
      ]);
      const home = platform === 'slack' ? JSON.stringify(h.slack.homeViews.get(ann.slack.id)) : (teamsHomeCard(h, ann) ?? '');
      expect(plain([home])).toContain('Your answer: Going');
      expect(buttons([home]).filter((b) => b.verb === 'meetings.rsvp' && b.data.occurrenceId === first.id)).toHaveLength(0);
      expect(buttons([home]).filter((b) => b.verb === 'meetings.rsvp')).toHaveLength(6);
      // The invitation card in the chat says so too, updated in place.
      expect(plain([await current(h, platform, `meetings-invite:${first.id}:${annId}`)])).toContain('Your answer: Going');
      // The leader's live card counts it.
      expect(await current(h, platform, `meetings-leader:${first.id}`)).toMatch(/Going[^0-9]*1/);
    });

    it("shows the SEND leader the next meeting's counts", async () => {
      const home = await openHome(h, platform, lee);
      expect(plain([home])).toContain('Next meeting you lead: SENCO network meeting');
      expect(plain([home])).toContain("Going 1, can't go 0, maybe 0, no answer yet 1");
      expect(buttons([home]).filter((b) => b.verb === 'meetings.rsvp')).toHaveLength(0);
    });

    it('follows an answer given on the invitation card', async () => {
      const home = await openHome(h, platform, sam);
      expect(plain([home]).match(/Network meeting:/g)).toHaveLength(3);
      const data = { occurrenceId: first.id, sequence: String(first.sequence), answer: 'not-going' };
      await press(h, platform, sam, 'meetings.rsvp', data);
      const after = await openHome(h, platform, sam);
      expect(plain([after])).toContain("Your answer: Can't go");
    });
  });
});
