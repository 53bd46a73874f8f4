import { stripVerbatim } from '../../../src/core/verbatim';
import type { RoundSummary } from '../../../src/core/checkin/summary';
import { MAX_LINES, roundSummaryMessage } from '../../../src/digest/checkin-summary';

const labels = { period: 'Spring term 2026-27', title: (id: string) => id.toUpperCase(), answer: (_id: string, v: string) => `<${v}>` };

describe('roundSummaryMessage', () => {
  const summary: RoundSummary = {
    completion: [
      { schoolId: 'a', schoolName: 'Ash', answered: 3, total: 8, complete: false, missing: false },
      { schoolId: 'e', schoolName: 'Elm', answered: 0, total: 0, complete: false, missing: true },
      { schoolId: 'o', schoolName: 'Oak', answered: 8, total: 8, complete: true, missing: false },
    ],
    concerns: [
      {
        schoolName: 'Oak',
        itemId: 'sen-policy',
        question: 'q',
        strength: 'must',
        value: 'partly',
        answerType: 'choice',
        note: 'Draft',
        followUp: { help: 'Template', by: '2027-02-01' },
      },
    ],
    dueSoon: [{ kind: 'qualification', schoolName: 'Ash', sencoName: 'Sam', due: '2027-03-01', overdue: false }],
    firstRound: false,
    changes: [],
    schools: 3,
    complete: 1,
  };

  it('gives completion, concerns with note and follow-up, due soon and changes', () => {
    const message = roundSummaryMessage(summary, labels);
    const text = stripVerbatim(JSON.stringify(message.blocks));
    expect(message.summary).toBe('Check-in summary for Spring term 2026-27: 1 of 3 schools finished, 1 answer to look at');
    expect(message.blocks[2]).toEqual({
      type: 'table',
      columns: ['School', 'Answered', 'State'],
      rows: [
        ['Ash', '3/8', 'Started'],
        ['Elm', 'Nobody asked', 'No SENCO on the roster'],
        ['Oak', '8/8', 'Finished'],
      ],
    });
    expect(text).toContain('**Oak**: SEN-POLICY: <partly> (\\"Draft\\"); would help: Template by 1 February 2027');
    expect(text).toContain('**Ash**: Sam must hold the SENCO qualification by 1 March 2027');
    expect(text).toContain('No answers changed since last round.');
  });

  it('cuts long lists and points to the export', () => {
    const many = { ...summary, concerns: Array.from({ length: MAX_LINES + 3 }, () => summary.concerns[0]!) };
    expect(stripVerbatim(JSON.stringify(roundSummaryMessage(many, labels).blocks))).toContain(
      '…and 3 more: type **checkin export** for everything.',
    );
  });
});
