import type { CompletionRow, Concern } from '../../../../src/core/checkin/summary';
import { complianceSection, type ComplianceFacts } from '../../../../src/digest/weekly/compliance-section';
import { composeDigest } from '../../../../src/digest/weekly/compose-digest';
import { digestDocument } from '../../../../src/digest/weekly/digest-document';
import { digestMessage, MAX_LINES } from '../../../../src/digest/weekly/digest-message';

function row(name: string, answered: number, total = 10, missing = false): CompletionRow {
  return { schoolId: `id-${name}`, schoolName: name, answered, total, complete: answered === total, missing };
}

function concern(school: string, n: number): Concern {
  return {
    schoolName: school,
    itemId: `i${n}`,
    question: `Question ${n}`,
    strength: 'must',
    value: 'no',
    answerType: 'choice',
    note: null,
    followUp: null,
  };
}

const facts = (over: Partial<ComplianceFacts> = {}): ComplianceFacts => ({
  period: 'Autumn term 2026',
  open: true,
  completion: [row('Oak Primary', 10), row('Ash Grove', 4), row('Beech Hill', 0), row('Cedar Park', 0, 10, true)],
  concerns: [concern('Ash Grove', 1), concern('Ash Grove', 2), concern('Ash Grove', 3), concern('Oak Primary', 4)],
  due: [
    { kind: 'qualification', schoolName: 'Beech Hill', sencoName: 'C', due: '2020-09-01', overdue: true },
    { kind: 'review-date', schoolName: 'Oak Primary', itemId: 'x', question: 'q', due: '2027-01-10', overdue: false },
  ],
  completeLastWeek: 0,
  missedTwoRounds: [{ schoolId: 'id-Beech Hill', schoolName: 'Beech Hill' }],
  ...over,
});

describe('the compliance section of the weekly digest', () => {
  it('has nothing to say before any round', () => {
    expect(complianceSection(null)).toEqual({ section: null, lookAt: [] });
  });

  it('counts finished schools among those with a SENCO, with the change on last week', () => {
    const { section } = complianceSection(facts());
    expect(section!.headline).toBe('1 of 3 schools have finished so far (up 1 on last week).');
    expect(complianceSection(facts({ completeLastWeek: 1, open: false })).section!.headline).toBe(
      '1 of 3 schools finished (no change on last week).',
    );
    expect(complianceSection(facts({ completeLastWeek: null })).section!.headline).toBe('1 of 3 schools have finished so far.');
  });

  it('puts overdue deadlines before due-soon ones and never calls a past deadline "due"', () => {
    const { section } = complianceSection(facts());
    expect(section!.lines).toEqual([
      '4 "no" or "partly" answers open across 2 schools.',
      'Beech Hill: the SENCO qualification deadline passed on 1 September 2020.',
      'Oak Primary: a review is due 10 January 2027.',
    ]);
  });

  it('charts progress as a donut of finished, started, not started and no SENCO', () => {
    const chart = complianceSection(facts()).section!.chart!;
    expect(chart.kind).toBe('donut');
    expect(chart.categories).toEqual(['Finished', 'Started', 'Not started', 'No SENCO on the roster']);
    expect(chart.series[0]!.values).toEqual([1, 1, 1, 1]);
  });

  it('names schools to look at with reasons: several open answers, two missed rounds, a passed deadline', () => {
    const view = composeDigest('North Star Trust', '2026-11-30', [complianceSection(facts())]);
    expect(view.lookAt.map((s) => [s.schoolName, s.reasons])).toEqual([
      ['Beech Hill', ['no finished check-in for two rounds', 'SENCO qualification deadline passed']],
      ['Ash Grove', ['3 check-in answers to look at']],
    ]);
  });
});

describe('the digest message and document', () => {
  const view = composeDigest('North Star Trust', '2026-11-30', [complianceSection(facts())]);

  it('leads with the trust and week, shows the chart, and offers a button per school to look at and the document', () => {
    const message = digestMessage(view);
    expect(message.summary).toBe(
      'Weekly SEND digest for North Star Trust, week of 30 November 2026: 1 of 3 schools have finished so far (up 1 on last week).',
    );
    expect(message.blocks[0]).toEqual({ type: 'heading', text: 'Weekly SEND digest: North Star Trust' });
    expect(message.blocks.some((b) => b.type === 'chart')).toBe(true);
    const buttons = message.blocks.find((b) => b.type === 'buttons');
    expect(buttons).toEqual({
      type: 'buttons',
      buttons: [
        { label: 'Open Beech Hill', verb: 'digest.school', data: { s: 'id-Beech Hill' } },
        { label: 'Open Ash Grove', verb: 'digest.school', data: { s: 'id-Ash Grove' } },
        { label: 'Get the full digest as a document', verb: 'digest.document', data: { w: '2026-11-30' } },
      ],
    });
    expect(message).toMatchSnapshot();
  });

  it('cuts long lists with "…and N more"', () => {
    const due = Array.from({ length: 20 }, (_, i) => ({
      kind: 'enrol' as const,
      schoolName: `School ${i}`,
      sencoName: 'x',
      appointedOn: '2026-01-01',
    }));
    const big = composeDigest('T', '2026-11-30', [complianceSection(facts({ due, concerns: [] }))]);
    const text = digestMessage(big)
      .blocks.filter((b) => b.type === 'text')
      .map((b) => (b as { text: string }).text)
      .join('\n');
    expect(text).toContain(`…and ${20 - MAX_LINES} more (the document has everything).`);
  });

  it('says so in one line when there is nothing to report', () => {
    const message = digestMessage(composeDigest('T', '2026-11-30', [complianceSection(null)]));
    expect(message.blocks.filter((b) => b.type === 'text').map((b) => (b as { text: string }).text)).toContain(
      'Nothing new across the trust this week.',
    );
  });

  it('writes a Markdown document with the chart figures as a table and names escaped', () => {
    const odd = composeDigest('North_Star *Trust*', '2026-11-30', [complianceSection(facts())]);
    const doc = digestDocument(odd);
    expect(doc).toContain('# Weekly SEND digest: North\\_Star \\*Trust\\*');
    expect(doc).toContain('| Finished | 1 |');
    expect(doc).toContain('- **Beech Hill**: no finished check\\-in for two rounds; SENCO qualification deadline passed');
  });
});
