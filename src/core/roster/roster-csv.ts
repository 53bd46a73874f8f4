import { parseCsv, type CsvRecord } from '../csv/parse-csv';
import { parseDateInput, type LocalDate } from '../dates';
import { QUALIFICATIONS, ROLES, SCHOOL_PHASES, type Qualification, type Role, type SchoolPhase } from '../model';
import { parseSchoolHours, type SchoolDayHours } from '../school-hours';

/**
 * The roster CSV formats (documented in docs/roster-import.md): one file of schools, one of
 * people, or one combined file with a `type` column. Header names are case-insensitive and
 * spaces or hyphens count as underscores ("Local authority" = local_authority).
 */
export const SCHOOL_COLUMNS = ['name', 'phase', 'local_authority', 'region', 'resource_base', 'day_start', 'day_end', 'status'] as const;
export const PERSON_COLUMNS = [
  'name',
  'email',
  'role',
  'school',
  'appointed_on',
  'prior_senco_years',
  'qualification',
  'qualification_started_on',
  'qualification_completed_on',
  'tags',
  'status',
] as const;
export const COMBINED_COLUMNS = ['type', ...new Set([...SCHOOL_COLUMNS, ...PERSON_COLUMNS])] as const;

const REQUIRED = { schools: ['name', 'phase'], people: ['name', 'email', 'role'], combined: ['type', 'name'] } as const;
/** Most rows one import takes: far above any trust, low enough to keep a preview readable. */
export const MAX_ROWS = 5000;

const HEADER_ALIASES: Record<string, string> = {
  la: 'local_authority',
  cluster: 'region',
  school_day_start: 'day_start',
  starts: 'day_start',
  school_day_end: 'day_end',
  ends: 'day_end',
  has_resource_base: 'resource_base',
  roles: 'role',
  school_name: 'school',
  appointed: 'appointed_on',
  appointment_date: 'appointed_on',
  interests: 'tags',
  strengths: 'tags',
};
const PHASE_ALIASES: Record<string, SchoolPhase> = {
  'all through': 'all-through',
  through: 'all-through',
  ap: 'alternative-provision',
  pru: 'alternative-provision',
  'alternative provision': 'alternative-provision',
  'maintained nursery': 'nursery',
  'nursery school': 'nursery',
};
const ROLE_ALIASES: Record<string, Role> = {
  'mat send leader': 'send-leader',
  'send leader': 'send-leader',
  leader: 'send-leader',
  'trust leader': 'trust-leader',
  ceo: 'trust-leader',
  administrator: 'admin',
};
const QUALIFICATION_ALIASES: Record<string, Qualification> = {
  '': 'none',
  'npq enrolled': 'npq-enrolled',
  'npq for sencos': 'npq',
  npqsenco: 'npq',
  'npq held': 'npq',
  'nasenco enrolled': 'nasenco-enrolled',
  'nasenco award': 'nasenco',
  'nasenco held': 'nasenco',
};

export type CsvKind = 'schools' | 'people' | 'combined';

export type RejectCode =
  | 'too-large'
  | 'empty'
  | 'spreadsheet'
  | 'binary'
  | 'too-many-rows'
  | 'no-rows'
  | 'unterminated-quote'
  | 'bad-quoting'
  | 'header-unrecognised'
  | 'header-unknown-column'
  | 'header-missing-column'
  | 'header-duplicate-column'
  | 'column-count'
  | 'missing-value'
  | 'bad-type'
  | 'bad-phase'
  | 'bad-role'
  | 'bad-email'
  | 'bad-date'
  | 'bad-number'
  | 'bad-yes-no'
  | 'bad-hours'
  | 'bad-status'
  | 'bad-qualification'
  | 'too-long'
  | 'duplicate-email'
  | 'duplicate-school'
  | 'unknown-school'
  | 'school-required'
  | 'archive-unknown'
  | 'school-archived'
  | 'last-leader';

/** One rejected row (or the whole file, on line 0/1), with what to put in the message. */
export interface Rejection {
  line: number;
  code: RejectCode;
  params?: Record<string, string>;
}

