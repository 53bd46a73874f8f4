import type { SendOutcome } from '../../../src/core/ports';
import { BotMetrics } from '../../../src/ops/metrics';

function counted(outcome: SendOutcome, platform: 'teams' | 'slack') {
  const metrics = new BotMetrics(async () => ({}));
  const sender = metrics.countSends({
    platform,
    send: async () => outcome,
    update: async () => outcome,
    delete: async () => outcome,
  });
  return { metrics, sender };
}

describe('BotMetrics.countSends', () => {
  it.each([
    ['teams', '429: Too Many Requests'],
    ['slack', 'slack_webapi_rate_limited_error: A rate limit was exceeded (url: chat.postMessage, retry-after: 30)'],
    ['slack', 'slack_webapi_platform_error: ratelimited'],
  ] as const)('counts a %s 429 (%s) as throttled', async (platform, error) => {
    const { metrics, sender } = counted({ status: 'retry', retryAfterMs: 1000, error }, platform);
    await sender.send({ kind: 'x' } as never, { text: 'hi' } as never);
    expect(await metrics.registry.metrics()).toContain(`senco_outbound_throttled_total{platform="${platform}"} 1`);
  });

  it('does not count a 5xx as throttled', async () => {
    const { metrics, sender } = counted({ status: 'retry', retryAfterMs: null, error: 'slack_webapi_http_error: 503' }, 'slack');
    await sender.send({ kind: 'x' } as never, { text: 'hi' } as never);
    expect(await metrics.registry.metrics()).not.toContain('senco_outbound_throttled_total{platform="slack"} 1');
  });
});
