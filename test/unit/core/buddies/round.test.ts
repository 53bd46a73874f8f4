import type { BuddyRequest } from '../../../../src/core/buddies-port';
import { matchBuddies } from '../../../../src/core/buddies/match';
import { buildRoundInput, isNewSenco, roundOutcome, yearsInRole } from '../../../../src/core/buddies/round';
import type { Person, School } from '../../../../src/core/model';

const TODAY = '2026-11-30';

function school(id: string, extra: Partial<School> = {}): School {
  return {
    id,
    trustId: 't',
    name: id,
    phase: 'primary',
    localAuthority: 'Leeds',
    region: null,
    hasResourceBase: false,
    archived: false,
    ...extra,
  };
}

function person(id: string, schoolId: string | null, appointedOn: string | null, extra: Partial<Person['profile']> = {}): Person {
  return {
    id,
    trustId: 't',
    name: id,
    email: null,
    schoolId,
    roles: [{ role: 'senco', schoolId }],
    preferredPlatform: null,
    profile: {
      appointedOn,
      priorSencoMonths: null,
      qualification: null,
      qualificationStartedOn: null,
      qualificationCompletedOn: null,
      tags: [],
      ...extra,
    },
    archived: false,
    erased: false,
  };
}

function request(id: string, personId: string, extra: Partial<BuddyRequest> = {}): BuddyRequest {
  return {
    id,
    trustId: 't',
    personId,
    needs: ['semh'],
    wantsSpecialist: false,
    status: 'open',
    roundsWaiting: 0,
    waitingReason: null,
    createdAt: new Date('2026-11-01T09:00:00Z'),
    closedAt: null,
    ...extra,
  };
}

describe('buddy round facts', () => {
  it('counts whole years in role, prior service included, and knows who is new', () => {
    expect(yearsInRole(person('a', 's', '2020-09-01'), TODAY)).toBe(6);
    expect(yearsInRole(person('a', 's', '2026-09-01', { priorSencoMonths: 30 }), TODAY)).toBe(2);
    expect(yearsInRole(person('a', 's', null), TODAY)).toBe(0);
    expect(isNewSenco(person('a', 's', '2026-01-01'), TODAY)).toBe(true);
    expect(isNewSenco(person('a', 's', '2025-11-30'), TODAY)).toBe(false);
    expect(isNewSenco(person('a', 's', '2026-09-01', { priorSencoMonths: 24 }), TODAY)).toBe(false);
    expect(isNewSenco(person('a', 's', null), TODAY, new Set(['a']))).toBe(true);
  });

  it('builds the matcher input from the roster and turns the result into proposals and a waiting list', () => {
    const { input, requestOf, orphaned } = buildRoundInput({
      people: [
        person('new', 's1', '2026-09-01'),
        person('lonely', 's2', '2026-09-01'),
        person('gone', null, '2026-09-01'),
        person('buddy', 's3', '2018-09-01', { qualification: 'npq' }),
        person('busy', 's4', '2015-09-01'),
      ],
      schools: [school('s1'), school('s2'), school('s3', { phase: 'special' }), school('s4')],
      settings: [
        { personId: 'buddy', available: true, optedOut: false, capacity: 1, strengths: ['semh'] },
        { personId: 'busy', available: true, optedOut: false, capacity: 1, strengths: [] },
      ],
      requests: [request('r1', 'new'), request('r2', 'lonely', { roundsWaiting: 1 }), request('r3', 'gone')],
      loads: new Map([['busy', { active: 1, past: 3 }]]),
      history: [],
      today: TODAY,
    });
    expect(orphaned.map((r) => r.id)).toEqual(['r3']);
    expect(input.buddies.find((b) => b.personId === 'buddy')).toMatchObject({
      yearsInRole: 8,
      qualified: true,
      specialist: true,
      activeLoad: 0,
    });
    expect(input.buddies.find((b) => b.personId === 'busy')).toMatchObject({ activeLoad: 1, pastPicks: 2 });
    expect(input.mentees.find((m) => m.personId === 'lonely')).toMatchObject({ isNew: true, roundsWaiting: 1 });
    const outcome = roundOutcome(matchBuddies(input), requestOf);
    expect(outcome.proposals).toHaveLength(1);
    expect(outcome.proposals[0]).toMatchObject({ buddyId: 'buddy' });
    expect(outcome.waiting).toHaveLength(1);
    expect(outcome.waiting[0]!.reason).toBe('no-capacity');
    expect([outcome.proposals[0]!.requestId, outcome.waiting[0]!.requestId].sort()).toEqual(['r1', 'r2']);
  });
});
