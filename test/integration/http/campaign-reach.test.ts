/**
 * Issue 8, campaigns: the leader's live status says who could not be reached and why (with
 * what to do), and someone who becomes reachable while the round is open gets their invitation
 * within the hour, once, while those already invited get nothing more. Both platforms, both
 * databases, a fake clock.
 */
import type { Platform } from '../../../src/core/model';
import { buttonData, chatUser, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';

jest.setTimeout(120_000);

const platforms: Platform[] = ['teams', 'slack'];
// Tuesday 15 September 2026, 09:45 in London (BST): a school day, in school hours.
const OPENS = '2026-09-15T08:45:00Z';

function invitations(h: Harness, platform: Platform, who: ChatUser): string[] {
  if (platform === 'teams') {
    return h.teams
      .sentActivities()
      .filter((a) => a.conversationId === `a:1personal-${who.teams.id}`)
      .map((a) => JSON.stringify(a.activity))
      .filter((text) => text.includes('Check-in: Autumn term 2026-27'));
  }
  const channel = `D${who.slack.id.replace(/^U/, '')}`;
  return h.slack
    .callsTo('chat.postMessage')
    .filter((b) => b.channel === channel)
    .map((b) => JSON.stringify(b))
    .filter((text) => text.includes('Check-in: Autumn term 2026-27'));
}

describe.each(databaseKinds)('campaign reach over HTTP on %s', (kind) => {
  describe.each(platforms)('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(OPENS);
    let lee: ChatUser;
    let ann: ChatUser;
    let sam: ChatUser;

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      const db = h.db.prisma;
      const trust = await db.trust.create({ data: { name: `Reach Trust ${platform}` } });
      const oak = await db.school.create({ data: { trustId: trust.id, name: 'Oak Primary', phase: 'primary' } });
      const ash = await db.school.create({ data: { trustId: trust.id, name: 'Ash Academy', phase: 'secondary' } });
      const person = async (name: string, email: string, schoolId: string | null, role: string) => {
        const p = await db.person.create({ data: { trustId: trust.id, schoolId, name, email } });
        await db.roleAssignment.create({ data: { trustId: trust.id, personId: p.id, role, schoolId: role === 'senco' ? schoolId : null } });
      };
      await person('Lee Leader', `lee-r-${platform}@oak.org.uk`, null, 'send-leader');
      await person('Ann Senco', `ann-r-${platform}@oak.org.uk`, oak.id, 'senco');
      await person('Sam Senco', `sam-r-${platform}@ash.org.uk`, ash.id, 'senco');
      lee = chatUser(h, 'Lee Leader', `lee-r-${platform}@oak.org.uk`);
      ann = chatUser(h, 'Ann Senco', `ann-r-${platform}@oak.org.uk`);
      sam = chatUser(h, 'Sam Senco', `sam-r-${platform}@ash.org.uk`);
      // Lee and Ann have written to the bot; Sam has not, so the bot cannot message Sam first.
      for (const who of [lee, ann]) await send(h, platform, who, 'help');
    });
    afterAll(async () => h.stop());

    it('reports who could not be reached and why, and invites them once they can be reached', async () => {
      const preview = await send(h, platform, lee, 'checkin round start');
      await press(h, platform, lee, 'checkin.round.start', buttonData(preview, 'checkin.round.start'));
      await h.bot.scheduler.runOnce();
      expect(invitations(h, platform, ann)).toHaveLength(1);
      expect(invitations(h, platform, sam)).toHaveLength(0);

      const status = plain(await send(h, platform, lee, 'checkin'));
      expect(status).toContain('0 of 2 schools have finished.');
      expect(status).toContain('Not reached (1):');
      expect(status).toContain('Sam Senco (Ash Academy): not linked to a chat account yet');
      expect(status).not.toContain('Ann Senco (Oak Primary)');
      expect(status).toContain('reach to look people up by email');

      // Sam writes to the bot (and is linked by email); within the hour the invitation follows.
      clock.advance(10 * 60_000);
      await send(h, platform, sam, 'help');
      clock.advance(60 * 60_000);
      await h.bot.scheduler.runOnce();
      expect(invitations(h, platform, sam)).toHaveLength(1);
      expect(invitations(h, platform, ann)).toHaveLength(1);
      expect(plain(await send(h, platform, lee, 'checkin'))).not.toContain('Not reached');

      // The next hour's run sends nobody anything again.
      clock.advance(60 * 60_000);
      await h.bot.scheduler.runOnce();
      expect(invitations(h, platform, sam)).toHaveLength(1);
      expect(invitations(h, platform, ann)).toHaveLength(1);
    });

    it('sends the leader who closed early no second summary when the closing time comes', async () => {
      const ask = await send(h, platform, lee, 'checkin close');
      const closed = await press(h, platform, lee, 'checkin.close.send', buttonData(ask, 'checkin.close.send'));
      expect(plain(closed)).toContain('Autumn term 2026-27');
      const before = toLee();
      // Tuesday 29 September 2026, 17:05 in London: past the round's closing time.
      clock.advance(new Date('2026-09-29T16:05:00Z').getTime() - clock.now().getTime());
      await h.bot.scheduler.runOnce();
      expect(toLee()).toBe(before);
    });

    function toLee(): number {
      if (platform === 'teams') return h.teams.sentActivities().filter((a) => a.conversationId === `a:1personal-${lee.teams.id}`).length;
      return h.slack.callsTo('chat.postMessage').filter((b) => b.channel === `D${lee.slack.id.replace(/^U/, '')}`).length;
    }
  });
});
