import { slackBucketOf, slackGroupOf } from '../../../../adapters/slack/addressing';

const user = (userId: string, teamId = 'T1', channel?: string) => ({ kind: 'slack-user', teamId, userId, ...(channel ? { channel } : {}) });

describe('Slack group DMs', () => {
  it('groups people of one workspace into one group address, in a stable order', () => {
    expect(slackGroupOf([user('U2', 'T1', 'D2'), user('U1')])).toEqual({ kind: 'slack-group', teamId: 'T1', userIds: ['U1', 'U2'] });
    expect(slackGroupOf([user('U1'), user('U2')])).toEqual(slackGroupOf([user('U2'), user('U1')]));
  });

  it('refuses what one group DM cannot hold', () => {
    expect(slackGroupOf([user('U1', 'T1'), user('U2', 'T2')])).toBeNull(); // two workspaces
    expect(slackGroupOf([user('U1'), user('U1')])).toBeNull(); // one person
    expect(slackGroupOf([user('U1'), { kind: 'slack-channel', teamId: 'T1', channel: 'C1' }])).toBeNull();
    expect(slackGroupOf(Array.from({ length: 9 }, (_, i) => user(`U${i}`)))).toBeNull(); // over conversations.open's 8
  });

  it('paces a group DM as one conversation', () => {
    expect(slackBucketOf({ kind: 'slack-group', teamId: 'T1', userIds: ['U1', 'U2'] })).toBe('slack:T1:U1,U2');
    expect(slackBucketOf(user('U1', 'T1', 'D1'))).toBe('slack:T1:D1');
  });
});
