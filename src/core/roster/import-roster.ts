import { createHash, randomUUID } from 'node:crypto';
import { decodeUpload } from '../csv/decode-upload';
import type { Person, School } from '../model';
import type { AuditEntryInput } from '../ports';
import { fail, ok, type Result } from '../result';
import type { ImportStore, PersonRecord, RosterRepo } from '../roster-port';
import { countsOf, planImport, type ImportCounts, type ImportPlan, type RosterSnapshot, type SchoolRef } from './plan-import';
import { readRosterCsv, type CsvKind } from './roster-csv';
import { EMPTY_PROFILE, grantsFor, toRecord } from './save-person';

/** Who imports: a leader in chat (checked by the caller) or the operator's CLI. */
export interface Importer {
  trustId: string;
  personId: string | null;
  source: 'chat' | 'cli';
}

export interface ImportPreview {
  /** Null when nothing can be applied (rows were rejected, or nothing would change). */
  importId: string | null;
  fileName: string;
  kind: CsvKind | null;
  counts: ImportCounts;
  plan: ImportPlan;
}

type Ports = { repo: RosterRepo; imports: ImportStore };

/** Reads an uploaded CSV and compares it with the roster; stores it for apply if it is clean. */
export async function previewImport(ports: Ports, by: Importer, fileName: string, bytes: Uint8Array): Promise<ImportPreview> {
  const decoded = decodeUpload(bytes);
  if (!decoded.ok) {
    const plan = emptyPlan();
    plan.rejected.push({ line: 0, code: decoded.error });
    return { importId: null, fileName, kind: null, counts: countsOf(plan), plan };
  }
  return previewText(ports, by, fileName, decoded.text);
}

async function previewText(ports: Ports, by: Importer, fileName: string, text: string): Promise<ImportPreview> {
  const csv = readRosterCsv(text);
  const plan = planImport(csv, await snapshot(ports.repo, by.trustId));
  const counts = countsOf(plan);
  const changes =
    counts.schools.add + counts.schools.change + counts.schools.archive + counts.people.add + counts.people.change + counts.people.archive;
  let importId: string | null = null;
  if (plan.rejected.length === 0 && changes > 0) {
    importId = randomUUID();
    await ports.imports.create({
      id: importId,
      trustId: by.trustId,
      actorId: by.personId,
      fileName,
      content: text,
      planHash: hashPlan(plan),
      summary: counts,
    });
  }
  return { importId, fileName, kind: csv.kind, counts, plan };
}

export type ApplyError = 'not-found' | 'already-done' | 'changed' | 'conflict';

/**
 * Applies a previewed import in one transaction, after checking that the roster has not
 * changed since the preview (else a fresh preview comes back with 'changed'). All or nothing.
 */
export async function applyImport(
  ports: Ports,
  by: Importer,
  importId: string,
): Promise<Result<{ counts: ImportCounts; personIds: string[] }, ApplyError> & { preview?: ImportPreview }> {
  const record = await ports.imports.get(by.trustId, importId);
  if (!record) return fail('not-found');
  if (record.status !== 'previewed' || record.content === null) return fail('already-done');
  const roster = await snapshot(ports.repo, by.trustId);
  const plan = planImport(readRosterCsv(record.content), roster);
  if (hashPlan(plan) !== record.planHash) {
    await ports.imports.cancel(by.trustId, importId);
    return { ...fail('changed'), preview: await previewText(ports, by, record.fileName, record.content) };
  }
  const write = importWrite(plan, roster, by);
  const written = await ports.repo.write(by.trustId, { ...write, linkByEmail: true, importApplied: importId });
  if (!written.ok) return fail(written.error === 'conflict' ? 'conflict' : 'changed', written.error);
  return ok({ counts: countsOf(plan), personIds: (write.people ?? []).filter((p) => !p.archived).map((p) => p.id) });
}

export async function snapshot(repo: RosterRepo, trustId: string): Promise<RosterSnapshot> {
  const [schools, people] = await Promise.all([
    repo.listSchools(trustId, { includeArchived: true }),
    repo.listPeople(trustId, { includeArchived: true }),
  ]);
  return { schools, people };
}

export function hashPlan(plan: ImportPlan): string {
  return createHash('sha256').update(JSON.stringify(plan)).digest('hex');
}

function emptyPlan(): ImportPlan {
  return {
    schools: { add: [], change: [], archive: [], unchanged: 0 },
    people: { add: [], change: [], archive: [], unchanged: 0 },
    rejected: [],
  };
}

