import { matchBuddies } from '../../../../src/core/buddies/match';
import type { Buddy, MatchInput, Mentee } from '../../../../src/core/buddies/model';

function mentee(id: string, extra: Partial<Mentee> = {}): Mentee {
  return {
    personId: id,
    schoolId: `school-${id}`,
    phase: 'primary',
    localAuthority: 'Leeds',
    yearsInRole: 0,
    isNew: true,
    needs: [],
    wantsSpecialist: false,
    roundsWaiting: 0,
    optedOut: false,
    ...extra,
  };
}

function buddy(id: string, extra: Partial<Buddy> = {}): Buddy {
  return {
    personId: id,
    schoolId: `school-${id}`,
    phase: 'primary',
    localAuthority: 'Leeds',
    yearsInRole: 6,
    qualified: true,
    specialist: false,
    strengths: [],
    capacity: 1,
    activeLoad: 0,
    pastPicks: 0,
    optedOut: false,
    ...extra,
  };
}

function pairs(input: MatchInput): string[] {
  return matchBuddies(input).proposals.map((p) => `${p.menteeId}-${p.buddyId}`);
}

describe('matchBuddies: hard constraints', () => {
  it('never pairs two SENCOs of the same school, and says why the mentee is waiting', () => {
    const result = matchBuddies({ mentees: [mentee('m1', { schoolId: 's1' })], buddies: [buddy('b1', { schoolId: 's1' })], history: [] });
    expect(result.proposals).toEqual([]);
    expect(result.unmatched).toEqual([{ menteeId: 'm1', reason: 'same-school-only' }]);
  });

  it('never gives a buddy more mentees than their free places', () => {
    const result = matchBuddies({
      mentees: [mentee('m1'), mentee('m2'), mentee('m3')],
      buddies: [buddy('b1', { capacity: 3, activeLoad: 1 })],
      history: [],
    });
    expect(result.proposals.map((p) => p.buddyId)).toEqual(['b1', 'b1']);
    expect(result.unmatched).toEqual([{ menteeId: 'm3', reason: 'no-capacity' }]);
  });

  it('never matches someone who opted out, on either side', () => {
    const result = matchBuddies({
      mentees: [mentee('m1', { optedOut: true }), mentee('m2')],
      buddies: [buddy('b1', { optedOut: true }), buddy('b2')],
      history: [],
    });
    expect(pairs({ mentees: [mentee('m2')], buddies: [buddy('b1', { optedOut: true })], history: [] })).toEqual([]);
    expect(result.proposals.map((p) => `${p.menteeId}-${p.buddyId}`)).toEqual(['m2-b2']);
    expect(result.unmatched).toEqual([{ menteeId: 'm1', reason: 'opted-out' }]);
  });

  it('never proposes a blocked pair (line manager, reviewer)', () => {
    const result = matchBuddies({ mentees: [mentee('m1')], buddies: [buddy('b1')], history: [], blocked: [['b1', 'm1']] });
    expect(result.unmatched).toEqual([{ menteeId: 'm1', reason: 'no-eligible-buddy' }]);
  });

  it('never repeats a pair without the leader agreeing, and says a repeat is the only option', () => {
    const result = matchBuddies({ mentees: [mentee('m1')], buddies: [buddy('b1')], history: [['b1', 'm1']] });
    expect(result.proposals).toEqual([]);
    expect(result.unmatched).toEqual([{ menteeId: 'm1', reason: 'only-previous-buddies' }]);
  });

  it('with the leader agreeing, repeats only for someone who has no fresh option', () => {
    const result = matchBuddies({
      mentees: [mentee('m1'), mentee('m2')],
      // b1 is the better fit for m1 (strengths), but m1 had b1 before and b2 is free.
      buddies: [buddy('b1', { strengths: ['semh'] }), buddy('b2')],
      history: [
        ['m1', 'b1'],
        ['m2', 'b2'],
        ['m2', 'b1'],
      ],
      allowRepeats: true,
    });
    expect(result.proposals.map((p) => [p.menteeId, p.buddyId, p.repeat])).toEqual([['m1', 'b2', false]].concat([['m2', 'b1', true]]));
    expect(result.proposals[1]!.reasons).toContainEqual({ code: 'repeat-agreed' });
  });

  it('puts everyone who asked either in a proposal or on the waiting list, once', () => {
    const mentees = ['a', 'b', 'c', 'd', 'e'].map((id) => mentee(id));
    const result = matchBuddies({ mentees, buddies: [buddy('x', { capacity: 2 }), buddy('y')], history: [] });
    const seen = [...result.proposals.map((p) => p.menteeId), ...result.unmatched.map((u) => u.menteeId)].sort();
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(result.proposals).toHaveLength(3);
    expect(matchBuddies({ mentees, buddies: [], history: [] }).unmatched.every((u) => u.reason === 'no-buddies')).toBe(true);
  });
});

