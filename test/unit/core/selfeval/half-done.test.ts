import { addDays, isWeekend } from '../../../../src/calendar/local-date';
import { FRAMEWORK_V1 } from '../../../../src/core/selfeval/framework-v1';
import { halfDoneAreas, nudgeDueDay, nudgeKey } from '../../../../src/core/selfeval/half-done';
import type { SelfEvalAnswer } from '../../../../src/core/selfeval/model';

const leadership = FRAMEWORK_V1.areas[0]!;
const identification = FRAMEWORK_V1.areas[1]!;

function answer(statementId: string, at: string): SelfEvalAnswer {
  return {
    cycleId: 'c1',
    schoolId: 's1',
    statementId,
    frameworkVersion: 1,
    rating: 'established',
    evidence: null,
    help: null,
    answeredBy: 'p1',
    answeredAt: new Date(at),
  };
}

describe('halfDoneAreas', () => {
  it('lists areas started and not finished, with the latest answer; finished and untouched areas are left out', () => {
    const answers = [
      ...leadership.statements.map((s) => answer(s.id, '2026-09-14T09:00:00Z')),
      answer(identification.statements[0]!.id, '2026-09-15T09:00:00Z'),
      answer(identification.statements[1]!.id, '2026-09-16T10:30:00Z'),
    ];
    expect(halfDoneAreas(FRAMEWORK_V1, answers)).toEqual([
      {
        areaId: 'identification',
        title: identification.title,
        areaNumber: 2,
        areaCount: 5,
        answered: 2,
        total: identification.statements.length,
        lastAnsweredAt: new Date('2026-09-16T10:30:00Z'),
      },
    ]);
    expect(halfDoneAreas(FRAMEWORK_V1, [])).toEqual([]);
  });

  it('ignores answers to statements no longer in the framework', () => {
    expect(halfDoneAreas(FRAMEWORK_V1, [answer('gone-statement', '2026-09-15T09:00:00Z')])).toEqual([]);
  });
});

describe('nudgeDueDay', () => {
  const weekdays = (d: string) => {
    let next = addDays(d, 1);
    while (isWeekend(next)) next = addDays(next, 1);
    return next;
  };

  it('counts school days only: left on a Thursday, three school days later is Tuesday', () => {
    expect(nudgeDueDay('2026-09-17', 3, weekdays)).toBe('2026-09-22');
  });

  it('skips a holiday the calendar leaves out', () => {
    const withHoliday = (d: string) => {
      let next = weekdays(d);
      while (next === '2026-09-21') next = weekdays(next);
      return next;
    };
    expect(nudgeDueDay('2026-09-17', 3, withHoliday)).toBe('2026-09-23');
  });

  it('is null when the calendar runs out', () => {
    expect(nudgeDueDay('2026-09-17', 3, () => null)).toBeNull();
  });
});

describe('nudgeKey', () => {
  it('names the gap by the last answer, so a new answer starts a new gap', () => {
    const [area] = halfDoneAreas(FRAMEWORK_V1, [answer(leadership.statements[0]!.id, '2026-09-15T09:00:00Z')]);
    const later = { ...area!, lastAnsweredAt: new Date('2026-09-22T09:00:00Z') };
    expect(nudgeKey('c1', 's1', area!, 'p1')).toBe(`selfeval-nudge:c1:s1:leadership:${Date.parse('2026-09-15T09:00:00Z')}:p1`);
    expect(nudgeKey('c1', 's1', later, 'p1')).not.toBe(nudgeKey('c1', 's1', area!, 'p1'));
  });
});
