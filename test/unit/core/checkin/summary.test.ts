import { CHECKLIST_V1 } from '../../../../src/core/checkin/checklist-v1';
import { answersCsv, csvCell } from '../../../../src/core/checkin/export-csv';
import type { CheckinAnswer, SchoolCheckin } from '../../../../src/core/checkin/model';
import { plusDays, summariseRound, type SchoolRoundData } from '../../../../src/core/checkin/summary';

const at = new Date('2027-01-14T10:00:00Z');
function answer(itemId: string, value: string, extra: Partial<CheckinAnswer> = {}): CheckinAnswer {
  return {
    checkinId: 'c1',
    itemId,
    checklistVersion: 1,
    value,
    note: null,
    followUp: null,
    source: 'answered',
    answeredBy: 'p1',
    answeredAt: at,
    ...extra,
  };
}
function checkin(id: string, schoolId: string, itemIds: string[]): SchoolCheckin {
  return { id, roundId: 'r2', trustId: 't', schoolId, sencoIds: ['p1'], itemIds, prefill: {}, completedAt: null };
}

describe('summariseRound', () => {
  const today = '2027-01-26';
  const oak: SchoolRoundData = {
    schoolId: 's1',
    schoolName: 'Oak Primary',
    phase: 'primary',
    checkin: checkin('c1', 's1', ['sen-information-report', 'graduated-approach', 'ehcp-reviews-overdue', 'ehcp-reviews-due-soon']),
    answers: [
      answer('sen-information-report', '2026-03-01'),
      answer('graduated-approach', 'partly', { note: 'Two classes behind', followUp: { help: 'EP time', by: '2027-03-01' } }),
      answer('ehcp-reviews-overdue', '2'),
      answer('ehcp-reviews-due-soon', '3'),
    ],
    previous: { answers: [answer('graduated-approach', 'yes'), answer('ehcp-reviews-overdue', '2')], checklist: CHECKLIST_V1 },
    sencos: [
      {
        personId: 'p1',
        name: 'Ann',
        appointedOn: '2024-03-01',
        priorSencoMonths: 0,
        qualification: 'npq-enrolled',
        qualificationStartedOn: '2024-10-01',
        qualificationCompletedOn: null,
      },
    ],
  };
  const ash: SchoolRoundData = {
    schoolId: 's2',
    schoolName: 'Ash Academy',
    phase: 'secondary',
    checkin: checkin('c2', 's2', ['graduated-approach', 'census-sen-codes']),
    answers: [answer('graduated-approach', 'yes')],
    previous: null,
    sencos: [
      {
        personId: 'p2',
        name: 'Bob',
        appointedOn: '2025-09-01',
        priorSencoMonths: 0,
        qualification: 'none',
        qualificationStartedOn: null,
        qualificationCompletedOn: null,
      },
    ],
  };
  const elm: SchoolRoundData = {
    schoolId: 's3',
    schoolName: 'Elm Special',
    phase: 'special',
    checkin: null,
    answers: [],
    previous: null,
    sencos: [],
  };

  const summary = summariseRound(CHECKLIST_V1, [oak, ash, elm], today);

  it('gives completion by school, in name order, and marks schools without a check-in', () => {
    expect(summary.completion.map((c) => [c.schoolName, c.answered, c.total, c.complete, c.missing])).toEqual([
      ['Ash Academy', 1, 2, false, false],
      ['Elm Special', 0, 0, false, true],
      ['Oak Primary', 4, 4, true, false],
    ]);
    expect([summary.schools, summary.complete]).toEqual([3, 1]);
  });

  it('lists every answer that raised something, with its note and follow-up', () => {
    // The report (reviewed 1 March 2026) is not yet 12 months old: due soon, not a concern.
    expect(summary.concerns.map((c) => [c.schoolName, c.itemId, c.value, c.note])).toEqual([
      ['Oak Primary', 'graduated-approach', 'partly', 'Two classes behind'],
      ['Oak Primary', 'ehcp-reviews-overdue', '2', null],
    ]);
    expect(summary.concerns[0]!.followUp).toEqual({ help: 'EP time', by: '2027-03-01' });
  });

  it('lists what falls due within 60 days: review dates, counts and qualification deadlines', () => {
    expect(summary.dueSoon).toEqual([
      { kind: 'enrol', schoolName: 'Ash Academy', sencoName: 'Bob', appointedOn: '2025-09-01' },
      {
        kind: 'review-date',
        schoolName: 'Oak Primary',
        itemId: 'sen-information-report',
        question: expect.any(String),
        due: '2027-03-01',
        overdue: false,
      },
      { kind: 'count', schoolName: 'Oak Primary', itemId: 'ehcp-reviews-due-soon', question: expect.any(String), count: 3 },
      { kind: 'qualification', schoolName: 'Oak Primary', sencoName: 'Ann', due: '2027-03-01', overdue: false },
    ]);
  });

  it('lists changes since the previous round', () => {
    expect(summary.changes.map((c) => [c.schoolName, c.itemId, c.from, c.to])).toEqual([
      ['Oak Primary', 'graduated-approach', 'yes', 'partly'],
    ]);
  });

  it('adds days across month ends', () => {
    expect(plusDays('2027-01-31', 60)).toBe('2027-04-01');
  });
});

describe('answersCsv', () => {
  it('writes one row per answer with the version it was given under, quoting and defusing formulas', () => {
    const csv = answersCsv([
      {
        roundLabel: 'Spring 2027',
        schoolName: 'Oak, Primary',
        checklist: CHECKLIST_V1,
        answeredByName: 'Ann',
        answer: answer('graduated-approach', 'partly', { note: '=HYPERLINK("x")', followUp: { help: 'EP "time"', by: null } }),
      },
    ]);
    const [header, row, end] = csv.split('\r\n');
    expect(header).toBe(
      'round,school,item_id,question,must_or_should,checklist_version,answer,note,what_would_help,by_when,confirmed_unchanged,answered_by,answered_at',
    );
    expect(row).toBe(
      'Spring 2027,"Oak, Primary",graduated-approach,"For pupils on SEN support, has the assess-plan-do-review cycle run this term, including a meeting with parents?",should,1,partly,"\'=HYPERLINK(""x"")","EP ""time""",,no,Ann,2027-01-14T10:00:00.000Z',
    );
    expect(end).toBe('');
  });

  it('escapes cells', () => {
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(null)).toBe('');
  });
});
