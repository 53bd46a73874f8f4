import { LONE_WINDOW_MS, ThrottleResponse } from '../../../src/scheduler/throttle-response';

describe('ThrottleResponse', () => {
  it('lets a lone 429 on a Teams tenant pass, and pauses on a second within the window', () => {
    const throttles = new ThrottleResponse();
    expect(throttles.pausesBucket('teams:t1', 1_000)).toBe(false);
    expect(throttles.pausesBucket('teams:t1', 1_000 + LONE_WINDOW_MS - 1)).toBe(true);
  });

  it('counts a 429 after a quiet window as lone again, per bucket', () => {
    const throttles = new ThrottleResponse();
    expect(throttles.pausesBucket('teams:t1', 0)).toBe(false);
    expect(throttles.pausesBucket('teams:t2', 5)).toBe(false);
    expect(throttles.pausesBucket('teams:t1', LONE_WINDOW_MS)).toBe(false);
    expect(throttles.pausesBucket('teams:t1', LONE_WINDOW_MS + 1)).toBe(true);
  });

  it('pauses a Slack bucket on every 429 (per-minute limits, long Retry-After)', () => {
    const throttles = new ThrottleResponse();
    expect(throttles.pausesBucket('slack:T1:C1', 0)).toBe(true);
    expect(throttles.pausesBucket('slack-workspace:T1', 0)).toBe(true);
  });
});
