import { applyFrameworkChange, MAX_STATEMENTS_PER_AREA } from '../../../../src/core/selfeval/edit-framework';
import { selfEvalCsv } from '../../../../src/core/selfeval/export-csv';
import { FRAMEWORK_V1 } from '../../../../src/core/selfeval/framework-v1';
import type { SelfEvalAnswer } from '../../../../src/core/selfeval/model';
import { areaProgress, schoolProgress } from '../../../../src/core/selfeval/progress';

function answer(statementId: string, extra: Partial<SelfEvalAnswer> = {}): SelfEvalAnswer {
  return {
    cycleId: 'c1',
    schoolId: 's1',
    statementId,
    frameworkVersion: 1,
    rating: 'established',
    evidence: null,
    help: null,
    answeredBy: 'p1',
    answeredAt: new Date('2027-01-12T15:00:00Z'),
    ...extra,
  };
}

describe('applyFrameworkChange', () => {
  it('rewords, adds and removes statements as new versions, leaving the old one untouched', () => {
    const v2 = applyFrameworkChange(FRAMEWORK_V1, {
      kind: 'reword',
      statementId: 'leadership-plan',
      text: '  Our plan names  SEND priorities. ',
    });
    if (!v2.ok) throw new Error(v2.error);
    expect(v2.value.version).toBe(2);
    expect(v2.value.areas[0]!.statements[1]!.text).toBe('Our plan names SEND priorities.');
    expect(FRAMEWORK_V1.areas[0]!.statements[1]!.text).not.toBe('Our plan names SEND priorities.');
    const v3 = applyFrameworkChange(v2.value, { kind: 'add', areaId: 'outcomes', text: 'We track attendance of pupils with SEND.' });
    if (!v3.ok) throw new Error(v3.error);
    expect(v3.value.areas[2]!.statements.at(-1)!.id).toBe('trust-outcomes-v3');
    const v4 = applyFrameworkChange(v3.value, { kind: 'remove', statementId: 'trust-outcomes-v3' });
    if (!v4.ok) throw new Error(v4.error);
    const v5 = applyFrameworkChange(v4.value, { kind: 'add', areaId: 'outcomes', text: 'Something else.' });
    if (!v5.ok) throw new Error(v5.error);
    expect(v5.value.areas[2]!.statements.at(-1)!.id).toBe('trust-outcomes-v5');
  });

  it('refuses what would break the framework', () => {
    expect(applyFrameworkChange(FRAMEWORK_V1, { kind: 'add', areaId: 'nope', text: 'x' })).toMatchObject({ error: 'unknown-area' });
    expect(applyFrameworkChange(FRAMEWORK_V1, { kind: 'remove', statementId: 'nope' })).toMatchObject({ error: 'unknown-statement' });
    expect(applyFrameworkChange(FRAMEWORK_V1, { kind: 'reword', statementId: 'leadership-plan', text: ' ' })).toMatchObject({
      error: 'empty-wording',
    });
    expect(applyFrameworkChange(FRAMEWORK_V1, { kind: 'reword', statementId: 'leadership-plan', text: 'x'.repeat(301) })).toMatchObject({
      error: 'wording-too-long',
    });
    const same = FRAMEWORK_V1.areas[0]!.statements[1]!.text;
    expect(applyFrameworkChange(FRAMEWORK_V1, { kind: 'reword', statementId: 'leadership-plan', text: same })).toMatchObject({
      error: 'same-wording',
    });
    let f = FRAMEWORK_V1;
    while (f.areas[0]!.statements.length < MAX_STATEMENTS_PER_AREA) {
      const r = applyFrameworkChange(f, { kind: 'add', areaId: 'leadership', text: `Extra ${f.version}` });
      if (!r.ok) throw new Error(r.error);
      f = r.value;
    }
    expect(applyFrameworkChange(f, { kind: 'add', areaId: 'leadership', text: 'One too many' })).toMatchObject({
      error: 'too-many-statements',
    });
    let g = FRAMEWORK_V1;
    for (const s of FRAMEWORK_V1.areas[2]!.statements.slice(1)) {
      const r = applyFrameworkChange(g, { kind: 'remove', statementId: s.id });
      if (!r.ok) throw new Error(r.error);
      g = r.value;
    }
    expect(applyFrameworkChange(g, { kind: 'remove', statementId: 'outcomes-progress' })).toMatchObject({ error: 'last-statement' });
  });
});

describe('self-evaluation progress', () => {
  it('says where a school is and what to ask next, to resume on either platform', () => {
    const answers = [answer('identification-early'), answer('identification-patterns')];
    expect(areaProgress(FRAMEWORK_V1, 'identification', answers)).toEqual({
      areaId: 'identification',
      areaNumber: 2,
      areaCount: 5,
      answered: 2,
      total: 4,
      complete: false,
      next: { statementId: 'identification-accurate', number: 2 },
    });
    expect(areaProgress(FRAMEWORK_V1, 'nope', answers)).toBeNull();
    const all = FRAMEWORK_V1.areas[0]!.statements.map((s) => answer(s.id));
    expect(schoolProgress(FRAMEWORK_V1, all).nextAreaId).toBe('identification');
    expect(schoolProgress(FRAMEWORK_V1, all).areas[0]).toMatchObject({ complete: true, next: null });
  });
});

describe('selfEvalCsv', () => {
  it('writes one row per answer with the wording it was given under, safe for spreadsheets', () => {
    const csv = selfEvalCsv([
      {
        cycleLabel: '2026-27',
        schoolName: 'Oak, Primary',
        answer: answer('leadership-plan', { rating: 'developing', help: '=HYPERLINK("x")', evidence: 'Plan "v2"' }),
        framework: FRAMEWORK_V1,
        answeredByName: 'Sam',
      },
    ]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(
      'cycle,school,area,statement_id,statement,framework_version,rating,evidence,what_would_help,answered_by,answered_at',
    );
    expect(row).toBe(
      `2026-27,"Oak, Primary",Leadership,leadership-plan,"${FRAMEWORK_V1.areas[0]!.statements[1]!.text}",1,Developing,"Plan ""v2""","'=HYPERLINK(""x"")",Sam,2027-01-12T15:00:00.000Z`,
    );
  });
});
