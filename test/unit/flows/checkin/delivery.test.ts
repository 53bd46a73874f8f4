import { parseAdd } from '../../../../src/flows/checkin/checklist-commands';
import { bucketOf, pickContact } from '../../../../src/flows/checkin/delivery';

describe('check-in delivery', () => {
  it('buckets Teams by tenant and Slack by channel', () => {
    expect(bucketOf('teams', { kind: 'reference', reference: { conversation: { tenantId: 'tn' } } })).toBe('teams:tn');
    expect(bucketOf('teams', { kind: 'member', tenantId: 'tm' })).toBe('teams:tm');
    expect(bucketOf('slack', { kind: 'slack-user', teamId: 'T1', userId: 'U1', channel: 'D1' })).toBe('slack:T1:D1');
    expect(bucketOf('slack', { kind: 'slack-user', teamId: 'T1', userId: 'U1' })).toBe('slack:T1:U1');
  });

  it("prefers the person's platform when reachable there", () => {
    const contacts = [
      { personId: 'p', platform: 'teams' as const, tenantId: 'tn', userId: 'u1', address: { a: 1 }, reachable: true },
      { personId: 'p', platform: 'slack' as const, tenantId: 'T1', userId: 'U1', address: { b: 1 }, reachable: true },
      { personId: 'q', platform: 'slack' as const, tenantId: 'T1', userId: 'U2', address: { c: 1 }, reachable: false },
    ];
    expect(pickContact({ id: 'p', preferredPlatform: 'slack' }, contacts)?.platform).toBe('slack');
    expect(pickContact({ id: 'p', preferredPlatform: null }, contacts)?.platform).toBe('teams');
    expect(pickContact({ id: 'q', preferredPlatform: 'slack' }, contacts)).toBeNull();
  });
});

describe('checklist add', () => {
  it('reads duty, answer type and term before the question', () => {
    expect(parseAdd('must date autumn When did governors last review SEND?')).toEqual({
      kind: 'add',
      question: 'When did governors last review SEND?',
      strength: 'must',
      answer: 'date',
      frequency: { kind: 'once-a-year', term: 'autumn' },
    });
    expect(parseAdd('Is the provision map up to date?')).toEqual({
      kind: 'add',
      question: 'Is the provision map up to date?',
      strength: 'should',
      answer: 'choice',
      frequency: { kind: 'every-term' },
    });
  });
});
