/**
 * Issue 12 end to end over HTTP on both platforms and both databases, with a fake clock: a
 * SENCO new to the role is offered a buddy by the scheduler, asks for one, the leader matches
 * (someone with no possible buddy is told and waits), approves (a double press sends one
 * introduction), the pair say they have met, and the 2-week follow-up arrives once.
 * Refusals: a SENCO cannot run `buddies match` or approve.
 */
import type { Platform } from '../../../src/core/model';
import { blockAction } from '../../fixtures/slack/factory';
import { buttonData, chatUser, mark, personalMessages, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { openHome } from '../../helpers/home';

jest.setTimeout(120_000);

const platforms: Platform[] = ['teams', 'slack'];
// Monday 2 November 2026, 09:30 in London (GMT).
const MONDAY = '2026-11-02T09:30:00Z';
const DAY = 24 * 60 * 60 * 1000;

/** Slack group DMs (the bot with several people) since `before`. */
function groupMessages(h: Harness, before: { slack: number }): string[] {
  return h.slack
    .callsTo('chat.postMessage')
    .slice(before.slack)
    .filter((b) => String(b.channel).startsWith('G'))
    .map((b) => JSON.stringify(b));
}

/**
 * Presses a button whose answer replaces the card it was on: Teams answers in the request;
 * Slack answers with chat.update of the source message, which `press` does not wait for.
 */
async function pressReplacing(
  h: Harness,
  platform: Platform,
  who: ChatUser,
  verb: string,
  data: Record<string, string>,
): Promise<string[]> {
  if (platform === 'teams') return press(h, platform, who, verb, data);
  const before = h.slack.callsTo('chat.update').length;
  const res = await h.postSlack(blockAction(verb, data, who.slack), 'application/x-www-form-urlencoded');
  expect(res.status).toBe(200);
  await h.slack.waitFor(() => h.slack.callsTo('chat.update').length > before, 10_000);
  return h.slack
    .callsTo('chat.update')
    .slice(before)
    .map((c) => JSON.stringify(c));
}

describe.each(databaseKinds)('buddying over HTTP on %s', (kind) => {
  describe.each(platforms)('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(MONDAY);
    let lee: ChatUser;
    let nia: ChatUser;
    let sam: ChatUser;
    let uma: ChatUser;
    let trustId: string;

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      const db = h.db.prisma;
      const trust = await db.trust.create({ data: { name: `Birch Trust ${platform}` } });
      trustId = trust.id;
      const oak = await db.school.create({ data: { trustId, name: 'Oak Primary', phase: 'primary', localAuthority: 'Kent' } });
      const ash = await db.school.create({ data: { trustId, name: 'Ash Primary', phase: 'primary', localAuthority: 'Kent' } });
      const person = async (name: string, email: string, schoolId: string | null, role: string, profile: Record<string, unknown> = {}) => {
        const p = await db.person.create({ data: { trustId, schoolId, name, email, ...profile } });
        await db.roleAssignment.create({ data: { trustId, personId: p.id, role, schoolId: role === 'senco' ? schoolId : null } });
      };
      await person('Lee Leader', `lee-${platform}@birch.org.uk`, null, 'send-leader');
      await person('Nia Newton', `nia-${platform}@oak.org.uk`, oak.id, 'senco', { appointedOn: '2026-09-01', priorSencoMonths: 0 });
      await person('Sam Senior', `sam-${platform}@ash.org.uk`, ash.id, 'senco', {
        appointedOn: '2015-09-01',
        priorSencoMonths: 0,
        qualification: 'nasenco',
      });
      // New too, but the only buddy works in her own school: she must be told, not left out.
      await person('Uma Upton', `uma-${platform}@ash.org.uk`, ash.id, 'senco', { appointedOn: '2026-09-01', priorSencoMonths: 0 });
      lee = chatUser(h, 'Lee Leader', `lee-${platform}@birch.org.uk`);
      nia = chatUser(h, 'Nia Newton', `nia-${platform}@oak.org.uk`);
      sam = chatUser(h, 'Sam Senior', `sam-${platform}@ash.org.uk`);
      uma = chatUser(h, 'Uma Upton', `uma-${platform}@ash.org.uk`);
      for (const who of [lee, nia, sam, uma]) await send(h, platform, who, 'help');
    });
    afterAll(async () => h.stop());

    it('offers new SENCOs a buddy once, and lets an experienced SENCO offer to be one', async () => {
      expect(plain(await send(h, platform, sam, 'buddy offer 9'))).toContain('Give a number from 1 to 4');
      expect(plain(await send(h, platform, sam, 'buddy offer 2 EHCP applications, SEMH'))).toContain(
        'You are offering to buddy up to 2 at once, strong in EHCP applications and SEMH.',
      );
      const before = mark(h);
      clock.advance(60 * 60 * 1000); // 10:30: the daily offer at 10:00 is due
      await h.bot.scheduler.runOnce();
      expect(plain(personalMessages(h, platform, nia, before))).toContain('Welcome to the role');
      expect(personalMessages(h, platform, nia, before)).toHaveLength(1);
      expect(personalMessages(h, platform, uma, before)).toHaveLength(1);
      expect(personalMessages(h, platform, sam, before)).toHaveLength(0);
      // The next day nobody is offered again.
      const later = mark(h);
      clock.advance(DAY);
      await h.bot.scheduler.runOnce();
      expect(personalMessages(h, platform, nia, later)).toHaveLength(0);
    });

    it('takes a request once, however often it is sent', async () => {
      const fields = { first: 'ehcp-applications', second: 'semh', specialist: 'no' };
      expect(plain(await press(h, platform, nia, 'buddy.ask', {}, fields))).toContain(
        'You are on the list for a buddy (help with EHCP applications and SEMH)',
      );
      expect(plain(await press(h, platform, nia, 'buddy.ask', {}, fields))).toContain('You have already asked for a buddy');
      expect(plain(await send(h, platform, uma, 'buddy SEMH'))).toContain('You are on the list for a buddy (help with SEMH)');
      expect(await h.db.prisma.buddyRequest.count({ where: { trustId } })).toBe(2);
    });

    it('keeps matching and approving from SENCOs', async () => {
      expect(plain(await send(h, platform, nia, 'buddies match'))).toContain('is for MAT SEND leaders');
      expect(plain(await press(h, platform, nia, 'buddies.approve', { p: 'anything' }))).toContain('is for MAT SEND leaders');
      expect(await h.db.prisma.buddyPair.count({ where: { trustId } })).toBe(0);
    });

    it('proposes with reasons, tells whoever has no buddy, and sends one introduction on a double approve', async () => {
      const before = mark(h);
      const proposals = await send(h, platform, lee, 'buddies match');
      const text = plain(proposals);
      expect(text).toContain('Nia Newton with Sam Senior');
      expect(text).toContain('Sam Senior can help with what Nia Newton asked about: EHCP applications and SEMH.');
      expect(text).toContain('Nia Newton is new to the role');
      expect(text).toContain('No buddy this time for 1');
      expect(text).toContain('Uma Upton: The only buddies with room work in the same school.');
      const approve = buttonData(proposals, 'buddies.approve');
      const home = plain([await openHome(h, platform, lee)]);
      // A decision waits, so it is shown as needing the leader, not under "Also going on".
      expect(home).not.toContain('Nothing needs you this week');
      expect(home).not.toContain('Also going on');
      expect(home).toContain('Proposed pairs waiting for your approval: 1.');
      expect(home).toContain('Waiting for a buddy: 1. Pairs not met yet: 0.');

      const first = await pressReplacing(h, platform, lee, 'buddies.approve', approve);
      expect(plain(first)).toContain('Approved: Nia Newton with Sam Senior');
      expect(plain(await press(h, platform, lee, 'buddies.approve', approve))).toContain('already been dealt with (active)');

      await h.bot.scheduler.runOnce();
      const toNia = personalMessages(h, platform, nia, before);
      const toSam = personalMessages(h, platform, sam, before);
      const toUma = personalMessages(h, platform, uma, before);
      let intro = toNia;
      if (platform === 'slack') {
        // Both on Slack: one introduction in a group DM with the bot, none in their own DMs.
        intro = groupMessages(h, before);
        expect(intro).toHaveLength(1);
        expect([...h.slack.groups.values()]).toContainEqual([nia.slack.id, sam.slack.id].sort());
        expect(plain(intro)).toContain('Nia Newton (Oak Primary), meet Sam Senior (Ash Primary), your buddy.');
        expect(plain(intro)).toContain('A good first conversation');
        expect(toNia).toHaveLength(0);
        expect(toSam).toHaveLength(0);
      } else {
        expect(toNia).toHaveLength(1);
        expect(plain(toNia)).toContain('Your buddy is Sam Senior (Ash Primary)');
        expect(plain(toNia)).toContain('A good first conversation');
        expect(toSam).toHaveLength(1);
        expect(plain(toSam)).toContain('You are buddying Nia Newton (Oak Primary), who is new to the SENCO role');
      }
      expect(toUma).toHaveLength(1);
      expect(plain(toUma)).toContain('could not find one this time');

      const view = plain(await send(h, platform, lee, 'buddies'));
      expect(view).toContain('Current pairs (1)');
      expect(view).toContain('Waiting list (1)');
      expect(view).toContain('Not met yet (1)');

      const met = await pressReplacing(h, platform, nia, 'buddy.met', buttonData(intro, 'buddy.met'));
      expect(plain(met)).toContain('noted that you have met');
      expect(plain(await press(h, platform, uma, 'buddy.met', buttonData(intro, 'buddy.met')))).toContain('not one of yours');
      expect(plain(await send(h, platform, lee, 'buddies'))).not.toContain('Not met yet');
    });

    it('follows up after two weeks, once', async () => {
      const before = mark(h);
      clock.advance(13 * DAY);
      await h.bot.scheduler.runOnce();
      expect(personalMessages(h, platform, nia, before)).toHaveLength(0);
      clock.advance(DAY);
      await h.bot.scheduler.runOnce();
      const toNia = personalMessages(h, platform, nia, before);
      expect(toNia).toHaveLength(1);
      expect(plain(toNia)).toContain('It is two weeks since you were introduced to Sam Senior.');
      expect(plain(personalMessages(h, platform, sam, before))).toContain('introduced to Nia Newton');
      clock.advance(60 * 60 * 1000);
      await h.bot.scheduler.runOnce();
      expect(personalMessages(h, platform, nia, before)).toHaveLength(1);
    });

    it('ends a pair on one tap of "this isn\'t working" and asks the leader to rematch', async () => {
      const pair = await h.db.prisma.buddyPair.findFirstOrThrow({ where: { trustId, status: 'active' } });
      const before = mark(h);
      const ended = await pressReplacing(h, platform, sam, 'buddy.notworking', { p: pair.id });
      expect(plain(ended)).toContain('asked your MAT SEND leader to find Nia Newton a new buddy');
      expect(plain(await press(h, platform, nia, 'buddy.notworking', { p: pair.id }))).toContain('already ended');
      await h.bot.scheduler.runOnce();
      expect(plain(personalMessages(h, platform, lee, before))).toContain(
        'Sam Senior says buddying Nia Newton with Sam Senior is not working',
      );
      const view = plain(await send(h, platform, lee, 'buddies'));
      expect(view).toContain('Waiting list (2)');
      expect(view).not.toContain('Current pairs');
    });
  });
});
