import { randomUUID } from 'node:crypto';
import type { PersonRecord } from '../../../src/core/roster-port';
import { PrismaApprovalRepo } from '../../../src/db/approval-repo';
import { PrismaImportStore } from '../../../src/db/import-store';
import { PrismaRosterRepo } from '../../../src/db/roster-repo';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';

/**
 * Times the roster writes are the injected clock's (one clock, whatever the real date and
 * whatever the database server thinks), and a lost race on a unique index is a 'conflict'
 * on PGlite exactly as on PostgreSQL.
 */
describe.each(databaseKinds)('roster repositories on %s', (kind) => {
  let db: TestDatabase;
  // Far from any real date this code will run on, so a time from anywhere else shows.
  const clock = new FakeClock('2031-02-03T10:00:00Z');
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db.destroy());

  const person = (trustId: string, schoolId: string, roles: PersonRecord['roles']): PersonRecord => ({
    id: randomUUID(),
    trustId,
    name: 'Ann Patel',
    email: `${randomUUID()}@oak.sch.uk`,
    schoolId,
    roles,
    preferredPlatform: null,
    archived: false,
    profile: {
      appointedOn: null,
      priorSencoMonths: null,
      qualification: null,
      qualificationStartedOn: null,
      qualificationCompletedOn: null,
      tags: [],
    },
  });

  async function trustWithSchool(name: string) {
    const repo = new PrismaRosterRepo(db.prisma, clock);
    const trustId = randomUUID();
    const schoolId = randomUUID();
    const school = {
      id: schoolId,
      trustId,
      name: 'Oak Primary',
      phase: 'primary' as const,
      localAuthority: null,
      region: null,
      hasResourceBase: false,
    };
    const written = await repo.write(trustId, { trust: { id: trustId, name }, schools: [{ ...school, archived: false }], audit: [] });
    expect(written).toEqual({ ok: true, value: undefined });
    return { repo, trustId, schoolId, school };
  }

  it('stamps created, archived, decided and audit times with the clock', async () => {
    clock.set('2031-02-03T10:00:00Z');
    const { repo, trustId, school } = await trustWithSchool(`Times ${kind}`);
    const requests = new PrismaApprovalRepo(db.prisma, clock);
    const request = (await requests.create({ trustId, kind: 'erase', identityId: null, personId: null, details: null }))!;
    expect(request.createdAt.toISOString()).toBe('2031-02-03T10:00:00.000Z');

    clock.set('2031-02-04T09:30:00Z');
    const audit = [{ trustId, actorId: null, action: 'school.archive', subject: school.id }];
    expect((await repo.write(trustId, { schools: [{ ...school, archived: true }], audit })).ok).toBe(true);
    expect(await requests.decide(trustId, request.id, 'rejected', null)).toBe(true);

    const trust = await db.prisma.trust.findUniqueOrThrow({ where: { id: trustId }, select: { createdAt: true } });
    const stored = await db.prisma.school.findUniqueOrThrow({ where: { id: school.id }, select: { createdAt: true, archivedAt: true } });
    const decided = await db.prisma.approvalRequest.findUniqueOrThrow({ where: { id: request.id }, select: { decidedAt: true } });
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { trustId, action: 'school.archive' }, select: { at: true } });
    expect(trust.createdAt.toISOString()).toBe('2031-02-03T10:00:00.000Z');
    expect(stored.createdAt.toISOString()).toBe('2031-02-03T10:00:00.000Z');
    expect(stored.archivedAt?.toISOString()).toBe('2031-02-04T09:30:00.000Z');
    expect(decided.decidedAt?.toISOString()).toBe('2031-02-04T09:30:00.000Z');
    expect(entry.at.toISOString()).toBe('2031-02-04T09:30:00.000Z');
  });

  it('expires an unconfirmed import preview by the clock', async () => {
    clock.set('2031-02-03T10:00:00Z');
    const { trustId } = await trustWithSchool(`Imports ${kind}`);
    const imports = new PrismaImportStore(db.prisma, clock);
    const id = randomUUID();
    await imports.create({ id, trustId, actorId: null, fileName: 'trust.csv', content: 'name\n', planHash: 'h', summary: {} });
    expect(await imports.expire(new Date('2031-02-03T09:59:59Z'))).toBe(0);
    clock.set('2031-02-05T08:00:00Z');
    expect(await imports.expire(new Date('2031-02-04T10:00:00Z'))).toBe(1);
    const row = await db.prisma.rosterImport.findUniqueOrThrow({
      where: { id },
      select: { createdAt: true, decidedAt: true, status: true },
    });
    expect(row).toEqual({ createdAt: new Date('2031-02-03T10:00:00Z'), decidedAt: new Date('2031-02-05T08:00:00Z'), status: 'cancelled' });
  });

  it('answers a unique-index clash its own checks missed with conflict, not a crash', async () => {
    const { repo, trustId, schoolId } = await trustWithSchool(`Race ${kind}`);
    // The same role twice for one school: only the (personId, role, schoolId) index sees it,
    // as when two writes race past the repository's own checks.
    const twice = person(trustId, schoolId, [
      { role: 'senco', schoolId },
      { role: 'senco', schoolId },
    ]);
    expect(await repo.write(trustId, { people: [twice], audit: [] })).toEqual({ ok: false, error: 'conflict' });
    expect(await db.prisma.person.count({ where: { id: twice.id } })).toBe(0);
  });
});
