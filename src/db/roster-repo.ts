import type { Prisma } from '@prisma/client';
import type { Person, School, Trust } from '../core/model';
import type { Clock } from '../core/ports';
import type { PersonRecord, RosterRepo, RosterWrite, WriteError } from '../core/roster-port';
import { fail, ok, type Result } from '../core/result';
import type { Db } from './database';
import { lockKey } from './locks';
import { personSelect, schoolSelect, toPerson, toSchool } from './roster-mapping';
import { isUniqueViolation } from './unique-violation';

type Tx = Prisma.TransactionClient;

/** Thrown inside a transaction to roll it back with an expected outcome. */
class Abort extends Error {
  constructor(readonly reason: WriteError) {
    super(reason);
  }
}

/**
 * Trusts, schools and people in the database. Every query is filtered by trust. Every time
 * written (created, decided, archived) is the injected clock's, one `now` per write.
 */
export class PrismaRosterRepo implements RosterRepo {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async listTrusts(): Promise<Trust[]> {
    return this.db.trust.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } });
  }

  async getTrust(id: string): Promise<Trust | null> {
    return this.db.trust.findUnique({ where: { id }, select: { id: true, name: true } });
  }

  async findTrustByName(name: string): Promise<Trust | null> {
    return this.db.trust.findFirst({ where: { name: { equals: name.trim(), mode: 'insensitive' } }, select: { id: true, name: true } });
  }

  async listSchools(trustId: string, options: { includeArchived?: boolean } = {}): Promise<School[]> {
    const rows = await this.db.school.findMany({
      where: { trustId, ...(options.includeArchived ? {} : { archivedAt: null }) },
      select: schoolSelect,
      orderBy: { name: 'asc' },
    });
    return rows.map(toSchool);
  }

  async getSchool(trustId: string, id: string): Promise<School | null> {
    const row = await this.db.school.findFirst({ where: { id, trustId }, select: schoolSelect });
    return row ? toSchool(row) : null;
  }

  async findSchoolByName(trustId: string, name: string): Promise<School | null> {
    const row = await this.db.school.findFirst({
      where: { trustId, name: { equals: name.trim(), mode: 'insensitive' } },
      select: schoolSelect,
    });
    return row ? toSchool(row) : null;
  }

  async listPeople(trustId: string, options: { schoolId?: string; includeArchived?: boolean } = {}): Promise<Person[]> {
    const rows = await this.db.person.findMany({
      where: {
        trustId,
        erasedAt: null,
        ...(options.includeArchived ? {} : { archivedAt: null }),
        ...(options.schoolId ? { schoolId: options.schoolId } : {}),
      },
      select: personSelect,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toPerson);
  }

  async getPerson(trustId: string, id: string): Promise<Person | null> {
    const row = await this.db.person.findFirst({ where: { id, trustId, erasedAt: null }, select: personSelect });
    return row ? toPerson(row) : null;
  }

  async findPersonByEmail(trustId: string, email: string): Promise<Person | null> {
    const row = await this.db.person.findFirst({
      where: { trustId, email: email.trim().toLowerCase(), erasedAt: null },
      select: personSelect,
    });
    return row ? toPerson(row) : null;
  }

  async emailHolder(email: string): Promise<{ trustId: string; personId: string } | null> {
    const row = await this.db.person.findFirst({
      where: { email: email.trim().toLowerCase(), erasedAt: null, archivedAt: null },
      select: { id: true, trustId: true },
      orderBy: { createdAt: 'asc' },
    });
    return row ? { trustId: row.trustId, personId: row.id } : null;
  }

  async write(trustId: string, w: RosterWrite): Promise<Result<void, WriteError>> {
    const now = this.clock.now();
    try {
      await this.db.$transaction(
        async (tx) => {
          // Roster writes of one trust queue behind each other, so rules read here (names,
          // last leader) see every earlier write; a new trust also takes the installation's lock.
          if (w.trust) await lockKey(tx, 'trusts');
          await lockKey(tx, `trust:${trustId}`);
          const leadsBefore = w.people?.length ? await countLeads(tx, trustId) : null;
          if (w.decide) await decide(tx, trustId, w.decide, now);
          if (w.importApplied) await markApplied(tx, trustId, w.importApplied, now);
          if (w.trust) await createTrust(tx, trustId, w.trust, now);
          for (const school of w.schools ?? []) await writeSchool(tx, trustId, school, now);
          for (const person of w.people ?? []) await writePerson(tx, trustId, person, now);
          for (const link of w.links ?? []) await linkIdentity(tx, trustId, link);
          if (w.linkByEmail) await linkByEmail(tx, w.people ?? []);
          if (leadsBefore) await keepLeads(tx, trustId, leadsBefore);
          if (w.audit.length) {
            await tx.auditEntry.createMany({
              data: w.audit.map((a) => ({
                trustId: a.trustId,
                actorId: a.actorId,
                action: a.action,
                subject: a.subject ?? null,
                details: (a.details ?? undefined) as Prisma.InputJsonValue | undefined,
                at: now,
              })),
            });
          }
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
      return ok(undefined);
    } catch (error) {
      if (error instanceof Abort) return fail(error.reason);
      // A unique index won a race that our own checks lost: report it, do not crash (on
      // PGlite as on PostgreSQL: the codes differ, see unique-violation.ts).
      if (isUniqueViolation(error)) return fail('conflict');
      throw error;
    }
  }
}

interface Leads {
  /** Active people holding send-leader or admin. */
  leads: number;
  admins: number;
}

async function countLeads(tx: Tx, trustId: string): Promise<Leads> {
  const active = { trustId, person: { archivedAt: null, erasedAt: null } };
  const [leads, admins] = await Promise.all([
    tx.person.count({ where: { trustId, archivedAt: null, erasedAt: null, roles: { some: { role: { in: ['send-leader', 'admin'] } } } } }),
    tx.roleAssignment.findMany({ where: { ...active, role: 'admin' }, distinct: ['personId'], select: { personId: true } }),
  ]);
  return { leads, admins: admins.length };
}

/**
 * The trust keeps a SEND leader and an admin: checked after the write, under the trust's
 * lock, so two leaders archiving each other at once cannot both succeed.
 */
async function keepLeads(tx: Tx, trustId: string, before: Leads): Promise<void> {
  const after = await countLeads(tx, trustId);
  if ((before.leads > 0 && after.leads === 0) || (before.admins > 0 && after.admins === 0)) throw new Abort('last-leader');
}

async function decide(tx: Tx, trustId: string, d: NonNullable<RosterWrite['decide']>, now: Date): Promise<void> {
  const done = await tx.approvalRequest.updateMany({
    where: { id: d.requestId, trustId, status: 'pending' },
    data: { status: d.status, decidedById: d.deciderId, decidedAt: now, data: {} },
  });
  if (done.count !== 1) throw new Abort('conflict');
}

async function markApplied(tx: Tx, trustId: string, importId: string, now: Date): Promise<void> {
  const done = await tx.rosterImport.updateMany({
    where: { id: importId, trustId, status: 'previewed' },
    data: { status: 'applied', content: null, decidedAt: now },
  });
  if (done.count !== 1) throw new Abort('conflict');
}

async function createTrust(tx: Tx, trustId: string, trust: NonNullable<RosterWrite['trust']>, now: Date): Promise<void> {
  if (trust.id !== trustId) throw new Error('trust id does not match the write');
  // Under the installation's lock (and backed by a unique index on lower(name)).
  if (trust.onlyIfFirst && (await tx.trust.count()) > 0) throw new Abort('not-first');
  const clash = await tx.trust.findFirst({ where: { name: { equals: trust.name, mode: 'insensitive' } }, select: { id: true } });
  if (clash) throw new Abort('duplicate-trust');
  try {
    await tx.trust.create({ data: { id: trust.id, name: trust.name, createdAt: now } });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw new Abort('duplicate-trust');
    throw error;
  }
}

async function writeSchool(tx: Tx, trustId: string, school: School, now: Date): Promise<void> {
  const existing = await tx.school.findUnique({ where: { id: school.id }, select: { trustId: true, archivedAt: true } });
  if (existing && existing.trustId !== trustId) throw new Abort('conflict');
  const clash = await tx.school.findFirst({
    where: { trustId, name: { equals: school.name, mode: 'insensitive' }, id: { not: school.id } },
    select: { id: true },
  });
  if (clash) throw new Abort('duplicate-school');
  const data = {
    name: school.name,
    phase: school.phase,
    localAuthority: school.localAuthority,
    region: school.region,
    hasResourceBase: school.hasResourceBase,
    // Undefined (e.g. an import without the columns) leaves the stored day as it is.
    dayStart: school.dayStart,
    dayEnd: school.dayEnd,
    archivedAt: school.archived ? (existing?.archivedAt ?? now) : null,
  };
  if (existing) await tx.school.update({ where: { id: school.id }, data });
  else await tx.school.create({ data: { id: school.id, trustId, ...data, createdAt: now } });
}

async function writePerson(tx: Tx, trustId: string, person: PersonRecord, now: Date): Promise<void> {
  const existing = await tx.person.findUnique({
    where: { id: person.id },
    select: { trustId: true, archivedAt: true, erasedAt: true, email: true },
  });
  if (existing && (existing.trustId !== trustId || existing.erasedAt)) throw new Abort('conflict');
  const email = person.email?.trim().toLowerCase() || null;
  if (email) {
    const clash = await tx.person.findFirst({ where: { trustId, email, id: { not: person.id } }, select: { id: true } });
    if (clash) throw new Abort('duplicate-email');
  }
  if (email && email !== existing?.email) {
    // An email links a chat account to one person: a live person of another trust holds
    // it first. Locked per email, so two trusts claiming it at once cannot both win.
    await lockKey(tx, `email:${email}`);
    const held = await tx.person.findFirst({
      where: { email, trustId: { not: trustId }, erasedAt: null, archivedAt: null },
      select: { id: true },
    });
    if (held) throw new Abort('email-claimed');
  }
  const schoolIds = [person.schoolId, ...person.roles.map((r) => r.schoolId)].filter((id): id is string => !!id);
  if (schoolIds.length) {
    const found = await tx.school.count({ where: { trustId, id: { in: [...new Set(schoolIds)] } } });
    if (found !== new Set(schoolIds).size) throw new Abort('conflict');
  }
  const p = person.profile;
  const data = {
    name: person.name,
    email,
    schoolId: person.schoolId,
    preferredPlatform: person.preferredPlatform,
    appointedOn: p.appointedOn,
    priorSencoMonths: p.priorSencoMonths,
    qualification: p.qualification,
    qualificationStartedOn: p.qualificationStartedOn,
    qualificationCompletedOn: p.qualificationCompletedOn,
    tags: p.tags,
    archivedAt: person.archived ? (existing?.archivedAt ?? now) : null,
  };
  if (existing) {
    await tx.person.update({ where: { id: person.id }, data });
    await tx.roleAssignment.deleteMany({ where: { personId: person.id } });
  } else {
    await tx.person.create({ data: { id: person.id, trustId, ...data, createdAt: now } });
  }
  if (person.roles.length) {
    await tx.roleAssignment.createMany({
      data: person.roles.map((r) => ({ trustId, personId: person.id, role: r.role, schoolId: r.schoolId, createdAt: now })),
    });
  }
}

async function linkIdentity(tx: Tx, trustId: string, link: { identityId: string; personId: string }): Promise<void> {
  const person = await tx.person.findFirst({ where: { id: link.personId, trustId, erasedAt: null }, select: { id: true } });
  if (!person) throw new Abort('conflict');
  await tx.chatIdentity.update({ where: { id: link.identityId }, data: { personId: link.personId } });
}

/**
 * Links chat accounts already seen (a Teams install, a lookup, someone who wrote first) to
 * people just added. Identity emails come from the platforms, never from typing.
 */
async function linkByEmail(tx: Tx, people: PersonRecord[]): Promise<void> {
  for (const person of people) {
    const email = person.email?.trim().toLowerCase();
    if (!email || person.archived) continue;
    await tx.chatIdentity.updateMany({ where: { email, personId: null }, data: { personId: person.id } });
  }
}
