import { FRAMEWORK_V1 } from '../../../../src/core/selfeval/framework-v1';
import { statementIds } from '../../../../src/core/selfeval/framework';
import { RATINGS, type Rating, type SelfEvalAnswer } from '../../../../src/core/selfeval/model';
import { buildRollup } from '../../../../src/core/selfeval/rollup';
import { summariseArea, summariseSchool } from '../../../../src/core/selfeval/summary';
import { areaSummaryMessage, rollupMessage } from '../../../../src/digest/selfeval-summary';

function answer(schoolId: string, statementId: string, rating: Rating, extra: Partial<SelfEvalAnswer> = {}): SelfEvalAnswer {
  return {
    cycleId: 'c2',
    schoolId,
    statementId,
    frameworkVersion: 1,
    rating,
    evidence: null,
    help: null,
    answeredBy: 'p1',
    answeredAt: new Date('2027-01-12T15:00:00Z'),
    ...extra,
  };
}

describe('framework selfeval-v1', () => {
  it('has the five review areas, a handful of statements each, unique ids and the four-level scale', () => {
    expect(FRAMEWORK_V1.areas.map((a) => a.id)).toEqual(['leadership', 'identification', 'outcomes', 'teaching', 'provision']);
    for (const area of FRAMEWORK_V1.areas) expect(area.statements.length).toBeGreaterThanOrEqual(3);
    const ids = statementIds(FRAMEWORK_V1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(FRAMEWORK_V1.ratings.map((r) => r.label)).toEqual(['Not yet in place', 'Developing', 'Established', 'Strong']);
    expect(FRAMEWORK_V1.ratings.map((r) => r.id)).toEqual([...RATINGS]);
  });
});

describe('summariseArea', () => {
  const answers = [
    answer('s1', 'leadership-vision', 'strong', { evidence: 'Vision in the staff handbook' }),
    answer('s1', 'leadership-plan', 'developing', { help: 'A template for SEND priorities' }),
    answer('s1', 'leadership-governance', 'not-yet', { help: 'Training for our SEND governor' }),
  ];
  const previous = [
    answer('s1', 'leadership-vision', 'established', { cycleId: 'c1' }),
    answer('s1', 'leadership-plan', 'strong', { cycleId: 'c1' }),
  ];

  it('lists ratings, strengths, development areas (weakest first), help, evidence and change', () => {
    const s = summariseArea({ framework: FRAMEWORK_V1, answers, previous }, 'leadership')!;
    expect(s).toMatchObject({ answered: 3, total: 4, complete: false });
    expect(s.rows.map((r) => [r.statementId, r.rating, r.change])).toEqual([
      ['leadership-vision', 'strong', 'up'],
      ['leadership-plan', 'developing', 'down'],
      ['leadership-governance', 'not-yet', 'new'],
      ['leadership-senco', null, null],
    ]);
    expect(s.strengths.map((r) => r.statementId)).toEqual(['leadership-vision']);
    expect(s.development.map((r) => r.statementId)).toEqual(['leadership-governance', 'leadership-plan']);
    expect(s.help.map((h) => h.text)).toEqual(['A template for SEND priorities', 'Training for our SEND governor']);
    expect(s.evidence).toEqual([{ statementId: 'leadership-vision', text: 'Vision in the staff handbook' }]);
    expect(s.level).toBeCloseTo(4 / 3);
    expect(summariseArea({ framework: FRAMEWORK_V1, answers, previous }, 'nope')).toBeNull();
    expect(summariseSchool({ framework: FRAMEWORK_V1, answers, previous })).toMatchObject({ answered: 3, total: 18, complete: false });
  });

  it('renders the same message every time, with the words a leader needs', () => {
    const s = summariseArea({ framework: FRAMEWORK_V1, answers, previous }, 'leadership')!;
    const message = areaSummaryMessage('Oak Primary', s, FRAMEWORK_V1);
    expect(message.summary).toBe('Oak Primary finished Leadership: 1 strengths, 2 to develop');
    expect(JSON.stringify(message)).toContain('up from Established');
    expect(JSON.stringify(message)).toContain('Training for our SEND governor');
    expect(message).toMatchSnapshot();
  });
});

describe('buildRollup', () => {
  const schools = [
    { schoolId: 's2', schoolName: 'Beech Academy' },
    { schoolId: 's1', schoolName: 'Ash Primary' },
    { schoolId: 's3', schoolName: 'Cedar School' },
  ];
  const all = (schoolId: string, rating: Rating) => statementIds(FRAMEWORK_V1).map((id) => answer(schoolId, id, rating));
  const answers = [
    ...all('s1', 'strong'),
    ...all('s2', 'established'),
    answer('s3', 'leadership-plan', 'not-yet'),
    answer('s3', 'leadership-vision', 'developing'),
    answer('s3', 'x-unknown', 'strong'),
    answer('s9', 'leadership-plan', 'strong'),
  ];

  it('builds the area x school matrix, common development areas and who could support others', () => {
    const r = buildRollup(FRAMEWORK_V1, schools, answers);
    expect(r.schools.map((s) => s.schoolName)).toEqual(['Ash Primary', 'Beech Academy', 'Cedar School']);
    expect(r.cells[0]![0]).toEqual({ level: 3, rating: 'strong', answered: 4, total: 4 });
    expect(r.cells[2]![0]).toEqual({ level: 0.5, rating: 'developing', answered: 2, total: 4 });
    expect(r.cells[2]![1]).toEqual({ level: null, rating: null, answered: 0, total: 4 });
    expect(r.commonDevelopment.map((d) => [d.statementId, d.schools])).toEqual([
      ['leadership-vision', 1],
      ['leadership-plan', 1],
    ]);
    expect(r.supporters[0]!.schools.map((s) => s.schoolName)).toEqual(['Ash Primary', 'Beech Academy']);
    expect(r.complete).toBe(2);
    const message = rollupMessage(r, FRAMEWORK_V1);
    expect(message.summary).toBe('Self-evaluation: 2 of 3 schools finished');
    expect(message).toMatchSnapshot();
  });

  it('is the same whatever order schools and answers come in', () => {
    expect(buildRollup(FRAMEWORK_V1, [...schools].reverse(), [...answers].reverse())).toEqual(buildRollup(FRAMEWORK_V1, schools, answers));
  });
});
