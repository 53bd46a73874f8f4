import type { Person, Role, School } from '../model';
import { schoolHoursOf, type SchoolDayHours } from '../school-hours';
import type { PersonRow, Rejection, RosterCsv, SchoolRow } from './roster-csv';

/** What the roster holds now, for comparing an import against (archived included). */
export interface RosterSnapshot {
  schools: School[];
  people: Person[];
}

export interface SchoolChange {
  id: string;
  row: SchoolRow;
  /** Columns whose value differs from what is stored. */
  fields: string[];
}

/** Where a person's school comes from: a stored school, one the same file adds, or none. */
export type SchoolRef = { id: string } | { newName: string } | null;

export interface PersonAdd {
  row: PersonRow;
  school: SchoolRef;
}

export interface PersonChange {
  id: string;
  row: PersonRow;
  /** undefined = keep the stored school. */
  school: SchoolRef | undefined;
  fields: string[];
}

export interface ImportPlan {
  schools: { add: SchoolRow[]; change: SchoolChange[]; archive: SchoolChange[]; unchanged: number };
  people: { add: PersonAdd[]; change: PersonChange[]; archive: PersonChange[]; unchanged: number };
  rejected: Rejection[];
}

export interface ImportCounts {
  schools: { add: number; change: number; archive: number; unchanged: number };
  people: { add: number; change: number; archive: number; unchanged: number };
  rejected: number;
}

export function countsOf(plan: ImportPlan): ImportCounts {
  const c = (g: { add: unknown[]; change: unknown[]; archive: unknown[]; unchanged: number }) => ({
    add: g.add.length,
    change: g.change.length,
    archive: g.archive.length,
    unchanged: g.unchanged,
  });
  return { schools: c(plan.schools), people: c(plan.people), rejected: plan.rejected.length };
}

/**
 * Compares a checked CSV with the stored roster: which rows add, change, archive or leave
 * alone, and which must be rejected because of what is stored (an unknown school, archiving
 * something that does not exist, leaving the trust with no SEND leader). Pure.
 */
export function planImport(csv: RosterCsv, roster: RosterSnapshot): ImportPlan {
  const plan: ImportPlan = {
    schools: { add: [], change: [], archive: [], unchanged: 0 },
    people: { add: [], change: [], archive: [], unchanged: 0 },
    rejected: [...csv.rejected],
  };
  const storedSchools = new Map(roster.schools.map((s) => [s.name.toLowerCase(), s]));
  const fileSchools = new Map(csv.schools.map((s) => [s.name.toLowerCase(), s]));
  for (const row of csv.schools) planSchool(row, storedSchools.get(row.name.toLowerCase()), plan);

  const storedPeople = new Map(roster.people.filter((p) => p.email).map((p) => [p.email!, p]));
  for (const row of csv.people) {
    const school = resolveSchool(row, storedSchools, fileSchools, plan.rejected);
    if (school === 'rejected') continue;
    planPerson(row, storedPeople.get(row.email), school, plan);
  }
  keepALeader(roster.people, plan);
  plan.rejected.sort((a, b) => a.line - b.line);
  return plan;
}

function planSchool(row: SchoolRow, stored: School | undefined, plan: ImportPlan): void {
  if (!stored) {
    if (row.archived) plan.rejected.push({ line: row.line, code: 'archive-unknown', params: { value: row.name } });
    else plan.schools.add.push(row);
    return;
  }
  const fields: string[] = [];
  if (stored.name !== row.name) fields.push('name');
  if (stored.phase !== row.phase) fields.push('phase');
  if (row.localAuthority !== undefined && stored.localAuthority !== row.localAuthority) fields.push('local_authority');
  if (row.region !== undefined && stored.region !== row.region) fields.push('region');
  if (row.hasResourceBase !== undefined && stored.hasResourceBase !== row.hasResourceBase) fields.push('resource_base');
  if (row.hours !== undefined && !sameHours(row.hours, schoolHoursOf(stored))) fields.push('hours');
  if (stored.archived !== row.archived) fields.push('status');
  const change = { id: stored.id, row, fields };
  if (row.archived && !stored.archived) plan.schools.archive.push(change);
  else if (fields.length) plan.schools.change.push(change);
  else plan.schools.unchanged++;
}

