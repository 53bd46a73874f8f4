import type { ConversationAddress } from '../../src/core/events';
import { slackBucket } from '../../src/core/outbox-port';

/**
 * Slack addresses as this adapter stores them: `{ kind: 'slack-user', teamId, userId,
 * channel? }` (a DM, opened on first send when `channel` is absent) or `{ kind:
 * 'slack-channel', teamId, channel }` (a public or private channel the bot is in). Slack
 * paces chat.postMessage per channel, so that (or the user until the DM is open) is the bucket.
 */
export function slackBucketOf(address: ConversationAddress): string {
  const channel = typeof address.channel === 'string' ? address.channel : String(address.userId ?? '');
  return slackBucket(String(address.teamId ?? ''), channel);
}
