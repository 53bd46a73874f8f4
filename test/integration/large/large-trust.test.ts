/**
 * A trust of 120 schools and 600 people, on both platforms and both databases, against the
 * strict fakes (Slack's block limits, Teams' 28 KB and Adaptive Cards 1.5): every leader and
 * SENCO command's reply is accepted, lists say what they show and how to see the rest, pickers
 * never offer more than 100 choices, and names with `& < > * _` arrive as written.
 */
import type { Platform } from '../../../src/core/model';
import { buttonData, buttons, plain, press as pressRaw, send as sendRaw, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { seedLargeTrust, type LargeTrust } from '../../helpers/large-trust';
import { measure, recordMetrics } from '../../helpers/payload-metrics';

jest.setTimeout(180_000);

const platforms: Platform[] = ['teams', 'slack'];
// Tuesday 15 September 2026, 15:45 in London: a school day.
const TUESDAY = '2026-09-15T14:45:00Z';

/** Most options in any Slack static_select or Teams Input.ChoiceSet in the replies. */
function maxChoices(replies: string[]): number {
  let max = 0;
  const walk = (node: unknown): void => {
    if (typeof node === 'string' && /^[[{]/.test(node)) {
      try {
        return walk(JSON.parse(node));
      } catch {
        return;
      }
    }
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.options) && o.type === 'static_select') max = Math.max(max, o.options.length);
    if (Array.isArray(o.choices)) max = Math.max(max, o.choices.length);
    Object.values(o).forEach(walk);
  };
  replies.forEach(walk);
  return max;
}

/** Every reply is measured: people's text never unescaped (and sizes kept for `npm run bench:large`). */
function checked(command: string, platform: Platform, replies: string[]): string[] {
  const metrics = measure(platform, replies);
  recordMetrics(command, platform, metrics);
  expect({ command, unescaped: metrics.unescaped }).toEqual({ command, unescaped: 0 });
  return replies;
}

async function send(h: Harness, platform: Platform, who: ChatUser, text: string): Promise<string[]> {
  return checked(text.split(' ').slice(0, 3).join(' '), platform, await sendRaw(h, platform, who, text));
}

async function press(
  h: Harness,
  platform: Platform,
  who: ChatUser,
  verb: string,
  data: Record<string, string> = {},
  fields: Record<string, string> = {},
): Promise<string[]> {
  return checked(verb, platform, await pressRaw(h, platform, who, verb, data, fields));
}

describe.each(databaseKinds)('a trust of 120 schools and 600 people on %s', (kind) => {
  let h: Harness;
  let trust: LargeTrust;
  const clock = new FakeClock(TUESDAY);

  beforeAll(async () => {
    h = await startHarness(kind, {}, clock);
    trust = await seedLargeTrust(h);
  });
  afterEach(() => {
    // What real Slack or Teams would have refused, named here rather than only at teardown.
    expect(h.slack.refused.map((r) => r.refusal)).toEqual([]);
    expect(h.teams.refused.map((r) => r.refusal)).toEqual([]);
  });
  afterAll(async () => h.stop());

  describe.each(platforms)('%s', (platform) => {
    it('help and schools: the first page says so, Show more gives the next, part of a name jumps to a school', async () => {
      expect(plain(await send(h, platform, trust.leader, 'help'))).toContain('schools');
      const first = await send(h, platform, trust.leader, 'schools');
      expect(plain(first)).toContain('Showing 1–25 of 120.');
      expect(plain(first)).toContain('Ashgrove Academy 102');
      const more = buttonData(first, 'schools.page');
      expect(more.offset).toBe('25');
      const second = await press(h, platform, trust.leader, 'schools.page', more);
      expect(plain(second)).toContain('Showing 26–50 of 120.');
      const last = await press(h, platform, trust.leader, 'schools.page', { ...more, offset: '100' });
      expect(plain(last)).toContain('Showing 101–120 of 120.');
      expect(buttons(last).some((b) => b.verb === 'schools.page')).toBe(false);

      const jump = await send(h, platform, trust.leader, 'schools star');
      expect(plain(jump)).not.toContain('Showing');
      expect(plain(jump)).toContain('Star');
      expect(plain(jump)).not.toContain('Ashgrove');
    });

    it('people: paged, with a school search instead of a 120-option menu', async () => {
      const first = await send(h, platform, trust.leader, 'people');
      // 600, and one more for each platform's person add test that ran before.
      expect(plain(first)).toMatch(/Showing 1–25 of 60[0-2]\./);
      expect(maxChoices(first)).toBe(0);
      expect(buttonData(first, 'people.page')).toEqual({ schoolId: '', offset: '25' });
      const page = await press(h, platform, trust.leader, 'people.page', { schoolId: '', offset: '575' });
      expect(plain(page)).toMatch(/Showing 576–600 of 60[0-2]\./);
      const oneSchool = await press(h, platform, trust.leader, 'people.school', {}, { schoolId: 'st mary' });
      expect(plain(oneSchool)).toContain('Amira Shah');
      expect(plain(await send(h, platform, trust.leader, 'people Oakfield'))).toMatch(/schools match "Oakfield"/);
    });

    it('person add and school edit: pickers never offer more than 100 choices', async () => {
      const form = await send(h, platform, trust.leader, 'person add');
      expect(maxChoices(form)).toBeLessThanOrEqual(100);
      expect(plain(form)).toContain('type part of its name');
      const email = `new.${platform}@large.org.uk`;
      const saved = await press(
        h,
        platform,
        trust.leader,
        'person.save',
        {},
        { name: `New ${platform}`, email, role: 'senco', admin: 'no', schoolId: 'under_score' },
      );
      expect(plain(saved)).toContain(`New ${platform}`);
      const person = await h.db.prisma.person.findFirstOrThrow({ where: { email } });
      expect(person.schoolId).toBe(trust.schools[1]!.id);

      const chooser = await send(h, platform, trust.leader, 'school edit');
      expect(maxChoices(chooser)).toBe(0);
      const narrowed = await press(h, platform, trust.leader, 'school.pick', { intent: 'edit' }, { schoolId: 'Rowan' });
      expect(plain(narrowed)).toMatch(/\d+ match "Rowan"/);
      expect(maxChoices(narrowed)).toBeGreaterThan(1);
      const editForm = await send(h, platform, trust.leader, 'school edit star');
      expect(buttonData(editForm, 'school.save')).toEqual({ schoolId: trust.schools[1]!.id });
    });

    it('names with & < > * _ arrive escaped for the platform, never as markup', async () => {
      const text = [
        ...(await send(h, platform, trust.leader, 'schools st mary')),
        ...(await send(h, platform, trust.leader, 'schools star')),
      ].join('\n');
      if (platform === 'slack') {
        expect(text).toContain('St Mary &amp; St Joseph &lt;RC&gt; Primary');
        expect(text).toContain('Large &amp; &lt;Learning&gt; Trust');
        expect(text).toContain('Under\u200b_\u200bscore \u200b*\u200bStar\u200b*\u200b Academy');
        expect(text).not.toContain('<RC>');
      } else {
        expect(text).toContain('St Mary & St Joseph \\\\<RC\\\\> Primary');
        expect(text).toContain('Under\\\\_score \\\\*Star\\\\* Academy');
      }
      const help = (await send(h, platform, trust.leader, 'help')).join('\n');
      expect(help).not.toMatch(/[^\\]<(command|name|email|date)>/);
    });

    it('checkin round start, status, the closing summary and export fit, paged', async () => {
      clock.set(TUESDAY);
      const preview = await send(h, platform, trust.leader, 'checkin round start now termly');
      const started = await press(h, platform, trust.leader, 'checkin.round.start', buttonData(preview, 'checkin.round.start'));
      expect(plain(started).length).toBeGreaterThan(0);
      await h.bot.scheduler.runOnce();
      const status = await send(h, platform, trust.leader, 'checkin status');
      expect(plain(status)).toContain('Showing 1–25 of 120.');
      const next = await press(h, platform, trust.leader, 'checkin.status.page', buttonData(status, 'checkin.status.page'));
      expect(plain(next)).toContain('Showing 26–50 of 120.');

      const ask = await send(h, platform, trust.leader, 'checkin close');
      const closed = await press(h, platform, trust.leader, 'checkin.close.send', buttonData(ask, 'checkin.close.send'));
      await h.bot.scheduler.runOnce();
      expect(plain(closed)).toContain('Type checkin status to see every school.');
      expect(plain(await send(h, platform, trust.leader, 'checkin export')).length).toBeGreaterThan(0);
      await h.db.prisma.checkinRound.deleteMany({ where: { trustId: trust.trustId } });
    });
  });
});
