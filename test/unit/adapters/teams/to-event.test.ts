import { actionOf, activityProblem, addressOf, toInboundEvent } from '../../../../adapters/teams/to-event';
import base from '../../../fixtures/teams/personal-message.json';
import type { Activity } from 'botbuilder';

describe('Teams activity translation', () => {
  it('accepts a real-shaped activity and rejects incomplete ones', () => {
    expect(activityProblem(base)).toBeNull();
    expect(activityProblem(null)).toBe('body is not a JSON object');
    expect(activityProblem({ ...base, serviceUrl: 'not a url' })).toBe('serviceUrl is not a URL');
    expect(activityProblem({ ...base, conversation: {} })).toContain('conversation');
    expect(activityProblem({ ...base, from: undefined })).toContain('from');
  });

  it('refuses activities of the wrong shape at the edge (issue 9 item 8)', () => {
    const wrong: Array<[string, Record<string, unknown>]> = [
      ['text', { text: 42 }],
      ['text', { text: { a: 1 } }],
      ['attachments', { attachments: 'x' }],
      ['entities', { entities: [null] }],
      ['membersAdded', { membersAdded: [null] }],
      ['recipient', { recipient: undefined }],
      ['id', { id: 'a\u0000b' }],
      ['from', { from: { ...base.from, id: 'x\u0000' } }],
      ['conversation', { conversation: { ...base.conversation, tenantId: 't\u0000' } }],
      // Ids are printable ASCII: 500 four-byte characters (1,000 UTF-16 units) would not fit the identity's index.
      ['from', { from: { ...base.from, id: '\u{1F600}'.repeat(500) } }],
      ['from', { from: { ...base.from, aadObjectId: 'é' } }],
      ['recipient', { recipient: { ...base.recipient, id: '28:bot with spaces' } }],
      ['channelData', { channelData: { tenant: { id: 'tenant\u00a0id' } } }],
    ];
    for (const [field, change] of wrong) expect(activityProblem({ ...base, ...change })).toContain(field);
  });

  it('takes msteams always and the playground channels only in local mode (issue 9 item 11)', () => {
    expect(activityProblem({ ...base, channelId: 'slack' })).toContain('channelId');
    expect(activityProblem({ ...base, channelId: 'emulator' })).toBeNull();
    expect(activityProblem({ ...base, channelId: 'emulator' }, false)).toContain('channelId');
    expect(activityProblem(base, false)).toBeNull();
  });

  it('maps a personal message to a neutral event keyed by AAD object id and tenant', () => {
    const event = toInboundEvent({ ...base, text: '<at>SENCO Network</at> help' } as unknown as Activity, { r: 1 }, 'ann@oak.sch.uk');
    expect(event).toMatchObject({
      platform: 'teams',
      deliveryId: `${base.conversation.id}:${base.id}`,
      tenantId: base.conversation.tenantId,
      userId: base.from.aadObjectId,
      email: 'ann@oak.sch.uk',
      direct: true,
      text: 'SENCO Network help',
      action: null,
      fromBot: false,
      address: { kind: 'reference', reference: { r: 1 } },
    });
  });

  it('keeps a member address for messages from a channel, to open a 1:1 chat later', () => {
    const activity = { ...base, conversation: { ...base.conversation, conversationType: 'channel' } } as unknown as Activity;
    expect(addressOf(activity, {})).toEqual({
      kind: 'member',
      serviceUrl: base.serviceUrl,
      tenantId: base.conversation.tenantId,
      memberId: base.from.id,
      channelId: 'msteams',
    });
  });

  it('unpacks Action.Submit values into verb and string data', () => {
    expect(actionOf({ verb: 'x.y', id: 's1', n: 3, msteams: { a: 1 }, empty: null })).toEqual({ verb: 'x.y', data: { id: 's1', n: '3' } });
    expect(actionOf({ id: 's1' })).toBeNull();
    expect(actionOf('text')).toBeNull();
  });
});
