import { BUDDY_TAGS, type MatchReason, type UnmatchedReason } from '../../../../src/core/buddies/model';
import { BUDDY_TAG_LABELS, describeReason, describeUnmatched } from '../../../../src/i18n/buddies';

describe('buddy reasons in words', () => {
  const names = { buddy: 'Sam', mentee: 'Alex' };

  it('words every reason a proposal can carry', () => {
    const reasons: MatchReason[] = [
      { code: 'experience', buddyYears: 8, menteeYears: 1 },
      { code: 'qualified' },
      { code: 'new-senco' },
      { code: 'needs', tags: ['ehcp-applications', 'semh'] },
      { code: 'same-la', localAuthority: 'Leeds' },
      { code: 'same-phase', phase: 'primary' },
      { code: 'cross-phase', menteePhase: 'primary', buddyPhase: 'secondary' },
      { code: 'specialist' },
      { code: 'light-load', pastPicks: 0 },
      { code: 'waited', rounds: 2 },
      { code: 'repeat-agreed' },
    ];
    expect(reasons.map((r) => describeReason(r, names))).toEqual([
      'Sam has 8 years as a SENCO; Alex has 1 year.',
      'Sam holds the SENCO qualification and can talk through the NPQ.',
      'Alex is new to the role, so comes first for a buddy.',
      'Sam can help with what Alex asked about: EHCP applications and SEMH.',
      'Both work with Leeds, so the paperwork is the same.',
      'Both work in primary settings.',
      'Different phases (primary and secondary): useful for transition and a fresh view.',
      'Sam brings special school or AP expertise, as Alex asked.',
      'Sam has no one to buddy at the moment.',
      'Alex has been waiting for 2 rounds.',
      'They have been paired before; you agreed to a repeat as no one else was free.',
    ]);
  });

  it('tells everyone left without a buddy why, and labels every shipped tag', () => {
    const reasons: UnmatchedReason[] = [
      'opted-out',
      'no-buddies',
      'same-school-only',
      'no-eligible-buddy',
      'only-previous-buddies',
      'no-capacity',
    ];
    for (const r of reasons) expect(describeUnmatched(r)).toMatch(/^[A-Z].+\.$/);
    for (const tag of BUDDY_TAGS) expect(BUDDY_TAG_LABELS[tag]).toBeDefined();
  });
});
