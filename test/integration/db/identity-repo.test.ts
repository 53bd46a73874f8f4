import { PrismaIdentityRepo } from '../../../src/db/identity-repo';
import { inbound } from '../../fixtures/events';
import { FakeClock } from '../../helpers/fake-clock';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases';

describe.each(databaseKinds)('PrismaIdentityRepo on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db.destroy());

  // Far from today's date, so a time taken from anywhere but the clock shows.
  const clock = new FakeClock('2031-02-03T10:00:00Z');
  const stored = async (userId: string) =>
    await db.prisma.chatIdentity.findFirstOrThrow({ where: { userId }, select: { conversationRef: true, personId: true } });

  it('keeps the 1:1 chat address when the person later writes in a channel', async () => {
    const repo = new PrismaIdentityRepo(db.prisma, clock);
    const direct = { kind: 'reference', reference: { conversation: { id: 'a:1to1' } } };
    const channel = { kind: 'member', serviceUrl: 'https://x/', tenantId: 't1', memberId: '29:u', channelId: 'msteams' };
    await repo.resolve(inbound({ userId: 'keep', direct: true, address: direct }));
    await repo.resolve(inbound({ userId: 'keep', direct: false, address: channel }));
    expect((await stored('keep')).conversationRef).toEqual(direct);
  });

  it('records a channel address first, and replaces it once the person writes 1:1', async () => {
    const repo = new PrismaIdentityRepo(db.prisma, clock);
    const channel = { kind: 'member', serviceUrl: 'https://x/', tenantId: 't1', memberId: '29:v', channelId: 'msteams' };
    const direct = { kind: 'reference', reference: { conversation: { id: 'a:1to1-v' } } };
    await repo.resolve(inbound({ userId: 'upgrade', direct: false, address: channel }));
    expect((await stored('upgrade')).conversationRef).toEqual(channel);
    await repo.resolve(inbound({ userId: 'upgrade', direct: true, address: direct }));
    expect((await stored('upgrade')).conversationRef).toEqual(direct);
  });

  it('links by email to exactly one live person, case-insensitively', async () => {
    const trust = await db.prisma.trust.create({ data: { name: `Identity ${kind}` } });
    const person = await db.prisma.person.create({ data: { trustId: trust.id, name: 'Cara', email: 'cara@elm.sch.uk' } });
    await db.prisma.roleAssignment.create({ data: { trustId: trust.id, personId: person.id, role: 'send-leader' } });
    const actor = await new PrismaIdentityRepo(db.prisma, clock).resolve(inbound({ userId: 'cara', email: 'Cara@Elm.sch.uk' }));
    expect(actor).toMatchObject({ personId: person.id, trustId: trust.id, roles: [{ role: 'send-leader', schoolId: null }] });
    expect((await stored('cara')).personId).toBe(person.id);
  });

  it('stamps first contact and last seen with the injected clock, not the database server', async () => {
    const repo = new PrismaIdentityRepo(db.prisma, clock);
    await repo.resolve(inbound({ userId: 'timed' }));
    clock.advance(60_000);
    await repo.resolve(inbound({ userId: 'timed' }));
    const row = await db.prisma.chatIdentity.findFirstOrThrow({
      where: { userId: 'timed' },
      select: { createdAt: true, lastSeenAt: true },
    });
    expect(row.createdAt.toISOString()).toBe('2031-02-03T10:00:00.000Z');
    expect(row.lastSeenAt.toISOString()).toBe('2031-02-03T10:01:00.000Z');
  });

  it('writes a known identity only when something changed, and last seen at most once a minute', async () => {
    const repo = new PrismaIdentityRepo(db.prisma, clock);
    const address = (activityId: string) => ({ kind: 'reference', reference: { activityId, conversation: { id: 'a:1to1-w' } } });
    const row = () =>
      db.prisma.chatIdentity.findFirstOrThrow({
        where: { userId: 'quiet' },
        select: { lastSeenAt: true, displayName: true, conversationRef: true },
      });
    await repo.resolve(inbound({ userId: 'quiet', userName: 'Wyn', address: address('1') }));
    const first = (await row()).lastSeenAt.toISOString();
    clock.advance(30_000);
    await repo.resolve(inbound({ userId: 'quiet', userName: 'Wyn', address: address('2') }));
    expect((await row()).lastSeenAt.toISOString()).toBe(first);
    await repo.resolve(inbound({ userId: 'quiet', userName: 'Wyn Jones', address: address('3') }));
    expect(await row()).toMatchObject({ displayName: 'Wyn Jones', conversationRef: address('3') });
    expect((await row()).lastSeenAt.getTime()).toBe(clock.now().getTime());
    const moved = { kind: 'reference', reference: { activityId: '4', conversation: { id: 'a:1to1-moved' } } };
    await repo.resolve(inbound({ userId: 'quiet', userName: 'Wyn Jones', address: moved }));
    expect((await row()).conversationRef).toEqual(moved);
  });
});
