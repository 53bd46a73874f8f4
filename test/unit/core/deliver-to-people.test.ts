import { deliverToPeople, pickContact } from '../../../src/core/deliver-to-people';
import { textMessage } from '../../../src/core/message';
import type { OutboxEntry } from '../../../src/core/outbox-port';
import type { Contact } from '../../../src/core/roster-port';
import { slackBucketOf } from '../../../adapters/slack/addressing';
import { isPersonalChat, teamsBucketOf } from '../../../adapters/teams/addressing';

const contacts: Contact[] = [
  { personId: 'p', platform: 'teams', address: { kind: 'member', tenantId: 't' }, reachable: true },
  { personId: 'p', platform: 'slack', address: { kind: 'slack-user', teamId: 'T', userId: 'U' }, reachable: true },
  { personId: 'q', platform: 'teams', address: { kind: 'member', tenantId: 't' }, reachable: false },
];

describe('deliverToPeople', () => {
  it('picks the preferred platform, else the newest reachable contact, else none', () => {
    expect(pickContact({ id: 'p', preferredPlatform: 'slack' }, contacts)?.platform).toBe('slack');
    expect(pickContact({ id: 'p', preferredPlatform: null }, contacts)?.platform).toBe('teams');
    expect(pickContact({ id: 'q', preferredPlatform: 'teams' }, contacts)).toBeNull();
  });

  it('queues one row per reachable person with the opaque address and no bucket of its own', async () => {
    const queued: OutboxEntry[] = [];
    const outbox = {
      enqueue: async (entries: readonly OutboxEntry[]) => {
        queued.push(...entries);
        return { queued: entries.map((e) => e.key), duplicates: [] };
      },
    };
    const report = await deliverToPeople(
      outbox,
      'trust',
      contacts,
      [
        { person: { id: 'p', preferredPlatform: 'slack' }, key: 'k:p', content: textMessage('hi') },
        { person: { id: 'q', preferredPlatform: null }, key: 'k:q', content: textMessage('hi') },
      ],
      'nudge',
    );
    expect(report).toEqual({ queued: 1, duplicates: 0, unreachable: 1, unreachableIds: ['q'] });
    expect(queued).toEqual([
      expect.objectContaining({ key: 'k:p', personId: 'p', platform: 'slack', target: contacts[1]!.address, kind: 'nudge' }),
    ]);
    expect(queued[0]!.bucket).toBeUndefined();
  });
});

describe('adapter addressing', () => {
  it('buckets Teams by tenant (1:1, channel or member) and Slack by channel, else user', () => {
    expect(teamsBucketOf({ kind: 'reference', reference: { conversation: { tenantId: 'tn' } } })).toBe('teams:tn');
    expect(teamsBucketOf({ kind: 'member', tenantId: 'tm' })).toBe('teams:tm');
    expect(slackBucketOf({ kind: 'slack-user', teamId: 'T1', userId: 'U1', channel: 'D1' })).toBe('slack:T1:D1');
    expect(slackBucketOf({ kind: 'slack-user', teamId: 'T1', userId: 'U1' })).toBe('slack:T1:U1');
    expect(slackBucketOf({ kind: 'slack-channel', teamId: 'T1', channel: 'C9' })).toBe('slack:T1:C9');
  });

  it('knows a personal chat from a channel or group chat', () => {
    expect(isPersonalChat({ kind: 'reference', reference: { conversation: { conversationType: 'personal' } } })).toBe(true);
    expect(isPersonalChat({ kind: 'reference', reference: { conversation: { conversationType: 'channel', isGroup: true } } })).toBe(false);
    expect(isPersonalChat({ kind: 'reference', reference: { conversation: { conversationType: 'groupChat', isGroup: true } } })).toBe(
      false,
    );
    expect(isPersonalChat({ kind: 'member', tenantId: 't', memberId: '29:x' })).toBe(true);
  });
});