/** Turns a clean plan into whole records to write, with new ids and audit entries. Pure but for ids. */
export function importWrite(
  plan: ImportPlan,
  roster: RosterSnapshot,
  by: Importer,
): { schools: School[]; people: PersonRecord[]; audit: AuditEntryInput[] } {
  const entry = (action: string, subject: string | null, details?: Record<string, unknown>): AuditEntryInput => ({
    trustId: by.trustId,
    actorId: by.personId,
    action,
    subject,
    details: { ...details, via: 'import' },
  });
  const audit: AuditEntryInput[] = [
    {
      trustId: by.trustId,
      actorId: by.personId,
      action: 'roster.import',
      subject: null,
      details: { source: by.source, ...countsOf(plan) },
    },
  ];
  const storedSchools = new Map(roster.schools.map((s) => [s.id, s]));
  const newSchoolIds = new Map<string, string>();
  const schools: School[] = [];
  for (const row of plan.schools.add) {
    const id = randomUUID();
    newSchoolIds.set(row.name.toLowerCase(), id);
    schools.push({
      id,
      trustId: by.trustId,
      name: row.name,
      phase: row.phase,
      localAuthority: row.localAuthority ?? null,
      region: row.region ?? null,
      hasResourceBase: row.hasResourceBase ?? false,
      dayStart: row.hours?.start ?? null,
      dayEnd: row.hours?.end ?? null,
      archived: false,
    });
    audit.push(entry('school.add', id, { phase: row.phase }));
  }
  for (const change of [...plan.schools.change, ...plan.schools.archive]) {
    const stored = storedSchools.get(change.id)!;
    const { row } = change;
    schools.push({
      ...stored,
      name: row.name,
      phase: row.phase,
      localAuthority: row.localAuthority !== undefined ? row.localAuthority : stored.localAuthority,
      region: row.region !== undefined ? row.region : stored.region,
      hasResourceBase: row.hasResourceBase ?? stored.hasResourceBase,
      ...(row.hours !== undefined ? { dayStart: row.hours?.start ?? null, dayEnd: row.hours?.end ?? null } : {}),
      archived: row.archived,
    });
    audit.push(entry(row.archived && !stored.archived ? 'school.archive' : 'school.edit', change.id, { fields: change.fields }));
  }
  const schoolId = (ref: SchoolRef | undefined, current: string | null): string | null => {
    if (ref === undefined) return current;
    if (ref === null) return null;
    return 'id' in ref ? ref.id : (newSchoolIds.get(ref.newName.toLowerCase()) ?? null);
  };
  const people: PersonRecord[] = [];
  for (const { row, school } of plan.people.add) {
    const id = randomUUID();
    const sid = schoolId(school, null);
    people.push({
      id,
      trustId: by.trustId,
      name: row.name,
      email: row.email,
      schoolId: sid,
      roles: grantsFor(row.roles, sid),
      preferredPlatform: null,
      archived: false,
      profile: mergeProfile(EMPTY_PROFILE, row),
    });
    audit.push(entry('person.add', id, { roles: row.roles }));
  }
  const storedPeople = new Map<string, Person>(roster.people.map((p) => [p.id, p]));
  for (const change of [...plan.people.change, ...plan.people.archive]) {
    const stored = storedPeople.get(change.id)!;
    const { row } = change;
    const sid = schoolId(change.school, stored.schoolId);
    people.push({
      ...toRecord(stored),
      name: row.name,
      email: row.email,
      schoolId: sid,
      roles: grantsFor(row.roles, sid),
      archived: row.archived,
      profile: mergeProfile(stored.profile, row),
    });
    const action = row.archived && !stored.archived ? 'person.archive' : 'person.edit';
    audit.push(entry(action, change.id, { fields: change.fields }));
    if (change.fields.includes('role') || change.fields.includes('school')) {
      audit.push(entry('role.change', change.id, { from: stored.roles.map((r) => r.role).sort(), to: [...row.roles].sort() }));
    }
  }
  return { schools, people, audit };
}

function mergeProfile(current: Person['profile'], row: ImportPlan['people']['add'][number]['row']): Person['profile'] {
  const pick = <T>(value: T | undefined, fallback: T): T => (value !== undefined ? value : fallback);
  return {
    appointedOn: pick(row.appointedOn, current.appointedOn),
    priorSencoMonths: pick(row.priorSencoMonths, current.priorSencoMonths),
    qualification: pick(row.qualification, current.qualification),
    qualificationStartedOn: pick(row.qualificationStartedOn, current.qualificationStartedOn),
    qualificationCompletedOn: pick(row.qualificationCompletedOn, current.qualificationCompletedOn),
    tags: pick(row.tags, current.tags),
  };
}
