import { slackBucketOf, slackGroupOf } from '../../adapters/slack/addressing';
import { teamsBucketOf } from '../../adapters/teams/addressing';
import type { Addressing } from '../core/ports';

/** Each platform's adapter reads its own addresses: rate-limit buckets, and group DMs where the platform has them. */
export const platformAddressing: Addressing = {
  bucketOf: (platform, address) => (platform === 'teams' ? teamsBucketOf(address) : slackBucketOf(address)),
  groupOf: (platform, addresses) => (platform === 'slack' ? slackGroupOf(addresses) : null),
};
