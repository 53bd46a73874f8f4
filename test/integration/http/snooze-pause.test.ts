import { teamsBucket } from '../../../src/core/outbox-port';
import { snoozeButtons } from '../../../src/flows/nudges/snooze-buttons';
import { blockAction, bob, slashCommand } from '../../fixtures/slack/factory';
import { ann, teamsMessage, teamsSubmit } from '../../fixtures/teams/factory';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { teamsAddress } from '../../helpers/outbox-rig';

// Monday 23 November 2026, 10:00 in London.
const MONDAY = '2026-11-23T10:00:00Z';

describe.each(databaseKinds)('snooze, pause and resume over HTTP on %s', (kind) => {
  let h: Harness;
  let annId: string;
  let bobId: string;
  const clock = new FakeClock(MONDAY);

  beforeAll(async () => {
    h = await startHarness(kind, {}, clock);
    const db = h.db.prisma;
    const trust = await db.trust.create({ data: { name: 'Oak Trust' } });
    const school = await db.school.create({ data: { trustId: trust.id, name: 'Oak Primary', phase: 'primary' } });
    annId = (await db.person.create({ data: { trustId: trust.id, schoolId: school.id, name: 'Ann Example', email: 'ann@oak.sch.uk' } })).id;
    bobId = (await db.person.create({ data: { trustId: trust.id, schoolId: school.id, name: 'Bob', email: 'bob@oak.sch.uk' } })).id;
    h.teams.members.set(ann.id, { id: ann.id, name: ann.name, email: 'ann@oak.sch.uk' });
    h.slack.users.set(bob.id, { id: bob.id, name: 'bob', email: 'bob@oak.sch.uk' });
  });
  afterAll(async () => h.stop());

  /** Texts of the Teams activities sent since `before`. */
  const teamsReplies = (before: number) => h.teams.sentTexts().slice(before).join('\n');
  const slackReplies = (before: number) => h.slack.postedTexts().slice(before).join('\n');

  describe('Teams', () => {
    it('pause until a date holds every nudge until the start of that day', async () => {
      const before = h.teams.sentTexts().length;
      await h.postTeams(teamsMessage(h.teams.url, 'pause until 6 April 2027'));
      expect(teamsReplies(before)).toContain('Paused all reminders until Tuesday 6 April 2027');
      const person = await h.db.prisma.person.findUnique({ where: { id: annId } });
      expect(person?.pausedUntil).toEqual(new Date('2027-04-05T23:00:00Z'));
    });

    it('a snooze button on a delivered nudge snoozes that kind', async () => {
      // A nudge with snooze buttons, delivered by the scheduler like any proactive message.
      await h.bot.deps.outbox.enqueue([
        {
          key: 'nudge-with-buttons',
          platform: 'teams',
          target: teamsAddress(h.teams, 'a:1personal-ann'),
          content: {
            summary: 'Check-in due',
            blocks: [{ type: 'text', text: 'Your check-in is due on Friday.' }, snoozeButtons('checkin-reminder')],
          },
          bucket: teamsBucket('tenant-1'),
        },
      ]);
      const before = h.teams.sentTexts().length;
      await h.bot.scheduler.runOnce();
      expect(teamsReplies(before)).toContain('"verb":"nudge.snooze"');

      const afterNudge = h.teams.sentTexts().length;
      await h.postTeams(teamsSubmit(h.teams.url, { verb: 'nudge.snooze', kind: 'checkin-reminder', until: 'next-week' }));
      expect(teamsReplies(afterNudge)).toContain('Snoozed: checkin reminder until Monday 30 November 2026');
      const snooze = await h.db.prisma.snooze.findUnique({ where: { personId_kind: { personId: annId, kind: 'checkin-reminder' } } });
      expect(snooze?.until).toEqual(new Date('2026-11-30T00:00:00Z'));
    });

    it('"snooze" offers a card of buttons', async () => {
      const before = h.teams.sentTexts().length;
      await h.postTeams(teamsMessage(h.teams.url, 'snooze'));
      const card = teamsReplies(before);
      expect(card).toContain('Which reminders would you like to snooze?');
      expect(card).toContain('"verb":"nudge.snooze"');
    });

    it('resume clears the pause and the snoozes', async () => {
      const before = h.teams.sentTexts().length;
      await h.postTeams(teamsMessage(h.teams.url, 'resume'));
      expect(teamsReplies(before)).toContain('Reminders are back on');
      expect((await h.db.prisma.person.findUnique({ where: { id: annId } }))?.pausedUntil).toBeNull();
      expect(await h.db.prisma.snooze.count({ where: { personId: annId } })).toBe(0);
    });
  });

  describe('Slack', () => {
    it('a snooze button press snoozes that kind until tomorrow', async () => {
      const before = h.slack.postedTexts().length;
      await h.postSlack(blockAction('nudge.snooze', { kind: 'digest', until: 'tomorrow' }), 'application/x-www-form-urlencoded');
      await h.slack.waitFor(() => h.slack.postedTexts().length > before);
      expect(slackReplies(before)).toContain('Snoozed: digest until Tuesday 24 November 2026');
      const snooze = await h.db.prisma.snooze.findUnique({ where: { personId_kind: { personId: bobId, kind: 'digest' } } });
      expect(snooze?.until).toEqual(new Date('2026-11-24T00:00:00Z'));
    });

    it('/senco pause until a date, then resume', async () => {
      let before = h.slack.postedTexts().length;
      await h.postSlack(slashCommand('pause until 06/04/2027'), 'application/x-www-form-urlencoded');
      await h.slack.waitFor(() => h.slack.postedTexts().length > before);
      expect(slackReplies(before)).toContain('Paused all reminders until Tuesday 6 April 2027');
      before = h.slack.postedTexts().length;
      await h.postSlack(slashCommand('resume'), 'application/x-www-form-urlencoded');
      await h.slack.waitFor(() => h.slack.postedTexts().length > before);
      expect(slackReplies(before)).toContain('Reminders are back on');
      expect((await h.db.prisma.person.findUnique({ where: { id: bobId } }))?.pausedUntil).toBeNull();
    });
  });
});
