import { LookupCache } from '../../../src/core/lookup-cache';
import { memoryLogger } from '../../../src/logger';
import { FakeClock } from '../../helpers/fake-clock';

describe('LookupCache', () => {
  const setup = () => {
    const clock = new FakeClock('2026-11-23T10:00:00Z');
    const logger = memoryLogger();
    const cache = new LookupCache<string | null>({ what: 'test email', ttlMs: 3_600_000, retryAfterMs: 60_000, clock, logger });
    return { clock, logger, cache };
  };

  it('keeps an answer, even "none", for its time to live', async () => {
    const { clock, cache } = setup();
    const fetch = jest.fn<Promise<string | null>, []>().mockResolvedValue(null);
    expect(await cache.get('u1', fetch)).toBeNull();
    clock.advance(3_599_000);
    expect(await cache.get('u1', fetch)).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
    clock.advance(2_000);
    await cache.get('u1', fetch);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('logs a failed lookup, answers unknown meanwhile, and asks again after the retry delay', async () => {
    const { clock, logger, cache } = setup();
    const fetch = jest
      .fn<Promise<string | null>, []>()
      .mockRejectedValueOnce(new Error('socket hang up'))
      .mockResolvedValue('ann@oak.sch.uk');
    expect(await cache.get('u1', fetch)).toBeNull();
    expect(
      logger.lines.some(
        (l) => l.level === 'warn' && l.msg.includes('test email lookup failed') && String(l.fields?.error).includes('socket hang up'),
      ),
    ).toBe(true);
    clock.advance(59_000);
    expect(await cache.get('u1', fetch)).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
    clock.advance(2_000);
    expect(await cache.get('u1', fetch)).toBe('ann@oak.sch.uk');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('makes one call for several requests at once', async () => {
    const { cache } = setup();
    let release: (email: string) => void = () => undefined;
    const fetch = jest.fn(() => new Promise<string | null>((resolve) => (release = resolve)));
    const both = Promise.all([cache.get('u1', fetch), cache.get('u1', fetch)]);
    release('ann@oak.sch.uk');
    expect(await both).toEqual(['ann@oak.sch.uk', 'ann@oak.sch.uk']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
