import type { Clock, Logger } from './ports';

export interface LookupCacheOptions {
  /** What is looked up, for the log ("teams member email"). */
  what: string;
  /** How long an answer (found, or definitely none) is kept. */
  ttlMs: number;
  /** After a failed lookup, how long to answer "unknown" before asking the platform again. */
  retryAfterMs: number;
  /** Entries kept at most; the cache starts afresh beyond it. */
  maxEntries?: number;
  clock: Clock;
  logger: Logger;
}

type Entry<V> = { kind: 'answer'; value: V; until: number } | { kind: 'failed'; until: number };

/**
 * Remembers platform lookups (a chat user's email) for a while. An answer, even "this user
 * has no email", is kept for `ttlMs`; a lookup that failed (network, 429, a missing scope,
 * a client that cannot look members up) is logged and tried again after `retryAfterMs`, not
 * remembered as "unknown" until restart. Meanwhile the caller gets null, as if unknown.
 */
export class LookupCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly inFlight = new Map<string, Promise<V | null>>();

  constructor(private readonly options: LookupCacheOptions) {}

  /** `fetch` resolves with the answer (null = definitely none) and throws when it failed. */
  get(key: string, fetch: () => Promise<V>): Promise<V | null> {
    const now = this.options.clock.now().getTime();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return Promise.resolve(hit.kind === 'answer' ? hit.value : null);
    // Several messages from one person at once make one platform call, not several.
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const lookup = this.lookup(key, fetch).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, lookup);
    return lookup;
  }

  private async lookup(key: string, fetch: () => Promise<V>): Promise<V | null> {
    const { clock, logger, ttlMs, retryAfterMs, what } = this.options;
    if (this.entries.size >= (this.options.maxEntries ?? 10_000)) this.entries.clear();
    try {
      const value = await fetch();
      this.entries.set(key, { kind: 'answer', value, until: clock.now().getTime() + ttlMs });
      return value;
    } catch (error) {
      this.entries.set(key, { kind: 'failed', until: clock.now().getTime() + retryAfterMs });
      logger.warn(`${what} lookup failed; treated as unknown and retried later`, {
        key,
        retryInSeconds: Math.round(retryAfterMs / 1000),
        error: String((error as Error)?.message ?? error).slice(0, 300),
      });
      return null;
    }
  }
}
