import type { Person, School } from '../../../../src/core/model';
import { planImport, countsOf } from '../../../../src/core/roster/plan-import';
import { readRosterCsv } from '../../../../src/core/roster/roster-csv';

const school = (id: string, name: string, extra: Partial<School> = {}): School => ({
  id,
  trustId: 't',
  name,
  phase: 'primary',
  localAuthority: 'Leeds',
  region: null,
  hasResourceBase: false,
  archived: false,
  ...extra,
});
const person = (id: string, email: string, roles: Person['roles'], extra: Partial<Person> = {}): Person => ({
  id,
  trustId: 't',
  name: id,
  email,
  schoolId: roles.find((r) => r.schoolId)?.schoolId ?? null,
  roles,
  preferredPlatform: null,
  archived: false,
  erased: false,
  profile: {
    appointedOn: null,
    priorSencoMonths: null,
    qualification: null,
    qualificationStartedOn: null,
    qualificationCompletedOn: null,
    tags: [],
  },
  ...extra,
});
const roster = {
  schools: [school('s-oak', 'Oak Primary'), school('s-old', 'Old School', { archived: true })],
  people: [
    person('jo', 'jo@trust.uk', [{ role: 'send-leader', schoolId: null }]),
    person('ann', 'ann@oak.uk', [{ role: 'senco', schoolId: 's-oak' }]),
  ],
};

describe('planImport', () => {
  it('sorts rows into add, change, archive and unchanged', () => {
    const plan = planImport(
      readRosterCsv(
        [
          'type,name,phase,local_authority,email,role,school,status',
          'school,Oak Primary,primary,Leeds,,,,',
          'school,Elm Academy,secondary,York,,,,',
          'school,oak primary,primary,Leeds,,,,',
        ].join('\n'),
      ),
      roster,
    );
    expect(plan.rejected).toEqual([{ line: 4, code: 'duplicate-school', params: { value: 'oak primary', firstLine: '2' } }]);
    expect(countsOf(plan).schools).toEqual({ add: 1, change: 0, archive: 0, unchanged: 1 });
  });

  it('finds changes by email and school by name (in the file or stored), case-insensitively', () => {
    const plan = planImport(
      readRosterCsv(
        [
          'type,name,phase,email,role,school,status',
          'school,Elm Academy,secondary,,,,',
          'person,Ann,,ANN@oak.uk,senco,elm academy,',
          'person,Bea,,bea@oak.uk,senco,OAK PRIMARY,',
          'person,jo,,jo@trust.uk,send-leader,,',
        ].join('\n'),
      ),
      roster,
    );
    expect(plan.rejected).toEqual([]);
    expect(plan.people.change).toEqual([
      expect.objectContaining({ id: 'ann', school: { newName: 'Elm Academy' }, fields: ['name', 'school'] }),
    ]);
    expect(plan.people.add).toEqual([expect.objectContaining({ school: { id: 's-oak' } })]);
    expect(plan.people.unchanged).toBe(1);
  });

  it('rejects unknown schools, archived schools and archiving what does not exist', () => {
    const plan = planImport(
      readRosterCsv(
        [
          'type,name,phase,email,role,school,status',
          'person,Cat,,cat@x.uk,senco,Nowhere High,',
          'person,Dan,,dan@x.uk,senco,Old School,',
          'school,Ghost School,primary,,,,archived',
          'person,Eve,,eve@x.uk,trust-leader,,archived',
        ].join('\n'),
      ),
      roster,
    );
    expect(plan.rejected.map((r) => [r.line, r.code])).toEqual([
      [2, 'unknown-school'],
      [3, 'school-archived'],
      [4, 'archive-unknown'],
      [5, 'archive-unknown'],
    ]);
  });

  it('archives by status and refuses to leave the trust without a SEND leader', () => {
    const plan = planImport(
      readRosterCsv(
        'name,email,role,status\nJo,jo@trust.uk,send-leader,archived\nAnn,ann@oak.uk,senco,archived\n'.replace(
          'senco,archived',
          'trust-leader,archived',
        ),
      ),
      roster,
    );
    expect(plan.rejected).toEqual([{ line: 2, code: 'last-leader', params: { value: 'jo@trust.uk' } }]);
    expect(plan.people.archive.map((c) => c.id)).toEqual(['ann']);
  });

  it('keeps stored values for columns the file does not have', () => {
    const stored = {
      ...roster,
      people: [
        ...roster.people,
        person('kim', 'kim@oak.uk', [{ role: 'senco', schoolId: 's-oak' }], {
          profile: { ...roster.people[0]!.profile, appointedOn: '2025-09-01' },
        }),
      ],
    };
    const plan = planImport(readRosterCsv('name,email,role\nkim,kim@oak.uk,senco\n'), stored);
    expect(plan.people.unchanged).toBe(1);
  });
  it("changes a school's day only when the file has the columns and they differ", () => {
    const stored = { ...roster, schools: [school('s-oak', 'Oak Primary', { dayStart: '08:45', dayEnd: '15:15' })] };
    const same = planImport(readRosterCsv('name,phase,local_authority,day_start,day_end\nOak Primary,primary,Leeds,08:45,15:15\n'), stored);
    expect(same.schools.unchanged).toBe(1);
    const absent = planImport(readRosterCsv('name,phase,local_authority\nOak Primary,primary,Leeds\n'), stored);
    expect(absent.schools.unchanged).toBe(1);
    const cleared = planImport(readRosterCsv('name,phase,local_authority,day_start,day_end\nOak Primary,primary,Leeds,,\n'), stored);
    expect(cleared.schools.change.map((c) => c.fields)).toEqual([['hours']]);
  });
});

describe('planImport: SENCOs need a school', () => {
  it('rejects a new SENCO when the file has no school column', () => {
    const plan = planImport(readRosterCsv('name,email,role\nNew,new@oak.uk,senco\n'), roster);
    expect(plan.rejected).toEqual([{ line: 2, code: 'school-required' }]);
  });
});
