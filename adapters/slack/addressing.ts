import type { ConversationAddress } from '../../src/core/events';
import { slackBucket } from '../../src/core/outbox-port';

/**
 * Slack addresses as this adapter stores them: `{ kind: 'slack-user', teamId, userId,
 * channel? }` (a DM, opened on first send when `channel` is absent), `{ kind:
 * 'slack-channel', teamId, channel }` (a public or private channel the bot is in) or `{ kind:
 * 'slack-home', teamId, userId }` (the person's App Home tab: a send publishes the view). Slack
 * paces chat.postMessage per channel, so that (or the user until the DM is open) is the bucket.
 * A group DM is `{ kind: 'slack-group', teamId, userIds }`: the sender opens it with
 * conversations.open (the bot is in it as the caller) and posts there.
 */
export function slackBucketOf(address: ConversationAddress): string {
  if (Array.isArray(address.userIds)) return slackBucket(String(address.teamId ?? ''), address.userIds.join(','));
  const channel = typeof address.channel === 'string' ? address.channel : String(address.userId ?? '');
  return slackBucket(String(address.teamId ?? ''), channel);
}

/**
 * A group DM with these people's Slack accounts: all in one workspace, at least two people,
 * at most 8 (conversations.open's limit). https://api.slack.com/methods/conversations.open
 */
export function slackGroupOf(addresses: readonly ConversationAddress[]): ConversationAddress | null {
  const teams = new Set(addresses.map((a) => String(a.teamId ?? '')));
  const userIds = addresses.map((a) => (typeof a.userId === 'string' && a.userId ? a.userId : null));
  if (teams.size !== 1 || userIds.some((u) => u === null)) return null;
  const unique = [...new Set(userIds as string[])].sort();
  if (unique.length < 2 || unique.length > 8) return null;
  return { kind: 'slack-group', teamId: [...teams][0]!, userIds: unique };
}

/** A person's App Home tab: sending to it publishes their Home (views.publish). */
export function slackHomeAddress(teamId: string, userId: string): ConversationAddress {
  return { kind: 'slack-home', teamId, userId };
}
