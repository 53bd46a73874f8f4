import type { BuddyPair, BuddyRequest } from '../../../../src/core/buddies-port';
import { stripVerbatim } from '../../../../src/core/verbatim';
import { buddyDigestSection, digestFacts, type BuddyDigestFacts } from '../../../../src/flows/buddies/digest-section';

function pair(over: Partial<BuddyPair>): BuddyPair {
  return {
    id: 'p',
    trustId: 't',
    requestId: 'r',
    menteeId: 'nia',
    buddyId: 'sam',
    groupId: 'g',
    status: 'active',
    score: 1,
    reasons: [],
    repeat: false,
    proposedAt: new Date('2026-11-02T09:00:00Z'),
    approvedAt: new Date('2026-11-02T09:00:00Z'),
    approvedBy: 'lee',
    startsOn: '2026-11-02',
    endsOn: '2027-07-21',
    metAt: null,
    followUp: 'none',
    menteeFeedback: null,
    buddyFeedback: null,
    endedAt: null,
    endReason: null,
    ...over,
  };
}

const request = (personId: string): BuddyRequest => ({
  id: `r-${personId}`,
  trustId: 't',
  personId,
  needs: [],
  wantsSpecialist: false,
  status: 'open',
  roundsWaiting: 1,
  waitingReason: null,
  createdAt: new Date('2026-11-01T09:00:00Z'),
  closedAt: null,
});

const NAMES: Record<string, string> = { nia: 'Nia Newton', sam: 'Sam Senior', uma: 'Uma Upton', ola: 'Ola Old', ben: 'Ben Buddy' };
const name = (id: string) => NAMES[id] ?? id;

describe('buddying in the weekly digest', () => {
  const facts = digestFacts(
    [
      pair({ id: 'a' }),
      pair({ id: 'b', menteeId: 'uma', buddyId: 'ben', metAt: new Date('2026-11-10T09:00:00Z') }),
      pair({ id: 'c', status: 'proposed', menteeId: 'ola' }),
      // Uma's request has a proposal waiting for approval: counted there, not as waiting.
      pair({ id: 'f', status: 'proposed', menteeId: 'uma', requestId: 'r-uma' }),
      pair({ id: 'd', status: 'ended', menteeId: 'ola', endedAt: new Date('2026-07-20T09:00:00Z'), menteeFeedback: 'Too old to show' }),
      pair({ id: 'e', status: 'ended', menteeId: 'uma', endedAt: new Date('2026-11-20T09:00:00Z'), buddyFeedback: 'Great <b>help</b>' }),
    ],
    [request('ola'), request('uma')],
    name,
    '2026-11-02',
  );

  it('gathers pairs, who has not met, the waiting list and recent feedback only', () => {
    expect(facts).toEqual<BuddyDigestFacts>({
      current: [
        { mentee: 'Nia Newton', buddy: 'Sam Senior', met: false },
        { mentee: 'Uma Upton', buddy: 'Ben Buddy', met: true },
      ],
      waiting: ['Ola Old'],
      proposed: 2,
      feedback: [{ name: 'Sam Senior', line: 'Great <b>help</b>' }],
    });
  });

  it('names people for the SEND leader, most important first', () => {
    const section = buddyDigestSection(facts, 'send-leader')!;
    expect(stripVerbatim(section.headline)).toBe('Pairs buddying: 2. Waiting for a buddy: 1.');
    expect(section.lines.map(stripVerbatim)).toEqual([
      'Not met yet: Nia Newton with Sam Senior',
      'Proposed pairs waiting for approval: 2',
      'Waiting: Ola Old',
      'Feedback from Sam Senior: Great <b>help</b>',
    ]);
  });

  it('gives a trust leader figures only: no names, no feedback text', () => {
    const section = buddyDigestSection(facts, 'trust-leader')!;
    const all = stripVerbatim([section.headline, ...section.lines].join('\n'));
    expect(section.lines.map(stripVerbatim)).toEqual([
      'Pairs not met yet: 1',
      'Proposed pairs waiting for approval: 2',
      'Lines of feedback (the SEND leader reads them): 1',
    ]);
    expect(all).not.toMatch(/Nia|Sam|Ola|Great/);
  });

  it('says nothing when there is nothing to say', () => {
    expect(buddyDigestSection({ current: [], waiting: [], proposed: 0, feedback: [] }, 'send-leader')).toBeNull();
  });
});
