/**
 * Issue 15, end to end over HTTP on both platforms and both databases with a fake clock: the
 * weekly digest goes to subscribers on Monday at 08:00 in term and not in a holiday week (until
 * the trust asks for holiday digests); `digest` on demand for a trust leader and a SEND leader,
 * refused to a SENCO; one-tap subscribe and unsubscribe; a school's figures (answers only for
 * the SEND leader); the document and chart arrive as files.
 */
import type { Platform } from '../../../src/core/model';
import { buttonData, chatUser, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { consentCards, receiveFile } from '../../helpers/files';
import { startHarness, type Harness } from '../../helpers/harness';

jest.setTimeout(120_000);

const platforms: Platform[] = ['teams', 'slack'];
// Tuesday 1 December 2026, 10:00 in London (GMT): in the autumn term.
const START = '2026-12-01T10:00:00Z';
const DIGEST = 'Weekly SEND digest: Oak Trust';

/** Proactive and reply messages the bot sent to this person since `before`, as JSON text. */
function sentTo(h: Harness, platform: Platform, who: ChatUser): string[] {
  if (platform === 'teams')
    return h.teams
      .sentActivities()
      .filter((a) => a.conversationId === `a:1personal-${who.teams.id}`)
      .map((a) => JSON.stringify(a.activity));
  const channel = `D${who.slack.id.replace(/^U/, '')}`;
  return h.slack
    .callsTo('chat.postMessage')
    .filter((b) => b.channel === channel)
    .map((b) => JSON.stringify(b));
}

function digestsTo(h: Harness, platform: Platform, who: ChatUser): string[] {
  return sentTo(h, platform, who).filter((m) => m.includes(DIGEST));
}

function pngsTo(h: Harness, who: ChatUser): string[] {
  return h.slack
    .filesIn(`D${who.slack.id.replace(/^U/, '')}`)
    .filter((f) => f.name.endsWith('.png'))
    .map((f) => f.name);
}

/** Monday 08:00 London in winter (GMT), plus half a minute for the tick. */
async function mondayTick(h: Harness, clock: FakeClock, date: string): Promise<void> {
  clock.set(`${date}T08:00:30Z`);
  await h.bot.scheduler.runOnce();
}

describe.each(databaseKinds)('weekly digest over HTTP on %s', (kind) => {
  describe.each(platforms)('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(START);
    let tess: ChatUser;
    let lee: ChatUser;
    let ann: ChatUser;
    let oakId: string;
    let otherSchoolId: string;

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      const db = h.db.prisma;
      const trust = await db.trust.create({ data: { name: 'Oak Trust' } });
      const other = await db.trust.create({ data: { name: 'Birch Trust' } });
      otherSchoolId = (await db.school.create({ data: { trustId: other.id, name: 'Birch School', phase: 'primary' } })).id;
      const oak = await db.school.create({ data: { trustId: trust.id, name: 'Oak Primary', phase: 'primary' } });
      const ash = await db.school.create({ data: { trustId: trust.id, name: 'Ash Academy', phase: 'secondary' } });
      oakId = oak.id;
      const person = async (name: string, email: string, schoolId: string | null, role: string) => {
        const p = await db.person.create({ data: { trustId: trust.id, schoolId, name, email } });
        await db.roleAssignment.create({ data: { trustId: trust.id, personId: p.id, role, schoolId: role === 'senco' ? schoolId : null } });
      };
      await person('Tess Trust', `tess-${platform}@oak.org.uk`, null, 'trust-leader');
      await person('Lee Leader', `lee-${platform}@oak.org.uk`, null, 'send-leader');
      await person('Ann Senco', `ann-${platform}@oak.org.uk`, oak.id, 'senco');
      await person('Sam Senco', `sam-${platform}@ash.org.uk`, ash.id, 'senco');
      tess = chatUser(h, 'Tess Trust', `tess-${platform}@oak.org.uk`);
      lee = chatUser(h, 'Lee Leader', `lee-${platform}@oak.org.uk`);
      ann = chatUser(h, 'Ann Senco', `ann-${platform}@oak.org.uk`);
      for (const who of [tess, lee, ann]) await send(h, platform, who, 'help');

      // A check-in round, open now, with a "no" from Oak Primary and a note only the school and SEND leader read.
      const preview = await send(h, platform, lee, 'checkin round start');
      await press(h, platform, lee, 'checkin.round.start', buttonData(preview, 'checkin.round.start'));
      const checkin = await db.schoolCheckin.findFirstOrThrow({ where: { schoolId: oak.id } });
      const itemId = ['sen-policy', 'accessibility-plan', 'senco-designated'].find((i) => checkin.itemIds.includes(i))!;
      await db.checkinAnswer.create({
        data: {
          checkinId: checkin.id,
          itemId,
          checklistVersion: 1,
          value: 'no',
          note: 'Private note from Oak',
          source: 'answered',
          answeredAt: clock.now(),
        },
      });
    });
    afterAll(async () => h.stop());

    it('refuses a SENCO', async () => {
      const reply = plain(await send(h, platform, ann, 'digest'));
      expect(reply).toContain('Sorry, digest is for');
      expect(reply).not.toContain(DIGEST);
    });

    it('shows the digest on demand to a trust leader and a SEND leader, with charts the platform can show', async () => {
      const forTess = await send(h, platform, tess, 'digest');
      const text = plain(forTess);
      expect(text).toContain(DIGEST);
      expect(text).toContain('Week of');
      expect(text).toContain('Compliance check-ins');
      expect(text).toContain('0 of 2 schools have finished so far');
      expect(text).toContain('1 "no" or "partly" answers open across 1 schools');
      expect(text).not.toContain('Private note from Oak');
      // Trust leaders are subscribed by default: the button stops it.
      expect(buttonData(forTess, 'digest.unsubscribe')).toEqual({});
      buttonData(forTess, 'digest.document');
      if (platform === 'teams') expect(text).toContain('Chart.Donut');
      else {
        await h.slack.waitFor(() => pngsTo(h, tess).length > 0, 10_000);
        expect(pngsTo(h, tess)[0]).toMatch(/^send-digest-compliance-completion-2026-11-30\.png$/);
      }

      const forLee = await send(h, platform, lee, 'digest');
      expect(plain(forLee)).toContain(DIGEST);
      // SEND leaders opt in.
      expect(buttonData(forLee, 'digest.subscribe')).toEqual({});
    });

    it('drills into a school: figures for the trust leader, the answers too for the SEND leader, nothing of another trust', async () => {
      const forTess = plain(await press(h, platform, tess, 'digest.school', { s: oakId }));
      expect(forTess).toContain('Oak Primary: Autumn term 2026-27');
      expect(forTess).toContain('1 "no" or "partly" answers open');
      expect(forTess).not.toMatch(/: No\b/);
      expect(forTess).not.toContain('Private note from Oak');

      const forLee = plain(await press(h, platform, lee, 'digest.school', { s: oakId }));
      expect(forLee).toContain('1 "no" or "partly" answers open');
      expect(forLee).toMatch(/: No\b/);
      expect(forLee).not.toContain('Private note from Oak');

      expect(plain(await press(h, platform, tess, 'digest.school', { s: otherSchoolId }))).toContain('I could not find that school');
      expect(plain(await press(h, platform, ann, 'digest.school', { s: oakId }))).toContain('Sorry');
    });

    it('sends the full document as a file', async () => {
      const reply = await press(h, platform, lee, 'digest.document', { w: '2026-11-30' });
      expect(plain(reply)).toContain('Here is the full digest for the week of');
      let file: { name: string; text: string };
      if (platform === 'teams') {
        // One consent card per file: the document first, then the chart.
        expect(consentCards(reply).map((c) => c.name)).toEqual([
          'send-digest-2026-11-30.md',
          'send-digest-compliance-completion-2026-11-30.png',
        ]);
        file = await receiveFile(h, platform, lee, reply);
      } else {
        const channel = `D${lee.slack.id.replace(/^U/, '')}`;
        await h.slack.waitFor(() => h.slack.filesIn(channel).some((f) => f.name.endsWith('.md') && f.bytes), 10_000);
        const md = h.slack.filesIn(channel).find((f) => f.name.endsWith('.md'))!;
        file = { name: md.name, text: new TextDecoder().decode(md.bytes!) };
        expect(pngsTo(h, lee)).toContain('send-digest-compliance-completion-2026-11-30.png');
      }
      expect(file.name).toBe('send-digest-2026-11-30.md');
      expect(file.text).toContain('# Weekly SEND digest: Oak Trust');
      expect(file.text).toContain('## Compliance check\\-ins');
      expect(file.text).toContain('| Started | 1 |');
      expect(file.text).toContain('| Not started | 1 |');
      expect(file.text).not.toContain('Private note from Oak');
    });

    it('delivers on Monday at 08:00 in term to subscribers only, once', async () => {
      await mondayTick(h, clock, '2026-12-07');
      const toTess = digestsTo(h, platform, tess);
      expect(toTess).toHaveLength(2); // the on-demand one and this week's
      expect(plain(toTess.slice(-1))).toContain('Week of 7 December 2026');
      expect(digestsTo(h, platform, lee)).toHaveLength(1); // only the on-demand one
      expect(digestsTo(h, platform, ann)).toHaveLength(0);
      // Teams draws the chart in the card (with a fallback); Slack gets it as a PNG beside the message.
      if (platform === 'teams') expect(toTess.at(-1)).toContain('Chart.Donut');
      else expect(pngsTo(h, tess).length).toBe(2);

      clock.advance(60_000);
      await h.bot.scheduler.runOnce();
      expect(digestsTo(h, platform, tess)).toHaveLength(2);
    });

    it('subscribes and unsubscribes in one tap or by command', async () => {
      expect(plain(await press(h, platform, lee, 'digest.subscribe'))).toContain(
        'You will get the weekly digest Mondays at 08:00, in term time',
      );
      expect(plain(await send(h, platform, tess, 'digest unsubscribe'))).toContain('You will no longer get the weekly digest');
      const forTess = await send(h, platform, tess, 'digest');
      expect(buttonData(forTess, 'digest.subscribe')).toEqual({});

      await mondayTick(h, clock, '2026-12-14');
      const toLee = digestsTo(h, platform, lee);
      expect(toLee).toHaveLength(2);
      expect(plain(toLee.slice(-1))).toContain('Week of 14 December 2026');
      // Week-on-week change from last Monday's figures.
      expect(plain(toLee.slice(-1))).toContain('0 of 2 schools have finished so far (no change on last week)');
      expect(digestsTo(h, platform, tess)).toHaveLength(3); // no new one since the unsubscribe
    });

    it('skips a holiday week unless the trust asks for holiday digests', async () => {
      await mondayTick(h, clock, '2026-12-21');
      expect(digestsTo(h, platform, lee)).toHaveLength(2);

      expect(plain(await send(h, platform, tess, 'digest holidays on'))).toContain('Only the MAT SEND leader');
      expect(plain(await send(h, platform, lee, 'digest holidays on'))).toContain(
        'The weekly digest now goes Mondays at 08:00, in holidays too',
      );
      await mondayTick(h, clock, '2026-12-28');
      expect(digestsTo(h, platform, lee)).toHaveLength(3);
      expect(plain(digestsTo(h, platform, lee).slice(-1))).toContain('Week of 28 December 2026');
    });

    it('moves the digest to another day and refuses a rule it cannot read', async () => {
      expect(plain(await send(h, platform, lee, 'digest schedule fortnightly'))).toContain('I could not read that');
      expect(plain(await send(h, platform, lee, 'digest schedule Mondays and Fridays at 08:00'))).toContain('once a week');
      expect(plain(await send(h, platform, lee, 'digest schedule Fridays at 16:00'))).toContain('Fridays at 16:00');
      await mondayTick(h, clock, '2027-01-04');
      expect(digestsTo(h, platform, lee)).toHaveLength(3);
      clock.set('2027-01-08T16:00:30Z');
      await h.bot.scheduler.runOnce();
      expect(digestsTo(h, platform, lee)).toHaveLength(4);
      expect(plain(digestsTo(h, platform, lee).slice(-1))).toContain('Week of 4 January 2027');
    });
  });
});
