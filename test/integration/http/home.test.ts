/**
 * Issue 16 over HTTP on both platforms and both databases: Home for a SENCO (the open check-in
 * with progress and the step they are on), a SEND leader (the running round, "0 of 2") and a
 * trust leader ("Nothing needs you this week"); after an answer the SENCO's Home follows:
 * Slack re-publishes the App Home tab, Teams updates the home card in place through the outbox.
 */
import type { Platform } from '../../../src/core/model';
import { buttonData, chatUser, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { seedTrust } from '../../helpers/roster-seed';
import { teamsSubmit } from '../../fixtures/teams/factory';
import { openHome, pressOnHome, teamsHomeCard, teamsHomeEntry } from '../../helpers/home';

jest.setTimeout(120_000);

const platforms: Platform[] = ['teams', 'slack'];
// Tuesday 15 September 2026, 15:45 in London (BST).
const OPENS = '2026-09-15T14:45:00Z';

describe.each(databaseKinds)('Home over HTTP on %s', (kind) => {
  describe.each(platforms)('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(OPENS);
    let lee: ChatUser;
    let ann: ChatUser;
    let tess: ChatUser;

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      lee = chatUser(h, 'Lee Leader', `lee-${platform}@oak.org.uk`);
      ann = chatUser(h, 'Ann Senco', `ann-${platform}@oak.org.uk`);
      tess = chatUser(h, 'Tess Trust', `tess-${platform}@oak.org.uk`);
      await seedTrust(h, 'Oak Trust', ['Oak Primary', 'Ash Academy'], {
        lee: { user: lee, roles: ['send-leader'] },
        ann: { user: ann, roles: ['senco'], school: 'Oak Primary' },
        tess: { user: tess, roles: ['trust-leader'] },
      });
      const preview = await send(h, platform, lee, 'checkin round start');
      await press(h, platform, lee, 'checkin.round.start', buttonData(preview, 'checkin.round.start'));
      await h.bot.scheduler.runOnce();
    });
    afterAll(async () => h.stop());

    it('shows a SENCO their open check-in with progress and the question they are on, and follows an answer', async () => {
      const home = await openHome(h, platform, ann);
      expect(plain([home])).toContain('Check-in: Autumn term 2026-27 (Oak Primary)');
      expect(plain([home])).toMatch(/0 of \d+ answered/);
      const open = buttonData([home], 'checkin.open');
      expect(open.c).toBeTruthy();

      // The first question's answer buttons are on Home itself (home-checkin.test.ts presses them);
      // More opens the full card (note, context, skip): on Slack in the DM, on Teams in the chat.
      expect(buttonData([home], 'checkin.answer')).toEqual({ c: open.c, i: expect.any(String), v: 'yes' });
      const card = await pressOnHome(h, platform, ann, 'checkin.open', open);
      const answer = buttonData(card, 'checkin.answer');
      await press(h, platform, ann, 'checkin.answer', { ...answer, v: answer.v ?? 'yes' }, answer.v === undefined ? { value: 'yes' } : {});

      if (platform === 'slack') {
        await h.slack.waitFor(() => /1 of \d+ answered/.test(plain([JSON.stringify(h.slack.homeViews.get(ann.slack.id))])), 10_000);
      } else {
        await h.bot.scheduler.runOnce();
        expect(plain([teamsHomeCard(h, ann) ?? ''])).toMatch(/1 of \d+ answered/);
      }
    });

    it('shows a SEND leader the running round with its progress (one school has a SENCO)', async () => {
      const home = await openHome(h, platform, lee);
      expect(plain([home])).toContain('Check-in round: Autumn term 2026-27');
      expect(plain([home])).toContain('0 of 1 school answered');
      expect(plain([home])).toContain('Nothing needs you this week');
    });

    it('tells a trust leader with nothing owed so, in one line', async () => {
      const home = await openHome(h, platform, tess);
      expect(plain([home])).toContain('Nothing needs you this week');
      expect(plain([home])).not.toContain('Check-in');
    });

    it('refreshes in place from its own button', async () => {
      if (platform === 'slack') return; // the Slack tab re-publishes on every press (covered above)
      const before = h.teams.sentActivities().length;
      const [id, card] = teamsHomeEntry(h, tess)!;
      expect(card).toContain('home.show');
      const res = await h.postTeams({ ...teamsSubmit(h.teams.url, { verb: 'home.show' }, tess.teams), replyToId: id });
      expect(res.status).toBe(200);
      expect(h.teams.sentActivities().length).toBe(before); // updated, not sent again
      expect(teamsHomeEntry(h, tess)?.[0]).toBe(id);
    });
  });
});
