/**
 * Issue 17, operations: each inbound request gets an id that every log line it caused carries
 * (and the reply's X-Request-Id header), and GET /metrics serves Prometheus text with the
 * inbound latency histogram, outbox depth, send counts and errors, to loopback callers or a
 * bearer token only. Both platforms' endpoints, both databases.
 */
import { slackDm } from '../../fixtures/slack/factory';
import { teamsMessage } from '../../fixtures/teams/factory';
import { databaseKinds } from '../../helpers/databases';
import { startHarness, type Harness } from '../../helpers/harness';
import { isLoopback } from '../../../src/ops/metrics-route';

jest.setTimeout(120_000);

const TOKEN = 'metrics-token-0123456789';

describe.each(databaseKinds)('operations on %s', (kind) => {
  let h: Harness;
  afterEach(async () => h?.stop());

  it('stamps every log line of a request with its id and answers it in X-Request-Id', async () => {
    h = await startHarness(kind);
    // A redelivered activity logs "duplicate delivery ignored": a line written deep in the router.
    const activity = teamsMessage(h.teams.url, 'help');
    const first = await h.postTeams(activity);
    expect(first.status).toBe(200);
    const res = await fetch(`${h.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'proxy-id-12345678' },
      body: JSON.stringify(activity),
    });
    expect(res.headers.get('x-request-id')).toBe('proxy-id-12345678');
    const duplicate = h.logger.lines.find((l) => l.msg === 'duplicate delivery ignored');
    expect(duplicate?.fields?.requestId).toBe('proxy-id-12345678');
    // A fresh id when the caller sends none (or sends something that is not an id).
    const other = await h.postSlack(JSON.stringify(slackDm('help')));
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(other.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  });

  it('serves Prometheus metrics to loopback callers when no token is set', async () => {
    h = await startHarness(kind);
    await h.postTeams(teamsMessage(h.teams.url, 'help'));
    await h.postSlack(JSON.stringify(slackDm('help')));
    const res = await fetch(`${h.bot.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/senco_inbound_request_duration_seconds_count\{platform="teams",status="200"\} 1/);
    expect(text).toMatch(/senco_inbound_request_duration_seconds_count\{platform="slack",status="200"\} 1/);
    expect(text).toMatch(/senco_outbox_depth\{status="queued"\} \d+/);
    expect(text).toContain('senco_errors_total 0');
    expect(text).toMatch(/senco_db_statements_total \d+/);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('requires the bearer token when METRICS_TOKEN is set, even from loopback', async () => {
    h = await startHarness(kind, { METRICS_TOKEN: TOKEN });
    expect((await fetch(`${h.bot.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${h.bot.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(404);
    const ok = await fetch(`${h.bot.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('senco_outbound_sends_total');
  });

  it('counts sends by outcome and 429s once the outbox delivers', async () => {
    h = await startHarness(kind);
    // A proactive send through the counted sender: the metrics see the outcome the outbox saw.
    const sender = h.bot.metrics.countSends({
      platform: 'teams',
      send: async () => ({ status: 'retry', retryAfterMs: 1000, error: '429: Too Many Requests' }),
      update: async () => ({ status: 'sent', providerId: null }),
      delete: async () => ({ status: 'failed', error: '400: bad' }),
    });
    await sender.send({ kind: 'x' } as never, { text: 'hi' } as never);
    await sender.update({ kind: 'x' } as never, { text: 'hi' } as never);
    const text = await h.bot.metrics.registry.metrics();
    expect(text).toContain('senco_outbound_throttled_total{platform="teams"} 1');
    expect(text).toContain('senco_outbound_sends_total{platform="teams",outcome="retry"} 1');
    expect(text).toContain('senco_outbound_sends_total{platform="teams",outcome="sent"} 1');
  });
});

describe('loopback test for /metrics', () => {
  it('accepts only loopback addresses', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.8.9.1'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '', 'localhost', '::2'].map(isLoopback)).toEqual([false, false, false, false, false]);
  });
});
