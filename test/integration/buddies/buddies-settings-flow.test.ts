/**
 * Issue 12, the rest of the way, over HTTP on both platforms and both databases with a fake
 * clock: a leader marks a SENCO new (`buddy new`: offered once), turns auto-approve on, and
 * matches in clusters of 3 with a double press (one introduction per pair: a Slack group DM,
 * a message to each on Teams); Home shows each their buddy and the leader the pairs not met;
 * the 2-week follow-up with "ask me next week" (held by the snooze, asked again once), the
 * 6-week follow-up on a school day, and the end of the school year: thanks, one line of
 * feedback, shown to the leader in `buddies` and in the digest.
 */
import type { Platform } from '../../../src/core/model';
import { buttonData, chatUser, mark, personalMessages, plain, press, send, type ChatUser, type Mark } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { openHome } from '../../helpers/home';

jest.setTimeout(180_000);

const platforms: Platform[] = ['teams', 'slack'];
// Monday 2 November 2026, 09:30 in London (GMT), in the autumn term of the default pattern.
const MONDAY = '2026-11-02T09:30:00Z';
const DAY = 24 * 60 * 60 * 1000;

/** Slack group DMs since `before`, by channel. */
function groupMessages(h: Harness, before: Mark): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const b of h.slack.callsTo('chat.postMessage').slice(before.slack)) {
    const channel = String(b.channel);
    if (channel.startsWith('G')) out.set(channel, [...(out.get(channel) ?? []), JSON.stringify(b)]);
  }
  return out;
}

/**
 * Runs the scheduler until the outbox is drained: on a loaded machine a send can be retried or
 * paced (its row comes back a few seconds later), so move the clock on by seconds and go again.
 */
async function settle(h: Harness, clock: FakeClock): Promise<void> {
  for (let i = 0; i < 8; i++) {
    const { delivery } = await h.bot.scheduler.runOnce();
    if (delivery.claimed === 0 && delivery.retried === 0 && delivery.deferred === 0) return;
    clock.advance(5_000);
  }
}

