/**
 * A Teams or Slack channel as a bulletin's audience: stored as text and read back, never
 * expanded to people (the channel gets one post); and the adapters' channel addresses.
 */
import { channelOf } from '../../../adapters/teams/to-event';
import { slackChannelAddress } from '../../../adapters/slack/to-event';
import { audienceFromText, audienceToText, recipientsOf, type BulletinAudience } from '../../../src/core/bulletin';
import type { Person } from '../../../src/core/model';
import type { Activity } from 'botbuilder';

describe('a channel as a bulletin audience', () => {
  const slack: BulletinAudience = { kind: 'channel', platform: 'slack', address: { kind: 'slack-channel', teamId: 'T1', channel: 'C1:x' } };

  it('round-trips through its stored text, keeping the address (colons included)', () => {
    expect(audienceFromText(audienceToText(slack))).toEqual(slack);
    expect(audienceToText(slack)).toBe('channel:slack:{"kind":"slack-channel","teamId":"T1","channel":"C1:x"}');
  });

  it('refuses stored text that is not a channel address', () => {
    expect(audienceFromText('channel:email:{}')).toBeNull();
    expect(audienceFromText('channel:teams:not json')).toBeNull();
    expect(audienceFromText('channel:teams:[1]')).toBeNull();
    expect(audienceFromText('channel:slack:null')).toBeNull();
  });

  it('has no people as recipients: the channel gets one post', () => {
    const ann = {
      id: 'p1',
      name: 'Ann',
      archived: false,
      erased: false,
      roles: [{ role: 'senco', schoolId: 's1' }],
      profile: { appointedOn: null },
    } as unknown as Person;
    expect(recipientsOf(slack, [ann], [], '2026-09-14')).toEqual([]);
    expect(recipientsOf({ kind: 'all' }, [ann], [], '2026-09-14')).toHaveLength(1);
  });
});

describe('channel addresses from the adapters', () => {
  it('Slack: a channel, never a DM', () => {
    expect(slackChannelAddress('T1', 'C0SENCO')).toEqual({ kind: 'slack-channel', teamId: 'T1', channel: 'C0SENCO' });
    expect(slackChannelAddress('T1', 'D0ANN')).toBeNull();
    expect(slackChannelAddress('T1', '')).toBeNull();
  });

  it('Teams: the team channel without the thread suffix, no activity or user; nothing outside channels', () => {
    const reference = {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example/',
      bot: { id: '28:bot' },
      user: { id: '29:ann' },
      activityId: 'a1',
    };
    const activity = {
      conversation: { id: '19:abc@thread.tacv2;messageid=17000', conversationType: 'channel', tenantId: 'ten' },
    } as unknown as Activity;
    expect(channelOf(activity, reference)).toEqual({
      kind: 'reference',
      reference: {
        channelId: 'msteams',
        serviceUrl: 'https://smba.example/',
        conversation: { id: '19:abc@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: 'ten' },
        bot: { id: '28:bot' },
      },
    });
    const personal = { conversation: { id: 'a:1', conversationType: 'personal', tenantId: 'ten' } } as unknown as Activity;
    expect(channelOf(personal, reference)).toBeNull();
  });
});