describe('matchBuddies: optimisation', () => {
  it('solves the whole round, not first come first served', () => {
    // m1 comes first and fits b1 a little better; greedy would give m2 nobody (m2 is b2's school).
    const input: MatchInput = {
      mentees: [mentee('m1', { needs: ['semh'] }), mentee('m2', { schoolId: 'school-b2' })],
      buddies: [buddy('b1', { strengths: ['semh'] }), buddy('b2')],
      history: [],
    };
    expect(pairs(input)).toEqual(['m1-b2', 'm2-b1']);
  });

  it('weighs needs, local authority, phase and specialist expertise', () => {
    const m = mentee('m1', { needs: ['ehcp-applications', 'semh'], localAuthority: 'Leeds', phase: 'secondary', wantsSpecialist: true });
    const buddies = [
      buddy('plain', { localAuthority: 'York', phase: 'primary' }),
      buddy('needs', { strengths: ['semh', 'ehcp-applications'], localAuthority: 'York', phase: 'primary' }),
      buddy('la', { localAuthority: 'Leeds', phase: 'primary' }),
      buddy('special', { specialist: true, phase: 'special', localAuthority: 'York' }),
    ];
    expect(pairs({ mentees: [m], buddies, history: [] })).toEqual(['m1-needs']);
    expect(pairs({ mentees: [m], buddies: buddies.filter((b) => b.personId !== 'needs'), history: [] })).toEqual(['m1-special']);
    expect(pairs({ mentees: [m], buddies: [buddies[0]!, buddies[2]!], history: [] })).toEqual(['m1-la']);
    const phase = [buddy('p1', { phase: 'primary' }), buddy('p2', { phase: 'secondary' })];
    expect(pairs({ mentees: [mentee('m', { phase: 'secondary' })], buddies: phase, history: [] })).toEqual(['m-p2']);
  });

  it('prefers a bigger experience gap', () => {
    const buddies = [buddy('b1', { yearsInRole: 2 }), buddy('b2', { yearsInRole: 9 })];
    expect(pairs({ mentees: [mentee('m1')], buddies, history: [] })).toEqual(['m1-b2']);
  });

  it('spreads the load: a fresh buddy before a second mentee for the same one', () => {
    const buddies = [buddy('a', { capacity: 2 }), buddy('b', { capacity: 2 })];
    const result = matchBuddies({ mentees: [mentee('m1'), mentee('m2')], buddies, history: [] });
    expect(new Set(result.proposals.map((p) => p.buddyId))).toEqual(new Set(['a', 'b']));
    // Across rounds: someone picked often gives way to an equal buddy picked less.
    expect(pairs({ mentees: [mentee('m1')], buddies: [buddy('a', { pastPicks: 3 }), buddy('z')], history: [] })).toEqual(['m1-z']);
  });

  it('gives the last place to a new SENCO, then to whoever has waited longer', () => {
    const b = [buddy('b1')];
    const old = mentee('m1', { isNew: false, yearsInRole: 2 });
    expect(pairs({ mentees: [old, mentee('m2')], buddies: b, history: [] })).toEqual(['m2-b1']);
    expect(pairs({ mentees: [mentee('m1'), mentee('m2', { roundsWaiting: 2 })], buddies: b, history: [] })).toEqual(['m2-b1']);
  });
});

