/**
 * Issue 10, what a new user met: a trust with a linked leader, one reachable SENCO, one who has
 * never written to the bot, and a school with no SENCO. Each test holds one item of the issue,
 * over HTTP on both platforms and both databases.
 */
import type { Platform } from '../../../src/core/model';
import { buttonData, chatUser, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';

jest.setTimeout(120_000);

const platforms: Platform[] = ['teams', 'slack'];
// Tuesday 15 September 2026, 15:45 in London.
const OPENS = '2026-09-15T14:45:00Z';

describe.each(databaseKinds)('a new user over HTTP on %s', (kind) => {
  describe.each(platforms)('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(OPENS);
    let lee: ChatUser;
    let ann: ChatUser;

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      const db = h.db.prisma;
      const trust = await db.trust.create({ data: { name: 'Rowan Trust' } });
      const oak = await db.school.create({ data: { trustId: trust.id, name: 'Oak Primary', phase: 'primary' } });
      const ash = await db.school.create({ data: { trustId: trust.id, name: 'Ash Academy', phase: 'secondary' } });
      await db.school.create({ data: { trustId: trust.id, name: 'Elm Special', phase: 'special' } });
      const person = async (name: string, email: string, schoolId: string | null, role: string, profile: Record<string, unknown> = {}) => {
        const p = await db.person.create({ data: { trustId: trust.id, schoolId, name, email, ...profile } });
        await db.roleAssignment.create({ data: { trustId: trust.id, personId: p.id, role, schoolId: role === 'senco' ? schoolId : null } });
      };
      await person('Lee Leader', `lee-${platform}@rowan.org.uk`, null, 'send-leader');
      // Appointed in 2017 without the qualification: it was due by 1 September 2020.
      await person('Ann Senco', `ann-${platform}@rowan.org.uk`, oak.id, 'senco', {
        appointedOn: '2017-09-01',
        priorSencoMonths: 0,
        qualification: 'none',
      });
      // Sam has never written to the bot, and neither platform knows his email.
      await person('Sam Senco', `sam-${platform}@rowan.org.uk`, ash.id, 'senco');
      lee = chatUser(h, 'Lee Leader', `lee-${platform}@rowan.org.uk`);
      ann = chatUser(h, 'Ann Senco', `ann-${platform}@rowan.org.uk`);
      for (const who of [lee, ann]) await send(h, platform, who, 'help');
    });
    afterAll(async () => h.stop());

    it('help is grouped by job, and a SENCO sees only what a SENCO does, never setup (item 11)', async () => {
      const senco = plain(await send(h, platform, ann, 'help'));
      for (const heading of ['Set-up and roster', 'Check-ins', 'Term dates', 'Reminders', 'Your data and privacy'])
        expect(senco).toContain(heading);
      expect(senco).not.toMatch(/"setup"|setup\]|title":"setup|\*setup\*/);
      expect(senco).not.toContain('Set up a trust');
      expect(senco).not.toContain('checkin round');
      expect(senco).not.toContain('(e.g. checkin)');
      const leader = plain(await send(h, platform, lee, 'help'));
      expect(leader).toContain('checkin round start');
      expect(leader).not.toContain('Set up a trust');
      expect(leader.indexOf('Set-up and roster')).toBeLessThan(leader.lastIndexOf('school add'));
      expect(leader.indexOf('Check-ins')).toBeLessThan(leader.lastIndexOf('checkin close'));
    });

    it('suggests a command typed in the wrong order (item 13)', async () => {
      expect(plain(await send(h, platform, lee, 'round start checkin'))).toContain('Did you mean checkin round');
    });

    it('lists people and schools as facts, with no "-" for what is unknown (item 10)', async () => {
      const people = plain(await send(h, platform, lee, 'people'));
      expect(people).toContain('SENCO at Oak Primary');
      expect(people).toContain('not reachable yet');
      expect(people).not.toMatch(/"-"|: -\b|text":"-/);
      expect(people).not.toContain('Reachable on');
      const schools = plain(await send(h, platform, lee, 'schools'));
      expect(schools).toContain('Secondary');
      expect(schools).not.toMatch(/"-"|text":"-/);
      expect(schools).not.toContain('Local authority');
    });

    it('starting a round says who cannot be reached, why and what to do (item 3)', async () => {
      const preview = await send(h, platform, lee, 'checkin round start');
      expect(plain(preview)).not.toContain('planned for the next term at');
      const started = plain(await press(h, platform, lee, 'checkin.round.start', buttonData(preview, 'checkin.round.start')));
      expect(started).toContain('Invitations are on their way to 1 SENCO');
      expect(started).toContain('Sam Senco (Ash Academy): not linked to a chat account yet');
      expect(started).toContain('reach');
      await h.bot.scheduler.runOnce();
    });

    it('cancel in the middle of a check-in stops it, keeps the answers and says how to resume (item 6)', async () => {
      const card = await send(h, platform, ann, 'checkin');
      const first = buttonData(card, 'checkin.answer');
      const next = await press(
        h,
        platform,
        ann,
        'checkin.answer',
        first.v !== undefined ? first : first,
        first.v !== undefined ? {} : { value: '2026-01-01' },
      );
      expect(plain(next)).toContain('2 of 15');
      const cancelled = plain(await send(h, platform, ann, 'cancel'));
      expect(cancelled).not.toContain('There was nothing to cancel');
      expect(cancelled).toContain('your check-in (1 of 15 questions answered; those answers are saved)');
      expect(cancelled).toContain('type checkin to carry on where you left off');
      expect(plain(await send(h, platform, ann, 'cancel'))).toContain('There was nothing to cancel');
      expect(plain(await send(h, platform, ann, 'checkin'))).toContain('2 of 15');
    });

    it('the status agrees its verb with the count (item 12)', async () => {
      expect(plain(await send(h, platform, lee, 'checkin status'))).toContain('0 of 3 schools have finished.');
    });

    it('"Send reminders" never says everyone has finished while schools have not (item 2)', async () => {
      const ask = await send(h, platform, lee, 'checkin remind');
      expect(plain(ask)).toContain('Sam Senco (Ash Academy): not linked to a chat account yet');
      const sent = plain(await press(h, platform, lee, 'checkin.remind.send', buttonData(ask, 'checkin.remind.send')));
      expect(sent).not.toContain('Everyone has finished');
      expect(sent).toContain('Reminders queued for 1 SENCO.');
      expect(sent).toContain('Sam Senco (Ash Academy)');
    });

    it('close pressed twice sends the summary once; a first round has no "changes" section; overdue is its own section (items 1, 4, 5, 9)', async () => {
      const close = await send(h, platform, lee, 'checkin close');
      const first = await press(h, platform, lee, 'checkin.close.send', buttonData(close, 'checkin.close.send'));
      const summary = plain(first);
      expect(summary).toContain('Check-in summary: Autumn term 2026-27');
      expect(summary).not.toContain('since last round');
      expect(summary).toContain('Overdue (1)');
      expect(summary).toContain('Due within 60 days (0)');
      // The overdue finding is a line (block) of its own, not run into its heading.
      expect(summary).not.toMatch(/Overdue \(1\)\s*\n\s*Oak Primary/);
      expect(summary).toMatch(/Oak Primary: Ann Senco was due to hold the SENCO qualification by 1 September 2020/);
      expect(summary).toContain('is planned to open');
      const second = plain(await press(h, platform, lee, 'checkin.close.send', buttonData(close, 'checkin.close.send')));
      expect(second).toContain('is already closed and its summary has been sent');
      expect(second).not.toContain('Check-in summary');
      expect(second).not.toContain('is planned to open');
    });
  });
});

