import { defaultAcademicYear } from '../../../src/calendar/default-pattern';
import { PrismaNudgePreferences } from '../../../src/db/nudge-preferences';
import type { FakeSlackApi } from '../../fakes/fake-slack-api';
import type { FakeTeamsConnector } from '../../fakes/fake-teams-connector';
import { databaseKinds, type TestDatabase } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { outboxFor, seedPerson, teamsEntry, testScheduler, startDeliveryRig, type DeliveryRig } from '../../helpers/outbox-rig';

describe.each(databaseKinds)('quiet hours, snooze and pause at send time on %s', (kind) => {
  let db: TestDatabase;
  let teams: FakeTeamsConnector;
  let slack: FakeSlackApi;

  let rig: DeliveryRig;

  beforeAll(async () => {
    rig = await startDeliveryRig(kind);
    ({ db, teams, slack } = rig);
  });
  afterAll(() => rig.stop());

  const row = (key: string) => outboxFor(db.prisma, new FakeClock(0)).get(key);

  it('holds a Saturday nudge to Monday 08:00 London, then sends it', async () => {
    const { person } = await seedPerson(db.prisma, 'Sat');
    const clock = new FakeClock('2026-11-28T10:00:00Z');
    await outboxFor(db.prisma, clock).enqueue([teamsEntry(teams, 'sat-nudge', { personId: person.id, kind: 'checkin-reminder' })]);
    const scheduler = testScheduler(db.prisma, clock, teams, slack);
    expect((await scheduler.runOnce()).delivery.held).toBe(1);
    expect(await row('sat-nudge')).toMatchObject({
      status: 'held',
      notBefore: new Date('2026-11-30T08:00:00Z'),
      lastError: 'held: quiet-hours',
      attempts: 0,
    });
    clock.set('2026-11-30T08:00:00Z');
    await scheduler.runOnce();
    expect(await row('sat-nudge')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('sends messages that are not nudges at any hour', async () => {
    const clock = new FakeClock('2026-11-28T22:00:00Z');
    await outboxFor(db.prisma, clock).enqueue([teamsEntry(teams, 'reply-late')]);
    await testScheduler(db.prisma, clock, teams, slack).runOnce();
    expect(await row('reply-late')).toMatchObject({ status: 'sent' });
  });

  it("follows the school's own term dates: an INSET day in its override holds the nudge a day", async () => {
    const { person, trust, school } = await seedPerson(db.prisma, 'Inset');
    const year = defaultAcademicYear(2026);
    await db.prisma.academicYearDates.create({ data: { trustId: trust.id, label: year.label, dates: year as object } });
    await db.prisma.academicYearDates.create({
      data: { trustId: trust.id, schoolId: school.id, label: year.label, dates: { ...year, insetDays: ['2026-11-30'] } as object },
    });
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    await outboxFor(db.prisma, clock).enqueue([teamsEntry(teams, 'inset-nudge', { personId: person.id, kind: 'digest' })]);
    await testScheduler(db.prisma, clock, teams, slack).runOnce();
    expect(await row('inset-nudge')).toMatchObject({ status: 'held', notBefore: new Date('2026-12-01T08:00:00Z') });
  });

  it('respects a snooze set after the nudge was queued, for that kind only', async () => {
    const { person } = await seedPerson(db.prisma, 'Snoozer');
    const clock = new FakeClock('2026-11-24T10:00:00Z');
    await outboxFor(db.prisma, clock).enqueue([
      teamsEntry(teams, 'snoozed-kind', { personId: person.id, kind: 'checkin-reminder' }),
      teamsEntry(teams, 'other-kind', { personId: person.id, kind: 'digest' }),
    ]);
    await new PrismaNudgePreferences(db.prisma).snooze(person.id, 'checkin-reminder', new Date('2026-11-30T00:00:00Z'));
    await testScheduler(db.prisma, clock, teams, slack).runOnce();
    expect(await row('snoozed-kind')).toMatchObject({
      status: 'held',
      notBefore: new Date('2026-11-30T08:00:00Z'),
      lastError: 'held: snoozed',
    });
    expect(await row('other-kind')).toMatchObject({ status: 'sent' });
  });

  it('holds everything while paused; resume releases held nudges, quiet hours still apply', async () => {
    const { person } = await seedPerson(db.prisma, 'Pauser');
    const prefs = new PrismaNudgePreferences(db.prisma);
    const clock = new FakeClock('2026-11-24T10:00:00Z');
    await prefs.pause(person.id, new Date('2027-01-11T00:00:00Z'));
    await prefs.snooze(person.id, 'digest', new Date('2026-11-26T00:00:00Z'));
    await outboxFor(db.prisma, clock).enqueue([teamsEntry(teams, 'paused-nudge', { personId: person.id, kind: 'digest' })]);
    const scheduler = testScheduler(db.prisma, clock, teams, slack);
    await scheduler.runOnce();
    expect(await row('paused-nudge')).toMatchObject({
      status: 'held',
      notBefore: new Date('2027-01-11T08:00:00Z'),
      lastError: 'held: paused',
    });

    clock.set('2026-11-24T18:30:00Z');
    expect(await prefs.resume(person.id, clock.now())).toEqual({ wasPaused: true, snoozesCleared: 1 });
    expect(await outboxFor(db.prisma, clock).releaseHeld(person.id, clock.now())).toBe(1);
    await scheduler.runOnce();
    expect(await row('paused-nudge')).toMatchObject({
      status: 'held',
      notBefore: new Date('2026-11-25T08:00:00Z'),
      lastError: 'held: quiet-hours',
    });
  });

  it('cancels nudges to someone erased from the roster without sending', async () => {
    const { person } = await seedPerson(db.prisma, 'Erased');
    await db.prisma.person.update({ where: { id: person.id }, data: { erasedAt: new Date() } });
    const clock = new FakeClock('2026-11-24T10:00:00Z');
    await outboxFor(db.prisma, clock).enqueue([teamsEntry(teams, 'erased-nudge', { personId: person.id, kind: 'digest' })]);
    await testScheduler(db.prisma, clock, teams, slack).runOnce();
    expect(await row('erased-nudge')).toMatchObject({ status: 'failed', attempts: 0, lastError: 'recipient is no longer on the roster' });
  });
});
