import type { Prisma } from '@prisma/client';
import type { Person, Platform, Qualification, Role, School, SchoolPhase } from '../core/model';

/** Columns read for a school / a person: repositories return domain types, never rows. */
export const schoolSelect = {
  id: true,
  trustId: true,
  name: true,
  phase: true,
  localAuthority: true,
  region: true,
  hasResourceBase: true,
  dayStart: true,
  dayEnd: true,
  archivedAt: true,
} satisfies Prisma.SchoolSelect;

export const personSelect = {
  id: true,
  trustId: true,
  name: true,
  email: true,
  schoolId: true,
  preferredPlatform: true,
  appointedOn: true,
  priorSencoMonths: true,
  qualification: true,
  qualificationStartedOn: true,
  qualificationCompletedOn: true,
  tags: true,
  archivedAt: true,
  erasedAt: true,
  roles: { select: { role: true, schoolId: true }, orderBy: { role: 'asc' } },
} satisfies Prisma.PersonSelect;

export type SchoolRow = Prisma.SchoolGetPayload<{ select: typeof schoolSelect }>;
export type PersonRow = Prisma.PersonGetPayload<{ select: typeof personSelect }>;

export function toSchool(row: SchoolRow): School {
  return {
    id: row.id,
    trustId: row.trustId,
    name: row.name,
    phase: row.phase as SchoolPhase,
    localAuthority: row.localAuthority,
    region: row.region,
    hasResourceBase: row.hasResourceBase,
    dayStart: row.dayStart,
    dayEnd: row.dayEnd,
    archived: row.archivedAt !== null,
  };
}

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    trustId: row.trustId,
    name: row.name,
    email: row.email,
    schoolId: row.schoolId,
    roles: row.roles.map((r) => ({ role: r.role as Role, schoolId: r.schoolId })),
    preferredPlatform: (row.preferredPlatform as Platform | null) ?? null,
    profile: {
      appointedOn: row.appointedOn,
      priorSencoMonths: row.priorSencoMonths,
      qualification: (row.qualification as Qualification | null) ?? null,
      qualificationStartedOn: row.qualificationStartedOn,
      qualificationCompletedOn: row.qualificationCompletedOn,
      tags: row.tags,
    },
    archived: row.archivedAt !== null,
    erased: row.erasedAt !== null,
  };
}
