/**
 * The subscription feed behind GET /calendar/<token>.ics: token -> owner -> their meetings ->
 * iCalendar text. Null for anything that is not a live token, so the route answers 404 alike
 * for malformed, unknown and revoked tokens (nothing to learn by guessing).
 */
import type { MeetingsRepo } from '../core/meetings-port';
import { feedIcs } from './ics';
import { hashFeedToken, isFeedTokenShape } from './feed-token';

export const FEED_NAME = 'SENCO network meetings';

export async function feedForToken(
  repo: Pick<MeetingsRepo, 'findFeedToken' | 'occurrencesFor'>,
  token: string,
  now: Date,
): Promise<string | null> {
  if (!isFeedTokenShape(token)) return null;
  const owner = await repo.findFeedToken(hashFeedToken(token));
  if (!owner) return null;
  const items = await repo.occurrencesFor(owner.trustId, owner.personId);
  // A cancelled series cancels each occurrence; should a crash stop that half-way, the feed
  // still shows the rest as cancelled, one sequence on, as cancelOccurrence would.
  const events = items.map(({ occurrence, series }) => ({
    occurrence:
      series.cancelled && occurrence.status === 'scheduled'
        ? { ...occurrence, status: 'cancelled' as const, sequence: occurrence.sequence + 1 }
        : occurrence,
    details: { title: series.title, mode: series.mode, venue: series.venue, joinUrl: series.joinUrl },
  }));
  return feedIcs(FEED_NAME, events, now);
}
