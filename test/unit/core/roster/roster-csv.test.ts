import { readRosterCsv } from '../../../../src/core/roster/roster-csv';

const codes = (text: string) => readRosterCsv(text).rejected.map((r) => [r.line, r.code, r.params?.column ?? r.params?.value ?? '']);

describe('readRosterCsv', () => {
  it('reads a schools file, with friendly header names and phase aliases', () => {
    const csv = readRosterCsv(
      '\uFEFFName,Phase,Local authority,Region,Resource base,Status\r\nOak Primary,primary,Leeds,North,yes,\r\n"Ash, AP",AP,Leeds,,no,archived\r\n',
    );
    expect(csv.kind).toBe('schools');
    expect(csv.rejected).toEqual([]);
    expect(csv.schools).toEqual([
      { line: 2, name: 'Oak Primary', phase: 'primary', localAuthority: 'Leeds', region: 'North', hasResourceBase: true, archived: false },
      {
        line: 3,
        name: 'Ash, AP',
        phase: 'alternative-provision',
        localAuthority: 'Leeds',
        region: null,
        hasResourceBase: false,
        archived: true,
      },
    ]);
  });

  it('reads a people file with several roles, profile columns, UK dates and tags', () => {
    const csv = readRosterCsv(
      [
        'name,email,role,school,appointed_on,prior_senco_years,qualification,qualification_started_on,tags',
        'Ann Lee,Ann.Lee@Oak.sch.uk,senco,Oak Primary,01/09/2025,0.5,NPQ enrolled,2025-10-01,autism; SaLT ;autism',
        'Jo Ray,jo@trust.org.uk,send-leader;admin,,,,,,',
      ].join('\n'),
    );
    expect(csv.kind).toBe('people');
    expect(csv.rejected).toEqual([]);
    expect(csv.people[0]).toEqual({
      line: 2,
      name: 'Ann Lee',
      email: 'ann.lee@oak.sch.uk',
      roles: ['senco'],
      school: 'Oak Primary',
      appointedOn: '2025-09-01',
      priorSencoMonths: 6,
      qualification: 'npq-enrolled',
      qualificationStartedOn: '2025-10-01',
      tags: ['autism', 'salt'],
      archived: false,
    });
    expect(csv.people[1]).toMatchObject({
      roles: ['send-leader', 'admin'],
      school: null,
      appointedOn: null,
      qualification: 'none',
      tags: [],
    });
  });

  it('reads a combined file with a type column', () => {
    const csv = readRosterCsv('type,name,phase,email,role,school\nschool,Oak,primary,,,\nperson,Ann,,ann@oak.sch.uk,senco,Oak\n');
    expect(csv.kind).toBe('combined');
    expect(csv.rejected).toEqual([]);
    expect(csv.schools).toHaveLength(1);
    expect(csv.people).toHaveLength(1);
  });

  it('rejects unknown, missing and duplicated columns on the header line', () => {
    expect(codes('name,phase,colour\nOak,primary,red')).toEqual([[1, 'header-unknown-column', 'colour']]);
    expect(codes('name,email\nAnn,a@b.uk')).toEqual([[1, 'header-missing-column', 'role']]);
    expect(codes('name,phase,name\nOak,primary,Oak')).toEqual([[1, 'header-duplicate-column', 'name']]);
    expect(codes('foo,bar\n1,2')).toEqual([[1, 'header-unrecognised', '']]);
    expect(codes('name,phase\n')).toEqual([[1, 'no-rows', '']]);
  });

  it('rejects rows with the wrong number of fields or bad values, each with its line', () => {
    expect(
      codes(
        [
          'name,phase,resource_base,status',
          'Oak,primary,yes',
          'Elm,infant,no,',
          ',primary,no,',
          'Ash,special,maybe,',
          'Yew,special,,gone',
        ].join('\n'),
      ),
    ).toEqual([
      [2, 'column-count', ''],
      [3, 'bad-phase', 'infant'],
      [4, 'missing-value', 'name'],
      [5, 'bad-yes-no', 'resource_base'],
      [6, 'bad-status', 'gone'],
    ]);
  });

  it('rejects bad people rows: email, role, dates, numbers, qualification, missing school', () => {
    expect(
      codes(
        [
          'name,email,role,school,appointed_on,prior_senco_years,qualification',
          'Ann,not-an-email,senco,Oak,,,',
          'Bob,bob@x.uk,teacher,Oak,,,',
          'Cat,cat@x.uk,senco,Oak,31/02/2025,,',
          'Dan,dan@x.uk,senco,Oak,,lots,',
          'Eve,eve@x.uk,senco,Oak,,,phd',
          'Fay,fay@x.uk,senco,,,,',
        ].join('\n'),
      ),
    ).toEqual([
      [2, 'bad-email', 'not-an-email'],
      [3, 'bad-role', 'teacher'],
      [4, 'bad-date', 'appointed_on'],
      [5, 'bad-number', 'prior_senco_years'],
      [6, 'bad-qualification', 'phd'],
      [7, 'school-required', ''],
    ]);
  });

  it('rejects duplicate emails (case-insensitively) and duplicate schools, naming the first line', () => {
    const csv = readRosterCsv('name,email,role\nAnn,ann@x.uk,trust-leader\nAnn again,ANN@x.uk,trust-leader\n');
    expect(csv.rejected).toEqual([{ line: 3, code: 'duplicate-email', params: { value: 'ann@x.uk', firstLine: '2' } }]);
    expect(codes('name,phase\nOak,primary\noak,primary')).toEqual([[3, 'duplicate-school', 'oak']]);
  });

  it('reports an unterminated quote and bad quoting', () => {
    expect(codes('name,phase\n"Oak,primary\nElm,primary')).toEqual([[2, 'unterminated-quote', '']]);
    expect(codes('name,phase\nO"ak,primary\nElm,primary')).toEqual([[2, 'bad-quoting', '']]);
  });

  it('counts lines inside quoted fields when numbering later rows', () => {
    expect(codes('name,phase\n"Oak\nPrimary",primary\nElm,infant')).toEqual([[4, 'bad-phase', 'infant']]);
  });

  it("reads a school's own day as a pair of London times, and refuses half a pair or a day that ends first", () => {
    const csv = readRosterCsv(
      [
        'name,phase,school day start,day_end',
        'Oak,primary,8:45,15:15',
        'Ash,special,,',
        'Elm,primary,08:45,',
        'Yew,primary,15:00,09:00',
      ].join('\n'),
    );
    expect(csv.schools.map((s) => [s.name, s.hours])).toEqual([
      ['Oak', { start: '08:45', end: '15:15' }],
      ['Ash', null],
    ]);
    expect(csv.rejected).toEqual([
      { line: 4, code: 'bad-hours', params: { start: '08:45', end: '(blank)' } },
      { line: 5, code: 'bad-hours', params: { start: '15:00', end: '09:00' } },
    ]);
    expect(readRosterCsv('name,phase\nOak,primary\n').schools[0]).not.toHaveProperty('hours');
  });
});
