import { FRAMEWORK_V1 } from '../../../../src/core/selfeval/framework-v1';
import type { Rating, SelfEvalAnswer } from '../../../../src/core/selfeval/model';
import { buildRollup } from '../../../../src/core/selfeval/rollup';
import { selfEvalDigestSection } from '../../../../src/digest/weekly/selfeval-section';

const schools = [
  { schoolId: 'oak', schoolName: 'Oak Primary' },
  { schoolId: 'elm', schoolName: 'Elm Academy' },
  { schoolId: 'ash', schoolName: 'Ash Infants' },
];

function answers(schoolId: string, areas: number, rating: Rating): SelfEvalAnswer[] {
  return FRAMEWORK_V1.areas.slice(0, areas).flatMap((area) =>
    area.statements.map((s) => ({
      cycleId: 'c1',
      schoolId,
      statementId: s.id,
      frameworkVersion: 1,
      rating,
      evidence: 'Oak Primary governors minutes',
      help: 'Ask Elm Academy',
      answeredBy: 'p1',
      answeredAt: new Date('2026-09-15T09:00:00Z'),
    })),
  );
}

// Oak finished everything (strong); Elm two areas, all developing; Ash not started.
const rollup = buildRollup(FRAMEWORK_V1, schools, [...answers('oak', 5, 'strong'), ...answers('elm', 2, 'developing')]);

describe('self-evaluation digest section', () => {
  it('gives schools finished, per area, and the most common development areas', () => {
    const { section, lookAt } = selfEvalDigestSection({ cycleLabel: '2026-27', rollup, audience: 'send-leader' });
    expect(lookAt).toEqual([]);
    expect(section!.headline).toBe('2026-27: 1 of 3 schools finished all five areas, 1 in progress');
    expect(section!.lines).toContain(`${FRAMEWORK_V1.areas[0]!.title}: 2 of 3 schools finished`);
    expect(section!.lines).toContain(`${FRAMEWORK_V1.areas[4]!.title}: 1 of 3 schools finished`);
    expect(section!.lines[1]).toBe(`Most common development area: ${FRAMEWORK_V1.areas[0]!.statements[0]!.text} (1 school)`);
    expect(section!.lines[0]).toBe('Not started yet: Ash Infants');
    expect(section!.chart!.series[0]!.values).toEqual([2, 2, 1, 1, 1]);
  });

  it("gives a trust leader figures only: no school's name or words", () => {
    const { section } = selfEvalDigestSection({ cycleLabel: '2026-27', rollup, audience: 'trust-leader' });
    const text = JSON.stringify(section);
    for (const name of ['Oak Primary', 'Elm Academy', 'Ash Infants', 'governors minutes']) expect(text).not.toContain(name);
    expect(section!.headline).toContain('1 of 3 schools finished');
  });

  it('says nothing for a trust without schools', () => {
    expect(selfEvalDigestSection({ cycleLabel: '2026-27', rollup: buildRollup(FRAMEWORK_V1, [], []), audience: 'send-leader' })).toEqual({
      section: null,
      lookAt: [],
    });
  });
});
