import { campaignKeys, progressOf, reachProblemOf, type CampaignUnit, type ReachFacts } from '../../../src/core/campaign';
import type { Contact } from '../../../src/core/roster-port';

const person = (id: string, name: string) => ({ id, name, preferredPlatform: null });
const contact = (personId: string, reachable: boolean): Contact => ({
  personId,
  platform: 'teams',
  address: { kind: 'reference', reference: {} },
  reachable,
});

describe('reachProblemOf', () => {
  const facts: ReachFacts = {
    linked: new Set(['ann', 'bob', 'cat', 'dan']),
    contacts: [contact('ann', true), contact('bob', false), contact('dan', false), contact('dan', true)],
  };

  it('names why someone cannot be messaged first', () => {
    expect(reachProblemOf('ann', facts)).toBeNull();
    expect(reachProblemOf('dan', facts)).toBeNull();
    expect(reachProblemOf('bob', facts)).toBe('unreachable');
    expect(reachProblemOf('cat', facts)).toBe('no-address');
    expect(reachProblemOf('eve', facts)).toBe('not-linked');
  });
});

describe('progressOf', () => {
  const units: CampaignUnit[] = [
    { id: 'u2', label: 'Oak Primary', people: [person('ann', 'Ann')], detail: null },
    { id: 'u1', label: 'Ash Academy', people: [person('eve', 'Eve'), person('bob', 'Bob')], detail: null },
    { id: 'u3', label: 'Elm Special', people: [], detail: null },
  ];

  it('counts answered units and lists the rest and the unreached in name order', () => {
    const progress = progressOf(units, new Set(['u2']), {
      linked: new Set(['ann', 'bob']),
      contacts: [contact('ann', true), contact('bob', false)],
    });
    expect(progress).toEqual({
      answered: 1,
      total: 3,
      waiting: [
        { id: 'u1', label: 'Ash Academy' },
        { id: 'u3', label: 'Elm Special' },
      ],
      unreached: [
        { personId: 'eve', name: 'Eve', unit: 'Ash Academy', reason: 'not-linked' },
        { personId: 'bob', name: 'Bob', unit: 'Ash Academy', reason: 'unreachable' },
      ],
    });
  });
});

describe('campaignKeys', () => {
  it('keys sends by meaning, so a repeat finds its key taken', () => {
    expect(campaignKeys.invite('checkin', 'r1', 'p1')).toBe('checkin-invite:r1:p1');
    expect(campaignKeys.reminder('checkin', 'r1', 'p1', 'manual-2027-03-02')).toBe('checkin-reminder:r1:p1:manual-2027-03-02');
    expect(campaignKeys.summary('meeting', 'm1', 'p1')).toBe('meeting-summary:m1:p1');
  });
});
