/**
 * When to try a failed delivery again. Pure: the caller passes the attempt count, what the
 * platform said and a random source.
 *
 * Exponential backoff with "full jitter" (a random delay up to the exponential cap), so
 * messages that failed together do not all come back together
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/). A
 * `Retry-After` from the platform is a floor we always honour: Teams and Slack both ask for
 * it on 429 (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
 */

export interface BackoffPolicy {
  /** Cap of the first retry's delay. */
  baseMs: number;
  /** Cap of any computed delay (a platform's Retry-After may be longer). */
  maxMs: number;
  /** Platform calls in total before the row is marked failed. */
  maxAttempts: number;
  /** Longest Retry-After we accept; a larger one is clamped (a broken header must not park a row for days). */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffPolicy> = Object.freeze({
  baseMs: 2_000,
  maxMs: 15 * 60_000,
  maxAttempts: 10,
  maxRetryAfterMs: 60 * 60_000,
});

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * @param attempts platform calls made so far, including the one that just failed (>= 1)
 * @param retryAfterMs the platform's Retry-After, if it sent one
 * @param random a number in [0, 1)
 */
export function nextRetry(
  attempts: number,
  retryAfterMs: number | null,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): RetryDecision {
  if (!Number.isInteger(attempts) || attempts < 1) throw new Error(`attempts must be a whole number >= 1, got ${attempts}`);
  if (attempts >= policy.maxAttempts) return { retry: false };
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempts - 1));
  const jittered = Math.floor(random() * cap);
  if (retryAfterMs === null || !Number.isFinite(retryAfterMs) || retryAfterMs < 0) return { retry: true, delayMs: Math.max(1, jittered) };
  // The platform said when: wait that long, plus a little spread (at most 10%, at most 1 s) so
  // the rows throttled together do not hit the limit again at the same instant.
  const floor = Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const spread = Math.floor(random() * Math.min(floor * 0.1, 1000));
  return { retry: true, delayMs: Math.max(1, floor + spread) };
}
