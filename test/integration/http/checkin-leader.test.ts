/**
 * The leader's check-in controls and the edges around a round, over HTTP (Teams) on each
 * database: scheduling by a school day and time, cancelling, previews, refusals by role,
 * checklist mistakes, and a reminder held by the SENCO's snooze.
 */
import { buttonData, chatUser, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';

jest.setTimeout(60_000);

// Saturday 12 September 2026, 10:00 in London.
const SATURDAY = '2026-09-12T09:00:00Z';

describe.each(databaseKinds)('check-in leader controls over HTTP on %s', (kind) => {
  let h: Harness;
  const clock = new FakeClock(SATURDAY);
  let lee: ChatUser;
  let ann: ChatUser;
  let trustId: string;

  beforeAll(async () => {
    h = await startHarness(kind, {}, clock);
    const db = h.db.prisma;
    const trust = await db.trust.create({ data: { name: 'Birch Trust' } });
    trustId = trust.id;
    const oak = await db.school.create({ data: { trustId, name: 'Oak Primary', phase: 'primary' } });
    await db.school.create({ data: { trustId, name: 'Elm Special', phase: 'special' } });
    const person = async (name: string, email: string, role: string, schoolId: string | null) => {
      const p = await db.person.create({ data: { trustId, schoolId, name, email } });
      await db.roleAssignment.create({ data: { trustId, personId: p.id, role, schoolId: role === 'senco' ? schoolId : null } });
    };
    await person('Lee Leader', 'lee@birch.org.uk', 'send-leader', null);
    await person('Ann Senco', 'ann@birch.org.uk', 'senco', oak.id);
    lee = chatUser(h, 'Lee Leader', 'lee@birch.org.uk');
    ann = chatUser(h, 'Ann Senco', 'ann@birch.org.uk');
    for (const who of [lee, ann]) await send(h, 'teams', who, 'help');
  });
  afterAll(async () => h.stop());

  it('says plainly when there is nothing open, to SENCOs and leaders', async () => {
    expect(plain(await send(h, 'teams', ann, 'checkin'))).toContain('There is no check-in open for your school at the moment.');
    expect(plain(await send(h, 'teams', lee, 'checkin'))).toContain('There is no check-in open or scheduled');
    expect(plain(await send(h, 'teams', lee, 'checkin export'))).toContain('There are no check-in answers to export yet.');
    expect(plain(await send(h, 'teams', lee, 'checkin close'))).toContain('There is no check-in open.');
  });

  it('keeps leader commands from SENCOs', async () => {
    expect(plain(await send(h, 'teams', ann, 'checkin status'))).toContain('is for MAT SEND leaders only');
    expect(plain(await press(h, 'teams', ann, 'checkin.round.start', { cadence: 'termly', rule: '' }))).toContain(
      'is for MAT SEND leaders only',
    );
    expect(await h.db.prisma.checkinRound.count({ where: { trustId } })).toBe(0);
  });

  it('previews what a school would be asked', async () => {
    const oak = plain(await send(h, 'teams', lee, 'checkin preview oak primary'));
    expect(oak).toContain('What Oak Primary would be asked: Autumn term 2026-27');
    expect(oak).toMatch(/15\. (\*\*)?SEND governance/);
    expect(plain(await send(h, 'teams', lee, 'checkin preview Elm Special'))).toContain('Elm Special has no SENCO on the roster');
    expect(plain(await send(h, 'teams', lee, 'checkin preview Nowhere'))).toContain('I could not find a school called "Nowhere"');
  });

  it('schedules a half-termly round by a school day and time, and can cancel it before it opens', async () => {
    expect(plain(await send(h, 'teams', lee, 'checkin round start Funday 9'))).toContain('I could not read that schedule');
    const preview = await send(h, 'teams', lee, 'checkin round start Tuesday 15:45 half-termly');
    expect(plain(preview)).toContain('Start the Autumn term 2026-27, first half check-in?');
    expect(plain(preview)).toContain('Opens Tuesday 15 September 2026 at 15:45, closes Tuesday 29 September 2026 at 17:00.');
    const scheduled = await press(h, 'teams', lee, 'checkin.round.start', buttonData(preview, 'checkin.round.start'));
    expect(plain(scheduled)).toContain('will open Tuesday 15 September 2026 at 15:45');
    expect(await h.db.prisma.checkinSettings.findUnique({ where: { trustId } })).toMatchObject({
      cadence: 'half-termly',
      rule: 'Tuesday 15:45',
    });
    expect(plain(await send(h, 'teams', lee, 'checkin status'))).toContain('Autumn term 2026-27, first half check-in: scheduled');
    expect(plain(await send(h, 'teams', lee, 'checkin round cancel'))).toContain('is cancelled');
    expect(await h.db.prisma.checkinRound.count({ where: { trustId } })).toBe(0);
  });

  it('points out checklist mistakes without making a version', async () => {
    expect(plain(await send(h, 'teams', lee, 'checklist off nope'))).toContain('There is no item "nope"');
    expect(plain(await send(h, 'teams', lee, 'checklist reword sen-policy'))).toContain('Please give the new question');
    expect(plain(await send(h, 'teams', lee, 'checklist frobnicate'))).toMatch(/to see it, or (\*\*)?checklist off/);
    // Version 1 (the default) was stored when the first round was planned; no new version was made.
    expect(await h.db.prisma.checklistVersion.count({ where: { trustId, version: { gt: 1 } } })).toBe(0);
  });

  it('holds a reminder while the SENCO has snoozed check-in reminders', async () => {
    clock.set('2026-09-15T14:45:00Z');
    const preview = await send(h, 'teams', lee, 'checkin round start now termly');
    await press(h, 'teams', lee, 'checkin.round.start', buttonData(preview, 'checkin.round.start'));
    await h.bot.scheduler.runOnce();
    // Ann snoozes check-in reminders until next week (Monday 21 September).
    expect(plain(await press(h, 'teams', ann, 'nudge.snooze', { kind: 'checkin-reminder', until: 'next-week' }))).toContain(
      'Snoozed: checkin reminder',
    );
    const sent = h.teams.sentActivities().length;
    const ask = await send(h, 'teams', lee, 'checkin remind');
    expect(plain(await press(h, 'teams', lee, 'checkin.remind.send', buttonData(ask, 'checkin.remind.send')))).toContain(
      'Reminders queued for 1 SENCO.',
    );
    await h.bot.scheduler.runOnce();
    const toAnn = h.teams
      .sentActivities()
      .slice(sent)
      .filter((a) => a.conversationId === `a:1personal-${ann.teams.id}`);
    expect(toAnn).toHaveLength(0);
    const row = await h.db.prisma.outboxMessage.findFirst({ where: { key: { startsWith: 'checkin-reminder:' } } });
    expect(row).toMatchObject({ status: 'held', kind: 'checkin-reminder' });
    expect(row!.notBefore >= new Date('2026-09-21T07:00:00Z')).toBe(true);
  });
});
