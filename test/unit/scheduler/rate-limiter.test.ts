import { RateLimiter, rateForBucket, scaleRates } from '../../../src/scheduler/rate-limiter';

describe('RateLimiter', () => {
  it('paces a bucket at its rate, burst 1: slots 1000/perSecond ms apart', () => {
    const limiter = new RateLimiter(() => ({ perSecond: 50, burst: 1 }));
    const waits = Array.from({ length: 5 }, () => limiter.reserve('teams:t1', 0));
    expect(waits).toEqual([0, 20, 40, 60, 80]);
  });

  it('at 49/s never puts more than 50 sends (the Teams cap) in any closed one-second window', () => {
    const limiter = new RateLimiter(() => ({ perSecond: 49, burst: 1 }));
    const sendTimes = Array.from({ length: 500 }, () => limiter.reserve('teams:t1', 0));
    const most = Math.max(...sendTimes.map((start) => sendTimes.filter((t) => t >= start && t <= start + 1000).length));
    expect(most).toBeLessThanOrEqual(50);
    expect(sendTimes[sendTimes.length - 1]).toBeCloseTo((499 * 1000) / 49, 6);
  });

  it('spaces actual departures: a late call makes the next one wait instead of leaving with it', () => {
    const limiter = new RateLimiter(() => ({ perSecond: 50, burst: 1 }));
    expect([limiter.reserve('teams:t1', 0), limiter.reserve('teams:t1', 0)]).toEqual([0, 20]);
    // The first call was held up (busy CPU, slow write) and leaves at 15 ms; the second
    // reaches its slot at 20 ms but must wait until 35 ms.
    expect(limiter.dispatch('teams:t1', 15)).toBe(0);
    expect(limiter.dispatch('teams:t1', 20)).toBe(15);
    expect(limiter.dispatch('teams:t1', 35)).toBe(0);
    // Sub-millisecond float noise does not hold a call.
    expect(limiter.dispatch('teams:t1', 54.5)).toBe(0);
  });

  it('does not space departures of a bucket allowed to burst', () => {
    const limiter = new RateLimiter(() => ({ perSecond: 1, burst: 3 }));
    expect([0, 0, 0].map(() => limiter.dispatch('slack:T:C1', 10_000))).toEqual([0, 0, 0]);
  });

  it('allows a burst after a quiet spell, then paces', () => {
    const limiter = new RateLimiter(() => ({ perSecond: 1, burst: 3 }));
    expect([0, 0, 0, 0].map(() => limiter.reserve('slack:T:C1', 10_000))).toEqual([0, 0, 0, 1000]);
  });

  it('keeps buckets independent', () => {
    const limiter = new RateLimiter(() => ({ perSecond: 1, burst: 1 }));
    limiter.reserve('slack:T:C1', 0);
    expect(limiter.reserve('slack:T:C2', 0)).toBe(0);
    expect(limiter.reserve('slack:T:C1', 0)).toBe(1000);
  });

  it('peek does not take a slot', () => {
    const limiter = new RateLimiter(() => ({ perSecond: 1, burst: 1 }));
    limiter.reserve('b', 0);
    expect(limiter.peek('b', 0)).toBe(1000);
    expect(limiter.peek('b', 0)).toBe(1000);
    expect(limiter.peek('b', 1500)).toBe(0);
  });

  it('a 429 pause holds the whole bucket until the given time', () => {
    const limiter = new RateLimiter(() => ({ perSecond: 50, burst: 1 }));
    limiter.reserve('teams:t1', 0);
    limiter.pauseUntil('teams:t1', 5_000);
    expect(limiter.reserve('teams:t1', 100)).toBe(4_900);
    expect(limiter.reserve('teams:t1', 100)).toBe(4_920);
    expect(limiter.reserve('teams:t2', 100)).toBe(0);
  });

  it('uses the injected time only: a later "now" finds the slot free', () => {
    const limiter = new RateLimiter(() => ({ perSecond: 1, burst: 1 }));
    limiter.reserve('b', 0);
    expect(limiter.reserve('b', 60_000)).toBe(0);
  });
});

describe('rates per bucket', () => {
  it('reads the platform from the bucket name, strictest for unknown ones', () => {
    expect(rateForBucket('teams:tenant')).toEqual({ perSecond: 49, burst: 1 });
    expect(rateForBucket('slack:T1:C1')).toEqual({ perSecond: 1, burst: 1 });
    expect(rateForBucket('fax:1')).toEqual({ perSecond: 1, burst: 1 });
  });

  it('divides rates among replicas', () => {
    expect(scaleRates({ teams: { perSecond: 48, burst: 1 } }, 2)).toEqual({ teams: { perSecond: 24, burst: 1 } });
    expect(() => scaleRates({}, 0)).toThrow(/replicas/);
  });
});
