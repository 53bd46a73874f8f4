/**
 * Issue 16, fewer taps from Home: Home carries the step a SENCO is on in their check-in, with
 * the check-in card's own buttons. Over HTTP on both platforms (and both databases): Sam's
 * qualification is carried over from the roster, so Home offers "All unchanged: confirm"; a press
 * on Home confirms it, the next question arrives as a reply, and Home moves on to that question,
 * whose answer buttons work from Home too. A second press of the stale confirm changes nothing.
 */
import type { Platform } from '../../../src/core/model';
import { buttonData, buttons, chatUser, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { currentHome, openHome, pressOnHome } from '../../helpers/home';
import { seedTrust } from '../../helpers/roster-seed';

jest.setTimeout(120_000);

const platforms: Platform[] = ['teams', 'slack'];
// Tuesday 15 September 2026, 15:45:10 in London (BST).
const OPENS = '2026-09-15T14:45:10Z';

describe.each(databaseKinds)('The check-in step on Home over HTTP on %s', (kind) => {
  describe.each(platforms)('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(OPENS);
    let lee: ChatUser;
    let sam: ChatUser;

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      lee = chatUser(h, 'Lee Leader', `lee-${platform}@oak.org.uk`);
      sam = chatUser(h, 'Sam Senco', `sam-${platform}@oak.org.uk`);
      const seeded = await seedTrust(h, 'Oak Trust', ['Oak Primary'], {
        lee: { user: lee, roles: ['send-leader'] },
        sam: { user: sam, roles: ['senco'], school: 'Oak Primary' },
      });
      // NPQ held: the qualification question is answered from the roster, to be confirmed.
      await h.db.prisma.person.update({
        where: { id: seeded.people.sam },
        data: { appointedOn: '2019-09-01', priorSencoMonths: 0, qualification: 'npq', qualificationCompletedOn: '2021-07-01' },
      });
      const preview = await send(h, platform, lee, 'checkin round start');
      await press(h, platform, lee, 'checkin.round.start', buttonData(preview, 'checkin.round.start'));
      await h.bot.scheduler.runOnce();
    });
    afterAll(async () => h.stop());

    it('confirms the carried-over answers from Home; the check-in moves on in the chat and on Home', async () => {
      const home = await openHome(h, platform, sam, clock);
      expect(plain([home])).toContain('Same as last time (1): SENCO qualification (NPQ): Yes (from the roster).');
      expect(plain([home])).toMatch(/0 of \d+ answered/);
      const confirm = buttonData([home], 'checkin.confirm');
      expect(buttons([home]).map((b) => b.verb)).toEqual(['checkin.confirm', 'checkin.open', 'home.show', 'home.help']);

      const replies = await pressOnHome(h, platform, sam, 'checkin.confirm', confirm);
      expect(plain(replies)).toContain('Confirmed 1 unchanged.');
      const next = buttonData(replies, 'checkin.answer');
      expect(next.i).toBeTruthy();
      expect(next.i).not.toBe('senco-qualification');
      const stored = await h.db.prisma.checkinAnswer.findMany({ where: { checkinId: confirm.c } });
      expect(stored.map((a) => [a.itemId, a.source])).toEqual([['senco-qualification', 'unchanged']]);

      // Home now carries that same question, with the card's answer buttons.
      const moved = currentHome(h, platform, sam);
      expect(plain([moved])).toMatch(/1 of \d+ answered/);
      expect(buttons([moved]).some((b) => b.verb === 'checkin.confirm')).toBe(false);
      const yes = buttonData([moved], 'checkin.answer');
      expect(yes).toEqual({ c: confirm.c, i: next.i, v: 'yes' });

      const saved = await pressOnHome(h, platform, sam, 'checkin.answer', yes);
      expect(plain(saved)).toContain('Saved.');
      expect(plain([currentHome(h, platform, sam)])).toMatch(/2 of \d+ answered/);
      expect(buttonData([currentHome(h, platform, sam)], 'checkin.answer').i).not.toBe(next.i);

      // The confirm pressed again (a stale Home, a double tap): nothing changes.
      const again = await pressOnHome(h, platform, sam, 'checkin.confirm', confirm);
      expect(plain(again)).toContain('That answer was already saved');
      expect(await h.db.prisma.checkinAnswer.count({ where: { checkinId: confirm.c } })).toBe(2);
    });
  });
});
