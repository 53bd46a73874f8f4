import type { Db } from '../../src/db/database';

/** Someone on the Birch Trust roster: name, email, role, and their school for a SENCO. */
export type BirchPerson = [name: string, email: string, role: string, school: 'oak' | 'elm' | null];

/** The bulletin tests' trust: Oak Primary (North), Elm Secondary (South), and the people given. */
export async function seedBirchTrust(db: Db, people: readonly BirchPerson[]): Promise<{ trustId: string }> {
  const trustId = (await db.trust.create({ data: { name: 'Birch Trust' } })).id;
  const oak = await db.school.create({ data: { trustId, name: 'Oak Primary', phase: 'primary', region: 'North' } });
  const elm = await db.school.create({ data: { trustId, name: 'Elm Secondary', phase: 'secondary', region: 'South' } });
  const schools = { oak: oak.id, elm: elm.id };
  for (const [name, email, role, school] of people) {
    const schoolId = school ? schools[school] : null;
    const p = await db.person.create({ data: { trustId, schoolId, name, email } });
    await db.roleAssignment.create({ data: { trustId, personId: p.id, role, schoolId: role === 'senco' ? schoolId : null } });
  }
  return { trustId };
}
