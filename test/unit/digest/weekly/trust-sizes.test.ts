/**
 * The weekly digest for a small, a typical (20 schools) and a very large trust (500 schools):
 * the neutral view, the Teams card and the Slack blocks, as snapshots with explicit assertions
 * of what each must say and of each platform's limits (Teams card under 28 KB, Slack at most
 * 50 blocks), long lists cut with "…and N more".
 */
import { renderSlackMessage } from '../../../../adapters/slack/render-blocks';
import { renderTeamsMessage } from '../../../../adapters/teams/render-card';
import type { CompletionRow, Concern, DueSoon } from '../../../../src/core/checkin/summary';
import type { DigestView } from '../../../../src/core/digest/model';
import { complianceSection, type ComplianceFacts } from '../../../../src/digest/weekly/compliance-section';
import { composeDigest } from '../../../../src/digest/weekly/compose-digest';
import { digestFor } from '../../../../src/flows/digest/build';
import { checkTeamsActivity } from '../../../fakes/teams-card-check';

const TEAMS_LIMIT = 28 * 1024;
const SLACK_BLOCKS = 50;

/** A trust of `n` schools with a deterministic spread of progress, open answers and deadlines. */
function trustFacts(n: number): ComplianceFacts {
  const name = (i: number) =>
    `${['Oak', 'Ash', 'Beech', 'Cedar', 'Elm', 'Hazel', 'Larch'][i % 7]} ${i % 2 ? 'Primary' : 'Academy'} ${i + 1}`;
  const completion: CompletionRow[] = Array.from({ length: n }, (_, i) => {
    const total = 15;
    const answered = i % 5 === 0 ? 15 : i % 5 === 1 ? 7 : i % 5 === 2 ? 0 : 15;
    return { schoolId: `s${i}`, schoolName: name(i), answered, total, complete: answered === total, missing: i % 23 === 22 };
  });
  const concerns: Concern[] = completion.flatMap((r, i) =>
    Array.from({ length: i % 6 === 1 ? 3 : i % 4 === 0 ? 1 : 0 }, (_, k) => ({
      schoolName: r.schoolName,
      itemId: `item-${k}`,
      question: `Question ${k + 1}`,
      strength: 'must' as const,
      value: k % 2 ? 'partly' : 'no',
      answerType: 'choice' as const,
      note: 'A note only the school and the SEND leader read',
      followUp: null,
    })),
  );
  const due: DueSoon[] = completion.flatMap((r, i): DueSoon[] => {
    if (i % 9 === 3) return [{ kind: 'qualification', schoolName: r.schoolName, sencoName: 'S', due: '2026-09-01', overdue: true }];
    if (i % 9 === 5)
      return [{ kind: 'review-date', schoolName: r.schoolName, itemId: 'r', question: 'q', due: '2027-01-20', overdue: false }];
    if (i % 9 === 7) return [{ kind: 'count', schoolName: r.schoolName, itemId: 'c', question: 'EHCP annual reviews overdue', count: 2 }];
    return [];
  });
  return {
    period: 'Autumn term 2026-27',
    open: true,
    completion,
    concerns,
    due,
    completeLastWeek: Math.max(0, completion.filter((r) => r.complete).length - 3),
    missedTwoRounds: completion.filter((_, i) => i % 11 === 10).map((r) => ({ schoolId: r.schoolId, schoolName: r.schoolName })),
  };
}

function build(name: string, n: number): DigestView {
  return composeDigest(name, '2026-11-30', [complianceSection(trustFacts(n))]);
}

/** The renderings with the PNG bytes left out (they are checked by the chart tests). */
function renderings(view: DigestView) {
  const teams = renderTeamsMessage(digestFor(view, 'teams', true));
  const slackMessage = digestFor(view, 'slack', true);
  const slack = renderSlackMessage({ ...slackMessage, files: undefined });
  return { teams, slack, slackFiles: (slackMessage.files ?? []).map((f) => [f.name, f.mediaType]) };
}

describe.each([
  ['small', 'Little Trust', 3],
  ['typical', 'Typical Trust', 20],
  ['very large', 'Very Large Trust', 500],
] as const)('the weekly digest for a %s trust', (_label, trustName, n) => {
  const view = build(trustName, n);
  const { teams, slack, slackFiles } = renderings(view);
  const schools = n - Math.floor((n + 1) / 23);

  it('says how many schools finished, with the change on last week, and names the schools to look at', () => {
    const complete = trustFacts(n).completion.filter((r) => r.complete).length;
    expect(view.trustName).toBe(trustName);
    expect(view.sections.map((s) => s.id)).toEqual(['compliance']);
    expect(view.sections[0]!.headline).toBe(
      `${complete} of ${schools} schools have finished so far (up ${Math.min(3, complete)} on last week).`,
    );
    expect(view.sections[0]!.chart!.kind).toBe('donut');
    // The most urgent first; never a school's own note.
    const weights = view.lookAt.map((s) => s.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(JSON.stringify(view)).not.toContain('A note only the school');
    expect({
      sections: view.sections.map((s) => ({ ...s, lines: s.lines.slice(0, 8), lineCount: s.lines.length })),
      lookAt: view.lookAt.slice(0, 8),
      lookAtCount: view.lookAt.length,
    }).toMatchSnapshot('view');
  });

  it('renders a Teams card with the chart element, a fallback, and within 28 KB', () => {
    const json = JSON.stringify(teams);
    expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(TEAMS_LIMIT);
    // What the strict fake connector (Adaptive Cards 1.5, the chart's fallback in its place) accepts.
    expect(checkTeamsActivity(teams)).toBeNull();
    expect(json).toContain('"Chart.Donut"');
    expect(json).toContain('"fallback"');
    expect(json).toContain('Weekly SEND digest: ' + trustName);
    expect(json).toContain('digest.unsubscribe');
    if (view.lookAt.length > 6) expect(json).toContain(`…and ${view.lookAt.length - 6} more (the document has everything).`);
    expect(teams).toMatchSnapshot('teams');
  });

  it('renders Slack blocks within 50 blocks, with the chart as a PNG file beside them', () => {
    expect(slack.blocks.length).toBeLessThanOrEqual(SLACK_BLOCKS);
    for (const block of slack.blocks) {
      const text = (block as { text?: { text?: string } }).text?.text;
      if (typeof text === 'string') expect(text.length).toBeLessThanOrEqual(3000);
    }
    expect(slackFiles).toEqual([['send-digest-compliance-completion-2026-11-30.png', 'image/png']]);
    expect(JSON.stringify(slack)).toContain('digest.unsubscribe');
    expect(slack).toMatchSnapshot('slack');
  });
});