describe.each(databaseKinds)('set-up and joining as a new user on %s', (kind) => {
  describe.each(platforms)('on %s', (platform) => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(kind, {}, new FakeClock(OPENS));
    });
    afterAll(async () => h.stop());

    it('set-up pressed twice says it is done, not "Please fill in: Your work email" (item 7)', async () => {
      const jo = chatUser(h, 'Jo First', `jo-${platform}@pine.org.uk`);
      expect(plain(await send(h, platform, jo, 'setup'))).not.toContain('Your work email');
      const fields = { trustName: 'Pine Trust', name: 'Jo First' };
      expect(plain(await press(h, platform, jo, 'setup.submit', {}, fields))).toContain('is set up');
      const again = plain(await press(h, platform, jo, 'setup.submit', {}, fields));
      expect(again).not.toContain('Please fill in');
      expect(again).toContain('Pine Trust is already set up');
      expect(await h.db.prisma.trust.count()).toBe(1);
    });

    it('the join request shown to the leader labels the address "Email", not "Your work email" (item 8)', async () => {
      const kim = chatUser(h, 'Kim Newby', `kim-${platform}@pine.org.uk`);
      const before = platform === 'teams' ? h.teams.sentActivities().length : h.slack.callsTo('chat.postMessage').length;
      await send(h, platform, kim, 'hello');
      const submitted = plain(
        await press(h, platform, kim, 'join.submit', {}, { name: 'Kim Newby', school: 'none', role: 'trust-leader' }),
      );
      expect(submitted).toContain('Pine Trust');
      await h.bot.scheduler.runOnce();
      const toLeader = (
        platform === 'teams'
          ? h.teams
              .sentActivities()
              .slice(before)
              .map((a) => JSON.stringify(a.activity))
          : h.slack
              .callsTo('chat.postMessage')
              .slice(before)
              .map((b) => JSON.stringify(b))
      ).filter((text) => text.includes('join.decide'));
      expect(toLeader.length).toBeGreaterThan(0);
      expect(plain(toLeader)).toContain('Email');
      expect(plain(toLeader)).not.toContain('Your work email');
    });
  });
});