describe('matchBuddies: ties and determinism', () => {
  it('breaks an exact tie towards the buddy with the lighter current load, then the earlier id', () => {
    const equal = [buddy('b2'), buddy('b1')];
    expect(pairs({ mentees: [mentee('m')], buddies: equal, history: [] })).toEqual(['m-b1']);
    // 'a' fits one need better (+20) but already has two mentees (-20): an exact tie, which
    // goes to the lighter load even though 'a' comes first by id.
    const loaded = [buddy('a', { capacity: 3, activeLoad: 2, strengths: ['semh'] }), buddy('b')];
    const result = matchBuddies({ mentees: [mentee('m', { needs: ['semh'] })], buddies: loaded, history: [] });
    expect(result.proposals.map((p) => p.buddyId)).toEqual(['b']);
    const scores = loaded.map((b) => matchBuddies({ mentees: [mentee('m', { needs: ['semh'] })], buddies: [b], history: [] }).totalScore);
    expect(scores[0]).toBe(scores[1]);
  });

  it('gives the same answer whatever order the input comes in', () => {
    const mentees = Array.from({ length: 12 }, (_, i) => mentee(`m${i}`, { needs: i % 2 ? ['semh'] : ['ehcp-applications'] }));
    const buddies = Array.from({ length: 6 }, (_, i) => buddy(`b${i}`, { capacity: 2, strengths: i % 3 ? ['semh'] : [] }));
    const a = matchBuddies({ mentees, buddies, history: [] });
    const b = matchBuddies({ mentees: [...mentees].reverse(), buddies: [...buddies].reverse(), history: [] });
    expect(b).toEqual(a);
  });
});

describe('matchBuddies: clusters and reasons', () => {
  it('forms clusters of up to three or four and never puts two mentees of one school together', () => {
    const mentees = [mentee('m1', { schoolId: 'x' }), mentee('m2', { schoolId: 'x' }), mentee('m3'), mentee('m4')];
    const buddies = [buddy('b1', { capacity: 5, strengths: ['semh'] }), buddy('b2', { capacity: 5 })];
    const result = matchBuddies({ mentees: mentees.map((m) => ({ ...m, needs: ['semh'] })), buddies, history: [], groupSize: 3 });
    const groups = new Map<string, string[]>();
    for (const p of result.proposals) groups.set(p.groupId, [...(groups.get(p.groupId) ?? []), p.menteeId]);
    expect([...groups.values()].every((g) => g.length <= 2)).toBe(true);
    expect(result.proposals).toHaveLength(4);
    for (const g of groups.values()) expect(g.includes('m1') && g.includes('m2')).toBe(false);
    const four = matchBuddies({ mentees: mentees.slice(1), buddies: [buddies[0]!], history: [], groupSize: 4 });
    expect(new Set(four.proposals.map((p) => p.groupId))).toEqual(new Set(['b1']));
    expect(four.proposals).toHaveLength(3);
  });

  it('gives every proposal its reasons', () => {
    const result = matchBuddies({
      mentees: [mentee('m1', { needs: ['semh', 'parents'], yearsInRole: 1 })],
      buddies: [buddy('b1', { strengths: ['semh', 'parents'], yearsInRole: 7 })],
      history: [],
    });
    expect(result.proposals[0]!.reasons).toEqual([
      { code: 'experience', buddyYears: 7, menteeYears: 1 },
      { code: 'new-senco' },
      { code: 'qualified' },
      { code: 'needs', tags: ['parents', 'semh'] },
      { code: 'same-la', localAuthority: 'Leeds' },
      { code: 'same-phase', phase: 'primary' },
      { code: 'light-load', pastPicks: 0 },
    ]);
  });
});
