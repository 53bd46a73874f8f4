/**
 * Slack with the database unreachable, on a PostgreSQL server of the test's own (stopped and
 * started with pg_ctl; the machine's server is left alone). Slack redelivers an event only when
 * it was not answered 2xx within 3 s (https://api.slack.com/apis/events-api#retries), so one the
 * bot could not take must not be answered 200: checked that it gets a 5xx, that Slack's retry
 * once the database is back is handled once (one reply), that a button press, which Slack never
 * retries, is answered "try again" through its response_url, and that client faults stay 4xx.
 */
import { openDatabase } from '../../../src/db/database';
import { t } from '../../../src/i18n/en-GB';
import { chatUser, send, type ChatUser } from '../../helpers/chat';
import type { TestDatabase } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { postgresBin, startOwnPostgres, type OwnPostgres } from '../../helpers/own-postgres';
import { blockAction, slackDm, slackHeaders } from '../../fixtures/slack/factory';

const bin = postgresBin();
const describeWithServer = bin ? describe : describe.skip;
if (!bin) {
  describe.skip('Slack with the database down (no PostgreSQL binaries under /usr/lib/postgresql/*/bin: skipped)', () => {
    it('was skipped: install PostgreSQL server binaries to run it', () => undefined);
  });
}
jest.setTimeout(180_000);

describeWithServer('Slack while the database is unreachable (own PostgreSQL server)', () => {
  let pg: OwnPostgres;
  let h: Harness;
  let ann: ChatUser;

  beforeAll(async () => {
    pg = await startOwnPostgres();
    const opened = await openDatabase({ url: pg.url });
    const database: TestDatabase = { ...opened, url: pg.url, destroy: () => opened.close() };
    h = await startHarness('postgres', {}, new FakeClock('2026-11-10T10:00:00Z'), { database });
    ann = chatUser(h, 'Ann Senco', 'ann@birch.org.uk');
    await send(h, 'slack', ann, 'help'); // the bot has met Ann; her email is cached
  });
  afterAll(async () => {
    pg?.destroy();
    await h?.stop();
  });

  const dm = () => `D${ann.slack.id.replace(/^U/, '')}`;
  const repliesIn = (channel: string) => h.slack.callsTo('chat.postMessage').filter((b) => b.channel === channel).length;

  async function healthy(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if ((await fetch(`${h.bot.url}/healthz`).then((r) => r.status)) === 200) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the bot did not become healthy');
  }

  it('answers a message event 503 while the database is down, and handles Slack’s retry once when it is back', async () => {
    const body = JSON.stringify(slackDm('help', ann.slack, 'EvDatabaseDown1'));
    const before = repliesIn(dm());
    pg.stop('fast');
    try {
      const refused = await h.postSlack(body);
      expect(refused.status).toBe(503);
      expect(await refused.json()).toEqual({ error: expect.stringMatching(/retry/) });
      // Client faults are still the client's: a bad signature 401, a malformed body 400.
      const forged = await fetch(`${h.bot.url}/slack/events`, {
        method: 'POST',
        headers: slackHeaders('another-secret-0123456789abcdef', body, 'application/json'),
        body,
      });
      expect(forged.status).toBe(401);
      expect((await h.postSlack('{"type":')).status).toBe(400);
    } finally {
      pg.start();
    }
    await healthy();
    // Slack's retries carry the same event_id; a second one (say, the first answer was slow) is a duplicate.
    const retry = await h.postSlack(body, 'application/json', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' });
    expect(retry.status).toBe(200);
    await h.slack.waitFor(() => repliesIn(dm()) > before, 10_000);
    const again = await h.postSlack(body, 'application/json', { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' });
    expect(again.status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(repliesIn(dm()) - before).toBe(1);
    expect(await h.db.prisma.inboundReceipt.count({ where: { key: { endsWith: ':EvDatabaseDown1' } } })).toBe(1);
  });

  it('tells the person to try again when a button press cannot be taken (Slack never retries those)', async () => {
    const form = new URLSearchParams(blockAction('home.show', {}, ann.slack));
    const payload = JSON.parse(form.get('payload')!) as Record<string, unknown>;
    const responseUrl = `${h.slack.url}/actions/T0001/1/retry-please`;
    const body = new URLSearchParams({ payload: JSON.stringify({ ...payload, response_url: responseUrl }) }).toString();
    const notices = () => h.slack.calls.filter((c) => c.path === '/actions/T0001/1/retry-please').map((c) => c.body);
    pg.stop('fast');
    try {
      expect((await h.postSlack(body, 'application/x-www-form-urlencoded')).status).toBe(200);
      await h.slack.waitFor(() => notices().length > 0, 10_000);
    } finally {
      pg.start();
    }
    expect(notices()).toEqual([{ response_type: 'ephemeral', replace_original: false, text: t('error.unavailable') }]);
    await healthy();
  });
});
