import { teamsSubmit } from '../../fixtures/teams/factory';
import { buttonData, chatUser, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { PrismaCheckinRepo } from '../../../src/db/checkin-repo';

jest.setTimeout(120_000);

/** Issue 9 items 1 and 2 for check-ins: one open round per trust; reminders audited once. */
describe.each(databaseKinds)('check-in races on %s', (kind) => {
  let h: Harness;
  const clock = new FakeClock('2026-09-15T14:45:00Z');
  let lee: ChatUser;
  let trustId: string;

  beforeAll(async () => {
    h = await startHarness(kind, {}, clock);
    const db = h.db.prisma;
    trustId = (await db.trust.create({ data: { name: 'Race Birch Trust' } })).id;
    const oak = await db.school.create({ data: { trustId, name: 'Oak Primary', phase: 'primary' } });
    const elm = await db.school.create({ data: { trustId, name: 'Elm Primary', phase: 'primary' } });
    const person = async (name: string, email: string, role: string, schoolId: string | null) => {
      const p = await db.person.create({ data: { trustId, schoolId, name, email } });
      await db.roleAssignment.create({ data: { trustId, personId: p.id, role, schoolId: role === 'senco' ? schoolId : null } });
    };
    await person('Lee Leader', 'lee@racebirch.org.uk', 'send-leader', null);
    await person('Ann Senco', 'ann@racebirch.org.uk', 'senco', oak.id);
    await person('Eve Senco', 'eve@racebirch.org.uk', 'senco', elm.id);
    lee = chatUser(h, 'Lee Leader', 'lee@racebirch.org.uk');
    const ann = chatUser(h, 'Ann Senco', 'ann@racebirch.org.uk');
    const eve = chatUser(h, 'Eve Senco', 'eve@racebirch.org.uk');
    for (const who of [lee, ann, eve]) await send(h, 'teams', who, 'help');
  });
  afterAll(async () => h.stop());

  it('checkin.remind.send pressed 20 times at once queues each reminder once and audits once', async () => {
    const preview = await send(h, 'teams', lee, 'checkin round start now termly');
    await press(h, 'teams', lee, 'checkin.round.start', buttonData(preview, 'checkin.round.start'));
    await h.bot.scheduler.runOnce();
    const ask = await send(h, 'teams', lee, 'checkin remind');
    const value = { verb: 'checkin.remind.send', ...buttonData(ask, 'checkin.remind.send') };
    const results = await Promise.all(Array.from({ length: 20 }, () => h.postTeams(teamsSubmit(h.teams.url, value, lee.teams))));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await h.db.prisma.outboxMessage.count({ where: { key: { startsWith: 'checkin-reminder:' } } })).toBe(2);
    expect(await h.db.prisma.auditEntry.count({ where: { action: 'checkin.remind' } })).toBe(1);
  });

  it('opens one round per trust, however many openers race', async () => {
    const db = h.db.prisma;
    const trust = (await db.trust.create({ data: { name: 'Race Rounds Trust' } })).id;
    const round = (year: string) =>
      db.checkinRound.create({
        data: {
          trustId: trust,
          year,
          term: 'autumn',
          cadence: 'termly',
          checklistVersion: 1,
          status: 'scheduled',
          opensAt: new Date('2026-09-01T00:00:00Z'),
          closesAt: new Date('2026-12-01T00:00:00Z'),
        },
      });
    const rounds = [await round('2026-27'), await round('2027-28'), await round('2028-29')];
    const repo = new PrismaCheckinRepo(db);
    const opened = await Promise.all(rounds.map((r) => repo.openRound(trust, r.id, 1, [], new Date('2026-09-15T15:00:00Z'))));
    expect(opened.filter(Boolean)).toHaveLength(1);
    expect(await db.checkinRound.count({ where: { trustId: trust, status: 'open' } })).toBe(1);
  });
});