function sameHours(a: SchoolDayHours | null, b: SchoolDayHours | null): boolean {
  return a?.start === b?.start && a?.end === b?.end;
}

function resolveSchool(
  row: PersonRow,
  stored: Map<string, School>,
  inFile: Map<string, SchoolRow>,
  rejected: Rejection[],
): SchoolRef | undefined | 'rejected' {
  if (row.school === undefined) return undefined;
  if (row.school === null) return null;
  const key = row.school.toLowerCase();
  const fileRow = inFile.get(key);
  const storedSchool = stored.get(key);
  const archived = fileRow ? fileRow.archived : storedSchool?.archived;
  if (!fileRow && !storedSchool) {
    rejected.push({ line: row.line, code: 'unknown-school', params: { value: row.school } });
    return 'rejected';
  }
  if (archived && !row.archived) {
    rejected.push({ line: row.line, code: 'school-archived', params: { value: row.school } });
    return 'rejected';
  }
  return storedSchool ? { id: storedSchool.id } : { newName: fileRow!.name };
}

function planPerson(row: PersonRow, stored: Person | undefined, school: SchoolRef | undefined, plan: ImportPlan): void {
  const schoolAfter = school === undefined ? (stored?.schoolId ?? null) : school;
  if (row.roles.includes('senco') && !row.archived && schoolAfter === null) {
    plan.rejected.push({ line: row.line, code: 'school-required' });
    return;
  }
  if (!stored) {
    if (row.archived) plan.rejected.push({ line: row.line, code: 'archive-unknown', params: { value: row.email } });
    else plan.people.add.push({ row, school: school ?? null });
    return;
  }
  const fields: string[] = [];
  const p = stored.profile;
  if (stored.name !== row.name) fields.push('name');
  if (
    !sameRoles(
      stored.roles.map((r) => r.role),
      row.roles,
    )
  )
    fields.push('role');
  if (school !== undefined && (school === null ? stored.schoolId !== null : !('id' in school) || school.id !== stored.schoolId))
    fields.push('school');
  const optional: Array<[string, unknown, unknown]> = [
    ['appointed_on', row.appointedOn, p.appointedOn],
    ['prior_senco_years', row.priorSencoMonths, p.priorSencoMonths],
    ['qualification', row.qualification, p.qualification],
    ['qualification_started_on', row.qualificationStartedOn, p.qualificationStartedOn],
    ['qualification_completed_on', row.qualificationCompletedOn, p.qualificationCompletedOn],
  ];
  for (const [column, value, current] of optional) if (value !== undefined && value !== current) fields.push(column);
  if (row.tags !== undefined && row.tags.join(';') !== p.tags.join(';')) fields.push('tags');
  if (stored.archived !== row.archived) fields.push('status');
  const change = { id: stored.id, row, school, fields };
  if (row.archived && !stored.archived) plan.people.archive.push(change);
  else if (fields.length) plan.people.change.push(change);
  else plan.people.unchanged++;
}

function sameRoles(a: Role[], b: Role[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}

const LEADS: Role[] = ['send-leader', 'admin'];

/** An import may not leave the trust with nobody able to run it (no SEND leader or admin). */
function keepALeader(stored: Person[], plan: ImportPlan): void {
  const leads = (roles: Role[]) => roles.some((r) => LEADS.includes(r));
  const before = stored.filter((p) => !p.archived && leads(p.roles.map((r) => r.role)));
  if (before.length === 0) return;
  const touched = new Map([...plan.people.change, ...plan.people.archive].map((c) => [c.id, c]));
  const remaining = before.filter((p) => {
    const change = touched.get(p.id);
    return !change || (!change.row.archived && leads(change.row.roles));
  });
  if (remaining.length > 0 || plan.people.add.some((a) => leads(a.row.roles))) return;
  for (const p of before) {
    const change = touched.get(p.id);
    if (!change) continue;
    plan.rejected.push({ line: change.row.line, code: 'last-leader', params: { value: change.row.email } });
    plan.people.change = plan.people.change.filter((c) => c.id !== p.id);
    plan.people.archive = plan.people.archive.filter((c) => c.id !== p.id);
  }
}
