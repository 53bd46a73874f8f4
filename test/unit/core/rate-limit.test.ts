import { verdictOf } from '../../../src/core/rate-limit-port';

describe('verdictOf (sliding window)', () => {
  const limit = { count: 3, windowMs: 60_000 };
  const at = (s: number) => new Date(Date.UTC(2026, 9, 8, 10, 0, s));

  it('allows up to the count within the window', () => {
    expect(verdictOf([], limit, at(0))).toEqual({ ok: true });
    expect(verdictOf([at(0), at(10)], limit, at(20))).toEqual({ ok: true });
  });

  it('refuses the next and names when the oldest use leaves the window', () => {
    expect(verdictOf([at(10), at(0), at(20)], limit, at(30))).toEqual({ ok: false, retryAt: at(60) });
  });

  it('forgets uses older than the window, whatever order they come in', () => {
    expect(verdictOf([at(0), at(10), at(20)], limit, at(60))).toEqual({ ok: true });
    expect(verdictOf([at(0), at(10), at(20), at(30)], { count: 2, windowMs: 60_000 }, at(35))).toEqual({ ok: false, retryAt: at(80) });
  });
});
