/**
 * Issue 5, end to end over HTTP on both platforms with a fake clock: a leader starts a round,
 * invitations go out through the scheduler, SENCOs answer part-way, the bot restarts, reminders
 * go to those not finished, the round closes with a summary to the leader; a checklist change
 * and a second round keep the answer history right. Bad input is refused without double counts.
 */
import type { Platform } from '../../../src/core/model';
import { receiveFile } from '../../helpers/files';
import { latestFlags } from '../../../src/flows/checkin/index';
import { buttonData, buttons, chatUser, joined, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { restart } from '../../helpers/restart';

jest.setTimeout(120_000);

const platforms: Platform[] = ['teams', 'slack'];
// Tuesday 15 September 2026, 15:45 in London (BST).
const ROUND_ONE_OPENS = '2026-09-15T14:45:00Z';

/** Messages the bot sent to one person since `before` (replies and proactive messages). */
function sentTo(h: Harness, platform: Platform, who: ChatUser, before: { teams: number; slack: number }): string[] {
  if (platform === 'teams') {
    return h.teams
      .sentActivities()
      .slice(before.teams)
      .filter((a) => a.conversationId === `a:1personal-${who.teams.id}`)
      .map((a) => JSON.stringify(a.activity));
  }
  const channel = `D${who.slack.id.replace(/^U/, '')}`;
  return h.slack
    .callsTo('chat.postMessage')
    .slice(before.slack)
    .filter((b) => b.channel === channel)
    .map((b) => JSON.stringify(b));
}

function mark(h: Harness) {
  return { teams: h.teams.sentActivities().length, slack: h.slack.callsTo('chat.postMessage').length };
}

type Answers = Record<string, { value: string; note?: string } | string>;

/**
 * Answers the check-in from the card in `texts` onwards, the way a person would: confirms
 * pre-filled answers, presses the chosen button or submits the date/number, answers each
 * follow-up. Stops after `limit` answers or at the end. Returns the presses made and last replies.
 */
async function answerFrom(
  h: Harness,
  platform: Platform,
  who: ChatUser,
  texts: string[],
  answers: Answers,
  limit = Infinity,
): Promise<{ presses: number; last: string[]; answered: string[] }> {
  let current = texts;
  let presses = 0;
  const answered: string[] = [];
  while (answered.length < limit) {
    const found = buttons(current.slice(-1));
    const confirm = found.find((b) => b.verb === 'checkin.confirm');
    const followUp = found.find((b) => b.verb === 'checkin.followup');
    const answer = found.find((b) => b.verb === 'checkin.answer');
    if (confirm) {
      current = await press(h, platform, who, 'checkin.confirm', confirm.data);
    } else if (followUp) {
      current = await press(h, platform, who, 'checkin.followup', followUp.data, {
        help: 'Time with the educational psychologist',
        by: '',
      });
    } else if (answer) {
      const itemId = answer.data.i!;
      const given = answers[itemId] ?? 'yes';
      const { value, note } = typeof given === 'string' ? { value: given } : given;
      const fields: Record<string, string> = note ? { note } : {};
      if (answer.data.v !== undefined) current = await press(h, platform, who, 'checkin.answer', { ...answer.data, v: value }, fields);
      else current = await press(h, platform, who, 'checkin.answer', answer.data, { value, ...fields });
      answered.push(itemId);
    } else {
      break;
    }
    presses += 1;
  }
  return { presses, last: current, answered };
}

const annRound1: Answers = {
  'sen-information-report': '2025-11-01',
  'accessibility-plan-end': { value: '2026-03-31', note: 'Library ramp still to do' },
  'ehcp-reviews': '1 2',
  'ehcp-admissions': 'na',
};
const samRound1: Answers = { 'sen-information-report': '2026-07-10', 'accessibility-plan-end': '2027-03-31', 'ehcp-reviews': '0 0' };

describe.each(databaseKinds)('check-in rounds over HTTP on %s', (kind) => {
  describe.each(platforms)('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(ROUND_ONE_OPENS);
    let lee: ChatUser;
    let ann: ChatUser;
    let sam: ChatUser;
    let oakId: string;
    let roundOneCheckin: string;

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      const db = h.db.prisma;
      const trust = await db.trust.create({ data: { name: `Oak Trust ${platform}` } });
      const oak = await db.school.create({ data: { trustId: trust.id, name: 'Oak Primary', phase: 'primary' } });
      const ash = await db.school.create({ data: { trustId: trust.id, name: 'Ash Academy', phase: 'secondary' } });
      await db.school.create({ data: { trustId: trust.id, name: 'Elm Special', phase: 'special' } });
      oakId = oak.id;
      const person = async (name: string, email: string, schoolId: string | null, role: string, profile: Record<string, unknown> = {}) => {
        const p = await db.person.create({ data: { trustId: trust.id, schoolId, name, email, ...profile } });
        await db.roleAssignment.create({ data: { trustId: trust.id, personId: p.id, role, schoolId: role === 'senco' ? schoolId : null } });
        return p;
      };
      await person('Lee Leader', `lee-${platform}@oak.org.uk`, null, 'send-leader');
      await person('Ann Senco', `ann-${platform}@oak.org.uk`, oak.id, 'senco', {
        appointedOn: '2025-09-01',
        priorSencoMonths: 0,
        qualification: 'npq-enrolled',
        qualificationStartedOn: '2025-10-01',
      });
      await person('Sam Senco', `sam-${platform}@ash.org.uk`, ash.id, 'senco', {
        appointedOn: '2019-09-01',
        priorSencoMonths: 0,
        qualification: 'npq',
        qualificationCompletedOn: '2021-07-01',
      });
      lee = chatUser(h, 'Lee Leader', `lee-${platform}@oak.org.uk`);
      ann = chatUser(h, 'Ann Senco', `ann-${platform}@oak.org.uk`);
      sam = chatUser(h, 'Sam Senco', `sam-${platform}@ash.org.uk`);
      // First contact: the bot learns who they are and where to reach them later.
      for (const who of [lee, ann, sam]) await send(h, platform, who, 'help');
    });
    afterAll(async () => h.stop());

    it('lets the leader preview and start a round, and invites each SENCO through the scheduler', async () => {
      const preview = await send(h, platform, lee, 'checkin round start');
      expect(plain(preview)).toContain('Start the Autumn term 2026-27 check-in?');
      expect(plain(preview)).toContain('2 SENCOs will get an invitation');
      expect(plain(preview)).toContain('No SENCO on the roster for: Elm Special');
      const started = await press(h, platform, lee, 'checkin.round.start', buttonData(preview, 'checkin.round.start'));
      expect(plain(started)).toContain('The Autumn term 2026-27 check-in is open. Invitations are on their way to 2 SENCOs');

      const before = mark(h);
      await h.bot.scheduler.runOnce();
      const toAnn = sentTo(h, platform, ann, before);
      expect(toAnn).toHaveLength(1);
      expect(plain(toAnn)).toContain('Check-in: Autumn term 2026-27');
      expect(plain(toAnn)).toContain('1 of 15: SENCO in post');
      expect(sentTo(h, platform, sam, before)).toHaveLength(1);
      expect(sentTo(h, platform, lee, before)).toHaveLength(0);
      roundOneCheckin = buttonData(toAnn, 'checkin.answer').c!;

      // A second start in the same term is refused, and the invitation is not sent twice.
      const again = await press(h, platform, lee, 'checkin.round.start', buttonData(preview, 'checkin.round.start'));
      expect(plain(again)).toContain('There is already a check-in for the Autumn term 2026-27 (open)');
      const later = mark(h);
      clock.advance(60_000);
      await h.bot.scheduler.runOnce();
      expect(sentTo(h, platform, ann, later)).toHaveLength(0);
    });

    it('saves partial answers, refuses bad input clearly and never counts an answer twice', async () => {
      const before = mark(h);
      let texts = await send(h, platform, ann, 'checkin');
      expect(plain(texts)).toContain('1 of 15');
      const first = await answerFrom(h, platform, ann, texts, annRound1, 3);
      expect(plain(first.last)).toContain('4 of 15: SEN information report');

      // An impossible date: explained, not saved, the same question again.
      const report = buttonData(first.last, 'checkin.answer');
      texts = await press(h, platform, ann, 'checkin.answer', report, { value: '2026-02-30' });
      expect(plain(texts)).toContain('That is not a date I can read');
      expect(plain(texts)).toContain('4 of 15: SEN information report');
      texts = await press(h, platform, ann, 'checkin.answer', report, { value: '2027-01-01' });
      expect(plain(texts)).toContain('That date is in the future');

      const second = await answerFrom(h, platform, ann, texts, annRound1, 2);
      expect(second.answered).toEqual(['sen-information-report', 'sen-policy']);
      // A card pressed twice: the second press changes nothing.
      const policy = { c: roundOneCheckin, i: 'sen-policy', v: 'yes' };
      const twice = await press(h, platform, ann, 'checkin.answer', policy);
      expect(plain(twice)).toContain('That answer was already saved');
      const count = await h.db.prisma.checkinAnswer.count({ where: { checkinId: roundOneCheckin } });
      expect(count).toBe(5);

      // Sam forges a press with Ann's check-in id: refused, Ann's answer untouched.
      const forged = await press(h, platform, sam, 'checkin.answer', { c: roundOneCheckin, i: 'sen-policy', v: 'no' });
      expect(plain(forged)).toContain('That check-in is for another school');
      const stored = await h.db.prisma.checkinAnswer.findUnique({
        where: { checkinId_itemId: { checkinId: roundOneCheckin, itemId: 'sen-policy' } },
      });
      expect(stored?.value).toBe('yes');
      expect(await h.db.prisma.auditEntry.count({ where: { action: 'checkin.refused', subject: roundOneCheckin } })).toBeGreaterThan(0);
      expect(sentTo(h, platform, ann, before).length).toBeGreaterThan(0);
    });

    it('resumes where the SENCO left off after a restart', async () => {
      await restart(h, clock);
      const texts = await send(h, platform, ann, 'checkin');
      expect(plain(texts)).toContain('6 of 15: Accessibility plan');
      // The answer and its follow-up, then two more.
      const more = await answerFrom(h, platform, ann, texts, annRound1, 3);
      expect(more.answered).toEqual(['accessibility-plan-end', 'graduated-approach', 'parents-informed']);
      const saved = await h.db.prisma.checkinAnswer.findUnique({
        where: { checkinId_itemId: { checkinId: roundOneCheckin, itemId: 'accessibility-plan-end' } },
      });
      expect(saved).toMatchObject({
        value: '2026-03-31',
        note: 'Library ramp still to do',
        followUpHelp: 'Time with the educational psychologist',
      });
    });

    it('Sam finishes; the automatic reminder goes only to Ann, who has not', async () => {
      const invite = await send(h, platform, sam, 'checkin');
      const done = await answerFrom(h, platform, sam, invite, samRound1);
      // The qualification comes pre-filled from Sam's profile (NPQ held): one tap confirms it.
      expect(plain(invite)).toContain('Same as last time? (1)');
      // checklist-v2 for a secondary school's first round: 17 items, one pre-filled.
      expect(done.answered).toHaveLength(16);
      expect(done.presses).toBe(17);
      expect(plain(done.last)).toContain('All done: thank you');

      // Tuesday 22 September 15:46: the fifth school day after opening.
      clock.set('2026-09-22T14:46:00Z');
      const before = mark(h);
      await h.bot.scheduler.runOnce();
      const toAnn = sentTo(h, platform, ann, before);
      expect(plain(toAnn)).toContain('A gentle reminder: Autumn term 2026-27 check-in');
      expect(plain(toAnn)).toContain('8 of 15 questions were answered');
      expect(joined(toAnn)).toContain('nudge.snooze');
      expect(sentTo(h, platform, sam, before)).toHaveLength(0);
    });

    it('closes at the closing time with the summary to the leader, and refuses later answers', async () => {
      const texts = await send(h, platform, ann, 'checkin');
      const rest = await answerFrom(h, platform, ann, texts, annRound1);
      expect(rest.answered).toHaveLength(7);
      expect(plain(rest.last)).toContain('All done: thank you');

      // Tuesday 29 September 17:01: ten school days after opening, past 17:00.
      clock.set('2026-09-29T16:01:00Z');
      const before = mark(h);
      await h.bot.scheduler.runOnce();
      const summary = plain(sentTo(h, platform, lee, before));
      expect(summary).toContain('Check-in summary: Autumn term 2026-27');
      expect(summary).toContain('2 of 3 schools finished');
      expect(summary).toContain('Elm Special');
      expect(summary).toContain(
        'Accessibility plan: 31 March 2026 ("Library ramp still to do"); would help: Time with the educational psychologist',
      );
      expect(summary).toContain('EHCP annual reviews: 1 overdue, 2 due soon');
      expect(summary).toContain('SEN information report review due 1 November 2026');
      expect(summary).toContain('2 × EHCP annual reviews');

      const round = await h.db.prisma.checkinRound.findFirst({ where: { year: '2026-27', term: 'autumn' } });
      expect(round?.status).toBe('closed');
      const next = await h.db.prisma.checkinRound.findFirst({ where: { year: '2026-27', term: 'spring' } });
      expect(next).toMatchObject({ status: 'scheduled', opensAt: new Date('2027-01-12T15:45:00Z') });

      const late = await press(h, platform, ann, 'checkin.answer', { c: roundOneCheckin, i: 'sen-policy', v: 'no' });
      expect(plain(late)).toContain('The Autumn term 2026-27 check-in closed on');
      expect(
        (await h.db.prisma.checkinAnswer.findUnique({ where: { checkinId_itemId: { checkinId: roundOneCheckin, itemId: 'sen-policy' } } }))
          ?.value,
      ).toBe('yes');
    });

    it('a checklist change applies from the next round, which pre-fills what should not have changed', async () => {
      expect(plain(await send(h, platform, lee, 'checklist off census-sen-codes'))).toContain('Saved as version 3');
      expect(plain(await send(h, platform, lee, 'checklist add should Is the provision map up to date?'))).toContain('Saved as version 4');
      const view = plain(await send(h, platform, lee, 'checklist'));
      expect(view).toContain('Checklist version 4');
      expect(view).toContain('trust-1');

      clock.set('2027-01-12T15:46:00Z');
      const before = mark(h);
      await h.bot.scheduler.runOnce();
      const toSam = sentTo(h, platform, sam, before);
      expect(plain(toSam)).toContain('Check-in: Spring term 2026-27');
      expect(plain(toSam)).toContain('Same as last time?');
      expect(plain(toSam)).toContain('(from the roster)');
      expect(plain(toSam)).not.toContain('Census');
      const samRound2 = await answerFrom(h, platform, sam, toSam, {
        'ehcp-admissions': 'na',
        'ehcp-reviews': '0 0',
        'graduated-approach': 'partly',
      });
      expect(plain(samRound2.last)).toContain('All done');

      const toAnn = sentTo(h, platform, ann, before);
      const annRound2 = await answerFrom(h, platform, ann, toAnn, { 'sen-information-report': '2027-01-05', 'ehcp-reviews': '0 1' }, 3);
      expect(annRound2.answered.length).toBe(3);
    });

    it('the leader sees live status, reminds the one not finished once, and closes with changes since last round', async () => {
      const status = await send(h, platform, lee, 'checkin status');
      expect(plain(status)).toContain('Spring term 2026-27 check-in: open');
      expect(plain(status)).toContain('1 of 3 schools has finished');

      const ask = await press(h, platform, lee, 'checkin.remind.ask', buttonData(status, 'checkin.remind.ask'));
      expect(plain(ask)).toContain('Remind 1 SENCO?');
      expect(plain(ask)).toContain('Oak Primary');
      const before = mark(h);
      const sent = await press(h, platform, lee, 'checkin.remind.send', buttonData(ask, 'checkin.remind.send'));
      expect(plain(sent)).toContain('Reminders queued for 1 SENCO.');
      const twice = await press(h, platform, lee, 'checkin.remind.send', buttonData(ask, 'checkin.remind.send'));
      expect(plain(twice)).toContain('already reminded today');
      await h.bot.scheduler.runOnce();
      expect(sentTo(h, platform, ann, before)).toHaveLength(1);
      expect(sentTo(h, platform, sam, before)).toHaveLength(0);

      const close = await send(h, platform, lee, 'checkin close');
      const closed = await press(h, platform, lee, 'checkin.close.send', buttonData(close, 'checkin.close.send'));
      const summary = plain(closed);
      expect(summary).toContain('Check-in summary: Spring term 2026-27');
      expect(summary).toContain('1 of 3 schools finished');
      expect(summary).toContain('SEN information report: 1 November 2025 → 5 January 2027');
      expect(summary).toContain('Graduated approach: Yes → Partly');
      expect(summary).toContain('The next round (Summer term 2026-27) is planned to open');
    });

    it('keeps the answer history right across both rounds and the checklist change, and exports it', async () => {
      const rows = await h.db.prisma.checkinAnswer.findMany({
        where: { checkin: { schoolId: oakId } },
        include: { checkin: { include: { round: true } } },
      });
      const autumn = rows.filter((r) => r.checkin.round.term === 'autumn');
      const spring = rows.filter((r) => r.checkin.round.term === 'spring');
      expect(autumn).toHaveLength(15);
      // The trust was on checklist-v1; its first round moved it to v2 (version 2).
      expect(new Set(autumn.map((r) => r.checklistVersion))).toEqual(new Set([2]));
      expect(autumn.find((r) => r.itemId === 'sen-information-report')?.value).toBe('2025-11-01');
      expect(autumn.some((r) => r.itemId === 'census-sen-codes')).toBe(true);
      expect(new Set(spring.map((r) => r.checklistVersion))).toEqual(new Set([4]));
      expect(spring.some((r) => r.itemId === 'census-sen-codes')).toBe(false);
      const springCheckin = await h.db.prisma.schoolCheckin.findFirst({ where: { schoolId: oakId, round: { term: 'spring' } } });
      expect(springCheckin?.itemIds).toContain('trust-1');
      expect(
        (await h.db.prisma.checkinRound.findFirst({ where: { term: 'spring', year: '2026-27', trustId: springCheckin!.trustId } }))
          ?.checklistVersion,
      ).toBe(4);

      // The flags the weekly digest reads: the latest closed round's concerns and due dates.
      const flags = await latestFlags(h.bot.deps, springCheckin!.trustId);
      expect(flags?.round.period.term).toBe('spring');
      expect(flags?.concerns.map((c) => [c.schoolName, c.itemId, c.value])).toContainEqual(['Ash Academy', 'graduated-approach', 'partly']);

      const reply = await send(h, platform, lee, 'checkin export');
      expect(plain(reply)).toContain('The answers are in the CSV file');
      const file = await receiveFile(h, platform, lee, reply);
      expect(file.name).toMatch(/^checkin-answers-\d{4}-\d{2}-\d{2}\.csv$/);
      const exported = file.text;
      expect(exported).toContain('round,school,item_id,question,must_or_should,checklist_version,answer');
      expect(exported).toContain('Autumn term 2026-27,Oak Primary,census-sen-codes');
      expect(exported).toContain('Spring term 2026-27,Oak Primary,sen-information-report');
      expect(exported).toMatch(/Spring term 2026-27,Ash Academy,ehcp-admissions,[^\n]*,4,yes,,,,yes,Sam Senco/);
    });
  });
});
