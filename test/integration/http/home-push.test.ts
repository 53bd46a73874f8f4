/**
 * Home kept current by others' actions and by the person's own, over HTTP on both platforms
 * and both databases (issue 16):
 * - a leader opens a round: within a minute the SENCO's Home shows it (Slack re-publishes the
 *   tab they opened, Teams edits their home card in place), once, and nothing loops after;
 * - a SENCO answers: within a minute the leader's Home is rendered again;
 * - the person acknowledges a bulletin or answers a meeting invitation: their Home follows;
 * - a trust leader's Home shows the latest digest, with a button to see it;
 * - Teams: a personal install gets the Home (linked) or the welcome (not linked) once.
 */
import type { Platform } from '../../../src/core/model';
import { blockAction } from '../../fixtures/slack/factory';
import { teamsPersonalInstall } from '../../fixtures/teams/factory';
import { buttonData, buttons, chatUser, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { currentHome, homeRenders, openHome } from '../../helpers/home';
import { SERIES_FORM } from '../../helpers/meetings';
import { seedTrust } from '../../helpers/roster-seed';

jest.setTimeout(180_000);

const platforms: Platform[] = ['teams', 'slack'];
// Tuesday 15 September 2026, 15:45:10 in London (BST): off the minute, so "within a minute" is seen.
const NOW = '2026-09-15T14:45:10Z';

describe.each(databaseKinds)('Home kept current over HTTP on %s', (kind) => {
  describe.each(platforms)('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(NOW);
    let lee: ChatUser;
    let ann: ChatUser;
    let tess: ChatUser;

    /** A minute passes and the scheduler runs (the push refresh is due once a minute). */
    const aMinuteLater = async () => {
      clock.advance(60_000);
      await h.bot.scheduler.runOnce();
      await h.bot.scheduler.runOnce();
    };

    /**
     * The person presses a button in their chat, and the platform's refresh of their Home has
     * run. `onCard`: on Slack, pressed on the delivered card that carries it (its reply replaces it).
     */
    const pressAndSettle = async (
      who: ChatUser,
      verb: string,
      data: Record<string, string>,
      values: Record<string, string> = {},
      onCard = false,
    ) => {
      const before = homeRenders(h, platform, who);
      let replies: string[];
      const dm = `D${who.slack.id.replace(/^U/, '')}`;
      const card = [...h.slack.messages.entries()]
        .filter(([key, message]) => key.startsWith(`${dm}:`) && message !== 'deleted' && JSON.stringify(message).includes(verb))
        .at(-1)?.[0];
      if (platform === 'slack' && onCard && card) {
        const res = await h.postSlack(
          blockAction(verb, data, who.slack).replace('1700000000.000100', card.slice(dm.length + 1)),
          'application/x-www-form-urlencoded',
        );
        expect(res.status).toBe(200);
        await h.slack.waitFor(() => homeRenders(h, platform, who) > before, 10_000);
        replies = [JSON.stringify(h.slack.messages.get(card))];
      } else {
        replies = await press(h, platform, who, verb, data, values);
        if (platform === 'slack') await h.slack.waitFor(() => homeRenders(h, platform, who) > before, 10_000);
        else await h.bot.scheduler.runOnce();
      }
      return { replies, renders: homeRenders(h, platform, who) - before };
    };

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      lee = chatUser(h, 'Lee Leader', `lee-${platform}@oak.org.uk`);
      ann = chatUser(h, 'Ann Senco', `ann-${platform}@oak.org.uk`);
      tess = chatUser(h, 'Tess Trust', `tess-${platform}@oak.org.uk`);
      const { trustId } = await seedTrust(h, 'Oak Trust', ['Oak Primary'], {
        lee: { user: lee, roles: ['send-leader'] },
        ann: { user: ann, roles: ['senco'], school: 'Oak Primary' },
        tess: { user: tess, roles: ['trust-leader'] },
      });
      await h.db.prisma.person.updateMany({ where: { trustId }, data: { preferredPlatform: platform } });
    });
    afterAll(async () => h.stop());

    it("pushes a round the leader opens to the SENCO's Home within a minute, once", async () => {
      expect(plain([await openHome(h, platform, ann, clock)])).toContain('Nothing needs you this week');
      const preview = await send(h, platform, lee, 'checkin round start');
      await press(h, platform, lee, 'checkin.round.start', buttonData(preview, 'checkin.round.start'));
      await h.bot.scheduler.runOnce(); // the invitation goes; the minute is not over yet
      expect(plain([currentHome(h, platform, ann)])).toContain('Nothing needs you this week');

      await aMinuteLater();
      const home = plain([currentHome(h, platform, ann)]);
      expect(home).toContain('Check-in: Autumn term 2026-27 (Oak Primary)');
      expect(home).toMatch(/0 of \d+ answered/);
      if (platform === 'teams') expect(h.teams.calls.filter((c) => c.method === 'PUT').length).toBeGreaterThan(0); // edited, not re-sent

      // Its own refresh is not a change: nothing more is pushed while nothing happens.
      const renders = homeRenders(h, platform, ann);
      await aMinuteLater();
      await aMinuteLater();
      expect(homeRenders(h, platform, ann)).toBe(renders);
    });

    it("pushes a SENCO's answer to the leader's Home within a minute", async () => {
      expect(plain([await openHome(h, platform, lee, clock)])).toContain('0 of 1 school answered');
      const open = buttonData([currentHome(h, platform, ann)], 'checkin.open');
      const card = (await pressAndSettle(ann, 'checkin.open', open)).replies;
      const answer = buttonData(card, 'checkin.answer');
      const before = homeRenders(h, platform, lee);
      await pressAndSettle(ann, 'checkin.answer', { ...answer, v: answer.v ?? 'yes' }, answer.v === undefined ? { value: 'yes' } : {});
      expect(plain([currentHome(h, platform, ann)])).toMatch(/1 of \d+ answered/); // her own Home at once
      expect(homeRenders(h, platform, lee)).toBe(before);
      await aMinuteLater();
      expect(homeRenders(h, platform, lee)).toBe(before + 1);
      expect(plain([currentHome(h, platform, lee)])).toContain('Check-in round: Autumn term 2026-27');
    });

    it("follows the person's own acknowledgement and RSVP", async () => {
      await send(h, platform, lee, 'bulletin new');
      const preview = await press(
        h,
        platform,
        lee,
        'bulletin.compose',
        {},
        { title: 'Provision maps', body: 'New maps from Monday.', audience: 'all', ack: 'yes', area: 'provision', when: 'now' },
      );
      await press(h, platform, lee, 'bulletin.send', buttonData(preview, 'bulletin.send'));
      await aMinuteLater();
      const bulletin = await h.db.prisma.bulletin.findFirstOrThrow({ where: { title: 'Provision maps' } });
      const acked = await pressAndSettle(ann, 'bulletin.ack', { id: bulletin.id }, {}, true);
      expect(plain(acked.replies)).toContain('Acknowledged');
      expect(acked.renders).toBeGreaterThan(0);

      await press(h, platform, lee, 'meetings.series.draft', {}, SERIES_FORM);
      await press(h, platform, lee, 'meetings.series.confirm');
      await aMinuteLater();
      const occurrence = await h.db.prisma.meetingOccurrence.findFirstOrThrow({ orderBy: { startsAt: 'asc' } });
      const rsvp = await pressAndSettle(ann, 'meetings.rsvp', { occurrenceId: occurrence.id, sequence: '0', answer: 'going' }, {}, true);
      expect(rsvp.renders).toBeGreaterThan(0);
      expect(await h.db.prisma.meetingRsvp.count({ where: { occurrenceId: occurrence.id } })).toBe(1);
    });

    it('shows a trust leader the latest digest, pushed when it is sent, with a button to see it', async () => {
      expect(plain([await openHome(h, platform, tess, clock)])).not.toContain('Weekly digest');
      // Monday 21 September 2026, 08:00 in London: the weekly digest goes to trust leaders.
      clock.set('2026-09-21T07:00:30Z');
      await h.bot.scheduler.runOnce();
      // Pushed in the minute it is sent (a slow send on a loaded machine is retried, so allow a few).
      for (let minute = 0; minute < 4 && !currentHome(h, platform, tess).includes('Weekly digest'); minute++) await aMinuteLater();
      const home = plain([currentHome(h, platform, tess)]);
      expect(home).toContain('Weekly digest');
      expect(home).toContain('The latest was sent Monday 21 September 2026');
      const see = buttons([currentHome(h, platform, tess)]).find((b) => b.verb === 'digest.show');
      expect(see?.data.w).toBe('2026-09-21');
      expect(plain(await press(h, platform, tess, 'digest.show', see!.data))).toContain('Weekly SEND digest: Oak Trust');
    });

    it('welcomes a personal install on Teams once: the Home when linked, how to join when not', async () => {
      if (platform === 'slack') return; // Slack has no install event per person; its App Home is the welcome
      const pat = chatUser(h, 'Pat Senco', `pat-${platform}@oak.org.uk`);
      const trust = await h.db.prisma.trust.findFirstOrThrow({ where: { name: 'Oak Trust' } });
      const school = await h.db.prisma.school.findFirstOrThrow({ where: { trustId: trust.id } });
      const person = await h.db.prisma.person.create({
        data: { trustId: trust.id, schoolId: school.id, name: pat.name, email: pat.email },
      });
      await h.db.prisma.roleAssignment.create({ data: { trustId: trust.id, personId: person.id, role: 'senco', schoolId: school.id } });
      const install = teamsPersonalInstall(h.teams.url, pat.teams);
      expect((await h.postTeams(install)).status).toBe(200);
      expect((await h.postTeams(install)).status).toBe(200); // the same event again
      expect((await h.postTeams({ ...install, id: `${install.id}-again` })).status).toBe(200); // a duplicate with its own id
      await h.bot.scheduler.runOnce();
      // Pat may get the running check-in's invitation too (late invite); the welcome is one home card.
      const toPat = h.teams
        .sentActivities()
        .filter((a) => a.conversationId === `a:1personal-${pat.teams.id}` && JSON.stringify(a.activity).includes('home.show'));
      expect(toPat).toHaveLength(1);
      expect(plain([JSON.stringify(toPat[0]!.activity)])).toContain('Check-in: Autumn term 2026-27 (Oak Primary)');

      const stranger = chatUser(h, 'Sid Stranger', `sid-${platform}@elsewhere.org.uk`);
      expect((await h.postTeams(teamsPersonalInstall(h.teams.url, stranger.teams))).status).toBe(200);
      await h.bot.scheduler.runOnce();
      const toSid = h.teams.sentActivities().filter((a) => a.conversationId === `a:1personal-${stranger.teams.id}`);
      expect(toSid).toHaveLength(1);
      expect(plain([JSON.stringify(toSid[0]!.activity)])).not.toContain('"Home"');
    });
  });
});