/** A school row. `undefined` = the column is not in the file (keep what is stored). */
export interface SchoolRow {
  line: number;
  name: string;
  phase: SchoolPhase;
  localAuthority?: string | null;
  region?: string | null;
  hasResourceBase?: boolean;
  /** The school's own day; null = the default day; undefined = the columns are not in the file. */
  hours?: SchoolDayHours | null;
  archived: boolean;
}

export interface PersonRow {
  line: number;
  name: string;
  email: string;
  roles: Role[];
  /** Name of the school as written; undefined when the column is absent. */
  school?: string | null;
  appointedOn?: LocalDate | null;
  priorSencoMonths?: number | null;
  qualification?: Qualification | null;
  qualificationStartedOn?: LocalDate | null;
  qualificationCompletedOn?: LocalDate | null;
  tags?: string[];
  archived: boolean;
}

export interface RosterCsv {
  kind: CsvKind | null;
  schools: SchoolRow[];
  people: PersonRow[];
  rejected: Rejection[];
}

const EMAIL = /^[^@\s,;<>"]+@[^@\s,;<>"]+\.[^@\s,;<>"]+$/;
const MAX_TEXT = 200;

export function normaliseHeader(name: string): string {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return HEADER_ALIASES[key] ?? key;
}

/** Parses and checks a roster CSV. Pure: checks against the stored roster happen in planImport. */
export function readRosterCsv(text: string): RosterCsv {
  const result: RosterCsv = { kind: null, schools: [], people: [], rejected: [] };
  const parsed = parseCsv(text);
  if (!parsed.ok) return reject(result, parsed.line, 'unterminated-quote');
  const [header, ...rows] = parsed.records;
  if (!header) return reject(result, 1, 'empty');
  if (header.problem) return reject(result, header.line, 'bad-quoting');
  const columns = header.fields.map(normaliseHeader);
  const kind: CsvKind | null = columns.includes('type')
    ? 'combined'
    : columns.includes('email')
      ? 'people'
      : columns.includes('phase')
        ? 'schools'
        : null;
  if (!kind) return reject(result, header.line, 'header-unrecognised');
  result.kind = kind;
  const allowed: readonly string[] = kind === 'combined' ? COMBINED_COLUMNS : kind === 'people' ? PERSON_COLUMNS : SCHOOL_COLUMNS;
  const headerProblems = checkHeader(columns, allowed, REQUIRED[kind], header.line);
  if (headerProblems.length) return { ...result, rejected: headerProblems };
  if (rows.length === 0) return reject(result, header.line, 'no-rows');
  if (rows.length > MAX_ROWS) return reject(result, header.line, 'too-many-rows', { max: String(MAX_ROWS) });

  const seenEmail = new Map<string, number>();
  const seenSchool = new Map<string, number>();
  for (const record of rows) {
    const row = toObject(record, columns, result.rejected);
    if (!row) continue;
    const type = kind === 'combined' ? row.get('type')!.toLowerCase() : kind === 'people' ? 'person' : 'school';
    if (type === 'school' || type === 'schools') {
      const school = readSchool(record.line, row, result.rejected);
      if (school && once(seenSchool, school.name.toLowerCase(), record.line, result.rejected, 'duplicate-school', school.name))
        result.schools.push(school);
    } else if (type === 'person' || type === 'people') {
      const person = readPerson(record.line, row, result.rejected);
      if (person && once(seenEmail, person.email, record.line, result.rejected, 'duplicate-email', person.email))
        result.people.push(person);
    } else {
      result.rejected.push({
        line: record.line,
        code: type ? 'bad-type' : 'missing-value',
        params: type ? { value: type } : { column: 'type' },
      });
    }
  }
  return result;
}

function reject(result: RosterCsv, line: number, code: RejectCode, params?: Record<string, string>): RosterCsv {
  return { ...result, rejected: [{ line, code, ...(params ? { params } : {}) }] };
}

function checkHeader(columns: string[], allowed: readonly string[], required: readonly string[], line: number): Rejection[] {
  const problems: Rejection[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    if (!allowed.includes(column))
      problems.push({ line, code: 'header-unknown-column', params: { column: column || '(blank)', allowed: allowed.join(', ') } });
    else if (seen.has(column)) problems.push({ line, code: 'header-duplicate-column', params: { column } });
    seen.add(column);
  }
  for (const column of required) if (!seen.has(column)) problems.push({ line, code: 'header-missing-column', params: { column } });
  return problems;
}

/** Column name -> trimmed value; null (and a rejection) when the row has the wrong shape. */
function toObject(record: CsvRecord, columns: string[], rejected: Rejection[]): Map<string, string> | null {
  if (record.problem) {
    rejected.push({ line: record.line, code: 'bad-quoting' });
    return null;
  }
  if (record.fields.length !== columns.length) {
    rejected.push({
      line: record.line,
      code: 'column-count',
      params: { expected: String(columns.length), actual: String(record.fields.length) },
    });
    return null;
  }
  return new Map(columns.map((c, i) => [c, record.fields[i]!.trim()]));
}

function once(seen: Map<string, number>, key: string, line: number, rejected: Rejection[], code: RejectCode, shown: string): boolean {
  const first = seen.get(key);
  if (first !== undefined) {
    rejected.push({ line, code, params: { value: shown, firstLine: String(first) } });
    return false;
  }
  seen.set(key, line);
  return true;
}

/** Collects a row's problems; the row is kept only when there are none. */
class RowReader {
  readonly problems: Rejection[] = [];
  constructor(
    readonly line: number,
    private readonly row: Map<string, string>,
  ) {}

  has(column: string): boolean {
    return this.row.has(column);
  }

  raw(column: string): string {
    return this.row.get(column) ?? '';
  }

  fail(code: RejectCode, params: Record<string, string>): null {
    this.problems.push({ line: this.line, code, params });
    return null;
  }

  required(column: string): string | null {
    const value = this.raw(column);
    if (!value) return this.fail('missing-value', { column });
    if (value.length > MAX_TEXT) return this.fail('too-long', { column, max: String(MAX_TEXT) });
    return value;
  }

  /** undefined = column absent; null = blank. */
  optional(column: string): string | null | undefined {
    if (!this.has(column)) return undefined;
    const value = this.raw(column);
    if (value.length > MAX_TEXT) return this.fail('too-long', { column, max: String(MAX_TEXT) }) ?? undefined;
    return value || null;
  }

  date(column: string): LocalDate | null | undefined {
    const value = this.optional(column);
    if (!value) return value;
    return parseDateInput(value) ?? this.fail('bad-date', { column, value });
  }

  status(): boolean {
    const value = this.raw('status').toLowerCase();
    if (!value || value === 'active') return false;
    if (value === 'archived' || value === 'archive') return true;
    this.fail('bad-status', { value });
    return false;
  }
}

function readSchool(line: number, row: Map<string, string>, rejected: Rejection[]): SchoolRow | null {
  const r = new RowReader(line, row);
  const name = r.required('name');
  const phaseText = r.required('phase');
  const phase =
    phaseText === null ? null : (parsePhase(phaseText) ?? r.fail('bad-phase', { value: phaseText, allowed: SCHOOL_PHASES.join(', ') }));
  const localAuthority = r.optional('local_authority');
  const region = r.optional('region');
  let hasResourceBase: boolean | undefined;
  if (r.has('resource_base')) {
    const yn = parseYesNo(r.raw('resource_base'));
    if (yn === 'bad') r.fail('bad-yes-no', { column: 'resource_base', value: r.raw('resource_base') });
    else hasResourceBase = yn;
  }
  const hours = readHours(r);
  const archived = r.status();
  rejected.push(...r.problems);
  if (r.problems.length || !name || !phase) return null;
  return { line, name, phase, archived, ...defined({ localAuthority, region, hasResourceBase, hours }) };
}

/** `day_start` and `day_end` come as a pair: both blank keeps the default day. */
function readHours(r: RowReader): SchoolDayHours | null | undefined {
  if (!r.has('day_start') && !r.has('day_end')) return undefined;
  const [start, end] = [r.raw('day_start'), r.raw('day_end')];
  const parsed = parseSchoolHours(start, end);
  if (parsed.ok) return parsed.value;
  return r.fail('bad-hours', { start: start || '(blank)', end: end || '(blank)' }) ?? undefined;
}

function readPerson(line: number, row: Map<string, string>, rejected: Rejection[]): PersonRow | null {
  const r = new RowReader(line, row);
  const name = r.required('name');
  const emailText = r.required('email');
  const email =
    emailText === null
      ? null
      : EMAIL.test(emailText) && emailText.length <= 254
        ? emailText.toLowerCase()
        : r.fail('bad-email', { value: emailText });
  const roleText = r.required('role');
  const roles = roleText === null ? null : parseRoles(roleText, r);
  const school = r.optional('school');
  const appointedOn = r.date('appointed_on');
  const qualificationStartedOn = r.date('qualification_started_on');
  const qualificationCompletedOn = r.date('qualification_completed_on');
  let priorSencoMonths: number | null | undefined;
  // SENCO service at relevant schools only (mainstream or maintained nursery, reg 2(1)): service
  // in special, independent, AP or early-years settings does not count toward the 12 months.
  const years = r.optional('prior_senco_years');
  if (years !== undefined)
    priorSencoMonths =
      years === null ? null : (yearsToMonths(years) ?? r.fail('bad-number', { column: 'prior_senco_years', value: years }));
  let qualification: Qualification | null | undefined;
  if (r.has('qualification')) {
    const text = r.raw('qualification');
    qualification = parseQualification(text) ?? r.fail('bad-qualification', { value: text, allowed: QUALIFICATIONS.join(', ') });
  }
  const tags = r.has('tags') ? parseTags(r.raw('tags')) : undefined;
  const archived = r.status();
  if (roles?.includes('senco') && school === null && !archived) r.fail('school-required', {});
  rejected.push(...r.problems);
  if (r.problems.length || !name || !email || !roles) return null;
  return {
    line,
    name,
    email,
    roles,
    archived,
    ...defined({ school, appointedOn, priorSencoMonths, qualification, qualificationStartedOn, qualificationCompletedOn, tags }),
  };
}

function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function parsePhase(text: string): SchoolPhase | null {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const dashed = key.replace(/ /g, '-');
  return (SCHOOL_PHASES as readonly string[]).includes(dashed) ? (dashed as SchoolPhase) : (PHASE_ALIASES[key] ?? null);
}

function parseRoles(text: string, r: RowReader): Role[] | null {
  const roles: Role[] = [];
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const role = parseRole(part);
    if (!role) return r.fail('bad-role', { value: part, allowed: ROLES.join(', ') });
    if (!roles.includes(role)) roles.push(role);
  }
  return roles.length ? roles : r.fail('missing-value', { column: 'role' });
}