describe.each(databaseKinds)('buddying settings, clusters, Home and the year over HTTP on %s', (kind) => {
  describe.each(platforms)('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(MONDAY);
    let lee: ChatUser;
    let nia: ChatUser;
    let ola: ChatUser;
    let sam: ChatUser;
    let trustId: string;

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      const db = h.db.prisma;
      trustId = (await db.trust.create({ data: { name: `Rowan Trust ${platform}` } })).id;
      const school = (name: string) => db.school.create({ data: { trustId, name, phase: 'primary', localAuthority: 'Kent' } });
      const [oak, elm, ash] = [await school('Oak Primary'), await school('Elm Primary'), await school('Ash Primary')];
      const person = async (name: string, email: string, schoolId: string | null, role: string, profile: Record<string, unknown>) => {
        const p = await db.person.create({ data: { trustId, schoolId, name, email, ...profile } });
        await db.roleAssignment.create({ data: { trustId, personId: p.id, role, schoolId: role === 'senco' ? schoolId : null } });
      };
      await person('Lee Leader', `lee-${platform}@rowan.org.uk`, null, 'send-leader', {});
      await person('Nia Newton', `nia-${platform}@oak.org.uk`, oak.id, 'senco', { appointedOn: '2026-09-01', priorSencoMonths: 0 });
      // Appointed long ago on paper, but new to the role in practice: the leader marks her new.
      await person('Ola Older', `ola-${platform}@elm.org.uk`, elm.id, 'senco', { appointedOn: '2012-09-01', priorSencoMonths: 0 });
      await person('Sam Senior', `sam-${platform}@ash.org.uk`, ash.id, 'senco', { appointedOn: '2015-09-01', qualification: 'nasenco' });
      lee = chatUser(h, 'Lee Leader', `lee-${platform}@rowan.org.uk`);
      nia = chatUser(h, 'Nia Newton', `nia-${platform}@oak.org.uk`);
      ola = chatUser(h, 'Ola Older', `ola-${platform}@elm.org.uk`);
      sam = chatUser(h, 'Sam Senior', `sam-${platform}@ash.org.uk`);
      for (const who of [lee, nia, ola, sam]) await send(h, platform, who, 'help');
    });
    afterAll(async () => h.stop());

    it('lets a leader mark a SENCO new, which offers them a buddy once', async () => {
      expect(plain(await send(h, platform, nia, `buddy new ola-${platform}@elm.org.uk`))).toContain('is for MAT SEND leaders');
      expect(plain(await send(h, platform, lee, 'buddy new'))).toContain('Type buddy new and the name or email');
      expect(plain(await send(h, platform, lee, 'buddy new Nobody Here'))).toContain('I could not find "Nobody Here" on the roster');
      expect(plain(await send(h, platform, lee, 'buddy new Lee Leader'))).toContain('Lee Leader is not a SENCO on the roster');

      const before = mark(h);
      expect(plain(await send(h, platform, lee, 'buddy new Ola Older'))).toContain(
        'Marked Ola Older as new to the role. They have been offered a buddy.',
      );
      expect(plain(await send(h, platform, lee, `buddy new ola-${platform}@elm.org.uk`))).toContain(
        'Ola Older was already marked as new to the role. No new offer sent',
      );
      await settle(h, clock);
      expect(personalMessages(h, platform, ola, before)).toHaveLength(1);
      expect(plain(personalMessages(h, platform, ola, before))).toContain('Welcome to the role');
      // The daily offer at 10:00 reaches Nia (new by date) and not Ola again.
      clock.advance(60 * 60 * 1000);
      await settle(h, clock);
      expect(personalMessages(h, platform, ola, before)).toHaveLength(1);
      expect(plain(personalMessages(h, platform, nia, before))).toContain('Welcome to the role');
    });

    it('keeps auto-approve a leader setting, off until turned on', async () => {
      expect(plain(await send(h, platform, sam, 'buddies auto-approve on'))).toContain('is for MAT SEND leaders');
      const asked = plain(await send(h, platform, lee, 'buddies auto-approve'));
      expect(asked).toContain('Auto-approve is off');
      expect(asked).toContain('Type buddies auto-approve on or buddies auto-approve off.');
      expect(plain(await send(h, platform, lee, 'buddies auto-approve on'))).toContain('Auto-approve is on');
      expect(await h.db.prisma.buddyTrustSetting.findUnique({ where: { trustId } })).toMatchObject({ autoApprove: true });
    });

    it('matches a cluster of 3 with auto-approve on and introduces each pair once, however often it is pressed', async () => {
      await send(h, platform, sam, 'buddy offer 2 EHCP applications, SEMH');
      await send(h, platform, nia, 'buddy EHCP applications');
      await send(h, platform, ola, 'buddy SEMH');
      expect(plain([await openHome(h, platform, nia)])).toContain('You are on the list for a buddy (help with EHCP applications).');
      expect(plain(await send(h, platform, lee, 'buddies match clusters 5'))).toContain('buddies match clusters 3 (or 4)');
      expect(await h.db.prisma.buddyPair.count({ where: { trustId } })).toBe(0);

      const before = mark(h);
      const [first, second] = await Promise.all([
        send(h, platform, lee, 'buddies match clusters 3'),
        send(h, platform, lee, 'buddies match clusters 3'),
      ]);
      const replies = plain([...first, ...second]);
      expect(replies).toContain('Auto-approve is on, so these are approved');
      expect(replies).toContain('Clusters of 3');
      const pairs = await h.db.prisma.buddyPair.findMany({ where: { trustId } });
      expect(pairs).toHaveLength(2);
      expect(pairs.every((p) => p.status === 'active')).toBe(true);
      expect(new Set(pairs.map((p) => p.groupId)).size).toBe(1);

      await settle(h, clock);
      if (platform === 'slack') {
        const groups = groupMessages(h, before);
        expect([...groups.values()].map((g) => g.length)).toEqual([1, 1]);
        expect([...h.slack.groups.values()]).toEqual(
          expect.arrayContaining([[nia.slack.id, sam.slack.id].sort(), [ola.slack.id, sam.slack.id].sort()]),
        );
        expect(plain([...groups.values()].flat())).toContain('Nia Newton (Oak Primary), meet Sam Senior (Ash Primary), your buddy.');
        for (const who of [nia, ola, sam]) expect(personalMessages(h, platform, who, before)).toHaveLength(0);
      } else {
        expect(plain(personalMessages(h, platform, nia, before))).toContain('Your buddy is Sam Senior (Ash Primary)');
        expect(personalMessages(h, platform, nia, before)).toHaveLength(1);
        expect(personalMessages(h, platform, ola, before)).toHaveLength(1);
        expect(personalMessages(h, platform, sam, before)).toHaveLength(2);
        expect(plain(personalMessages(h, platform, sam, before))).toContain(
          'You are buddying Ola Older (Elm Primary), who is new to the SENCO role',
        );
      }
    });

    it('shows each their buddy on Home, and the leader the pairs not met yet', async () => {
      const forNia = plain([await openHome(h, platform, nia)]);
      expect(forNia).toContain('Your buddy is Sam Senior (Ash Primary), until 21 July 2027.');
      expect(forNia).not.toContain('Have you met yet?');
      const forSam = plain([await openHome(h, platform, sam)]);
      expect(forSam).toContain('You are buddying Nia Newton (Oak Primary)');
      expect(forSam).toContain('You are buddying Ola Older (Elm Primary)');
      const forLee = plain([await openHome(h, platform, lee)]);
      expect(forLee).toContain('Buddies across the trust');
      expect(forLee).toContain('Waiting for a buddy: 0. Pairs not met yet: 2.');
    });

    it('asks after two weeks with "ask me next week", which holds the question until Monday and asks once more', async () => {
      const before = mark(h);
      clock.advance(14 * DAY);
      await settle(h, clock);
      const toNia = personalMessages(h, platform, nia, before);
      expect(toNia).toHaveLength(1);
      expect(plain(toNia)).toContain('It is two weeks since you were introduced to Sam Senior. Have you met yet?');
      expect(personalMessages(h, platform, sam, before)).toHaveLength(2);
      // Home now says the question is owed.
      expect(plain([await openHome(h, platform, nia)])).toContain('Have you met yet? Press the button once you have.');

      const later = buttonData(toNia, 'buddy.followup.later');
      expect(plain(await press(h, platform, nia, 'buddy.followup.later', later))).toContain('I will ask again on Monday 23 November 2026');
      expect(plain(await press(h, platform, nia, 'buddy.followup.later', later))).toContain('I will ask again on Monday 23 November 2026');
      expect(plain(await press(h, platform, ola, 'buddy.followup.later', later))).toContain('not one of yours');
      const held = mark(h);
      clock.advance(DAY);
      await settle(h, clock);
      expect(personalMessages(h, platform, nia, held)).toHaveLength(0);
      clock.advance(6 * DAY); // Monday 23 November, about 10:30
      await settle(h, clock);
      const again = personalMessages(h, platform, nia, held);
      expect(again).toHaveLength(1);
      expect(plain(again)).toContain('It is two weeks since you were introduced to Sam Senior.');
    });

    it('asks at six weeks, once, and the pair can say they have met', async () => {
      const before = mark(h);
      clock.set('2026-12-14T11:00:00Z'); // Monday, six weeks after approval (at about 10:30)
      await settle(h, clock);
      const toNia = personalMessages(h, platform, nia, before);
      expect(toNia).toHaveLength(1);
      expect(plain(toNia)).toContain('It is six weeks since you were introduced to Sam Senior. Is it helping?');
      expect(personalMessages(h, platform, ola, before)).toHaveLength(1);
      expect(personalMessages(h, platform, sam, before)).toHaveLength(2);
      expect(plain(await press(h, platform, nia, 'buddy.met', buttonData(toNia, 'buddy.met')))).toContain('noted that you have met');
      expect(plain([await openHome(h, platform, lee)])).toContain('Pairs not met yet: 1.');
    });

    it('thanks both at the end of the school year, asks for a line of feedback and shows it to the leader', async () => {
      const before = mark(h);
      clock.set('2027-07-21T08:30:00Z'); // Wednesday 21 July 2027, 09:30 BST: before 10:00
      await settle(h, clock);
      expect(personalMessages(h, platform, nia, before)).toHaveLength(0);
      clock.set('2027-07-21T09:30:00Z');
      await settle(h, clock);
      const toNia = personalMessages(h, platform, nia, before);
      expect(toNia).toHaveLength(1);
      expect(plain(toNia)).toContain('Your buddying with Sam Senior ended on 21 July 2027. Thank you both.');
      expect(personalMessages(h, platform, sam, before)).toHaveLength(2);
      expect(await h.db.prisma.buddyPair.count({ where: { trustId, status: 'ended', endReason: 'finished' } })).toBe(2);

      const pairId = buttonData(toNia, 'buddy.feedback').p!;
      expect(
        plain(await press(h, platform, nia, 'buddy.feedback', { p: pairId }, { line: 'Helped me with my first EHCP & <more>' })),
      ).toContain('your feedback is saved');
      expect(plain(await press(h, platform, ola, 'buddy.feedback', { p: pairId }, { line: 'Not mine' }))).toContain('not one of yours');

      const view = plain(await send(h, platform, lee, 'buddies'));
      expect(view).toContain('Feedback');
      expect(view).toContain('Nia Newton: Helped me with my first EHCP & <more>');
      expect(view).not.toContain('Not mine');
      expect(view).toContain('Auto-approve is on');
      const digest = plain(await send(h, platform, lee, 'digest'));
      expect(digest).toContain('Buddies');
      expect(digest).toContain('Feedback from Nia Newton: Helped me with my first EHCP & <more>');
    });
  });
});