export function parseRole(text: string): Role | null {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const dashed = key.replace(/ /g, '-');
  return (ROLES as readonly string[]).includes(dashed) ? (dashed as Role) : (ROLE_ALIASES[key] ?? null);
}

export function parseQualification(text: string): Qualification | null {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const dashed = key.replace(/ /g, '-');
  return (QUALIFICATIONS as readonly string[]).includes(dashed) ? (dashed as Qualification) : (QUALIFICATION_ALIASES[key] ?? null);
}

function parseYesNo(text: string): boolean | 'bad' {
  const key = text.trim().toLowerCase();
  if (['', 'no', 'n', 'false', '0'].includes(key)) return false;
  if (['yes', 'y', 'true', '1'].includes(key)) return true;
  return 'bad';
}

/** "1.5" years -> 18 months. Whole or one-decimal years from 0 to 50. */
export function yearsToMonths(text: string): number | null {
  if (!/^\d{1,2}(\.\d)?$/.test(text.trim())) return null;
  const years = Number(text);
  return years <= 50 ? Math.round(years * 12) : null;
}

/** Strengths and interests: `;`-separated, lower-cased, at most 20 of 40 characters each. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[;,]/)
    .map((t) => t.trim().toLowerCase().replace(/\s+/g, ' '))
    .filter(Boolean)
    .map((t) => t.slice(0, 40));
  return [...new Set(tags)].slice(0, 20);
}
