import { slackDm, slashCommand, blockAction, slackHeaders } from '../../fixtures/slack/factory';
import { teamsMessage, teamsSubmit } from '../../fixtures/teams/factory';
import { databaseKinds } from '../../helpers/databases';
import { startHarness, type Harness, SIGNING_SECRET } from '../../helpers/harness';

describe.each(databaseKinds)('foundation over HTTP on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    h.slack.users.set('U0BOB', { id: 'U0BOB', name: 'bob', email: 'bob@oak.sch.uk' });
  });
  afterAll(async () => h.stop());

  it('reports health with the database status', async () => {
    const res = await fetch(`${h.bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'up', databaseKind: kind });
  });

  describe('Teams', () => {
    it('answers help with a card listing commands, through the connector', async () => {
      const before = h.teams.sentActivities().length;
      const res = await h.postTeams(teamsMessage(h.teams.url, 'help'));
      expect(res.status).toBe(200);
      const sent = h.teams.sentActivities().slice(before);
      expect(sent).toHaveLength(1);
      const card = (sent[0]!.activity.attachments as Array<{ content: { version: string; body: unknown[] } }>)[0]!.content;
      expect(card.version).toBe('1.5');
      expect(JSON.stringify(card)).toContain('What I can do for you');
    });

    it('suggests the closest command for a typo', async () => {
      const before = h.teams.sentActivities().length;
      await h.postTeams(teamsMessage(h.teams.url, 'hepl'));
      const sent = h.teams.sentActivities().slice(before);
      expect(sent[0]!.activity.text).toContain('Did you mean **help**');
    });

    it('handles a redelivered activity once', async () => {
      const activity = teamsMessage(h.teams.url, 'help');
      const before = h.teams.sentActivities().length;
      await h.postTeams(activity);
      await h.postTeams(activity);
      expect(h.teams.sentActivities().length - before).toBe(1);
    });

    it('ignores messages from bots', async () => {
      const before = h.teams.calls.length;
      const res = await h.postTeams(
        teamsMessage(
          h.teams.url,
          'help',
          { id: '28:other-bot', name: 'Bot', aadObjectId: 'x' },
          { from: { id: '28:other-bot', name: 'Bot', role: 'bot' } },
        ),
      );
      expect(res.status).toBe(200);
      expect(h.teams.calls.length).toBe(before);
    });

    it('refuses malformed JSON and incomplete activities with 400', async () => {
      expect((await h.postTeams('{"type": "message",')).status).toBe(400);
      expect((await h.postTeams({ type: 'message', text: 'help' })).status).toBe(400);
      expect((await h.postTeams([1, 2])).status).toBe(400);
      expect((await h.postTeams({ ...teamsMessage(h.teams.url, 'x'), serviceUrl: 'ftp://x' })).status).toBe(400);
      expect(h.logger.lines.some((l) => l.msg.includes('invalid activity'))).toBe(true);
    });

    it('politely refuses very long text', async () => {
      const before = h.teams.sentActivities().length;
      await h.postTeams(teamsMessage(h.teams.url, 'x'.repeat(5000)));
      expect(h.teams.sentActivities().slice(before)[0]!.activity.text).toContain('too long');
    });

    it('answers an unknown card action without crashing', async () => {
      const before = h.teams.sentActivities().length;
      await h.postTeams(teamsSubmit(h.teams.url, { verb: 'no.such.thing', x: 1 }));
      expect(h.teams.sentActivities().slice(before)[0]!.activity.text).toContain('expired');
    });

    it('refuses bodies over the size limit with 413', async () => {
      const res = await h.postTeams(JSON.stringify({ ...teamsMessage(h.teams.url, 'a'), pad: 'x'.repeat(1_100_000) }));
      expect(res.status).toBe(413);
    });
  });

  describe('Slack', () => {
    it('answers a signed help DM through the Web API', async () => {
      const before = h.slack.callsTo('chat.postMessage').length;
      const body = JSON.stringify(slackDm('help'));
      const res = await h.postSlack(body);
      expect(res.status).toBe(200);
      await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage').length > before);
      const post = h.slack.callsTo('chat.postMessage')[before]!;
      expect(post.channel).toBe('D0BOB');
      expect(String(post.blocks)).toContain('What I can do for you');
    });

    it('answers the /senco slash command', async () => {
      const before = h.slack.callsTo('chat.postMessage').length;
      const res = await h.postSlack(slashCommand('help'), 'application/x-www-form-urlencoded');
      expect(res.status).toBe(200);
      await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage').length > before);
    });

    it('answers a button press (block_actions)', async () => {
      const before = h.slack.callsTo('chat.postMessage').length;
      const res = await h.postSlack(blockAction('no.such.thing', {}), 'application/x-www-form-urlencoded');
      expect(res.status).toBe(200);
      await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage').length > before);
      expect(String(h.slack.callsTo('chat.postMessage')[before]!.text)).toContain('expired');
    });

    it('handles a retried event once', async () => {
      const event = slackDm('help');
      const body = JSON.stringify(event);
      const before = h.slack.callsTo('chat.postMessage').length;
      await h.postSlack(body);
      await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage').length > before);
      await h.postSlack(body, 'application/json', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
      await new Promise((r) => setTimeout(r, 200));
      expect(h.slack.callsTo('chat.postMessage').length - before).toBe(1);
    });

    it('rejects forged and stale signatures with 401', async () => {
      const body = JSON.stringify(slackDm('help'));
      const forged = await fetch(`${h.bot.url}/slack/events`, {
        method: 'POST',
        headers: slackHeaders('wrong-secret', body, 'application/json'),
        body,
      });
      expect(forged.status).toBe(401);
      const stale = await fetch(`${h.bot.url}/slack/events`, {
        method: 'POST',
        headers: slackHeaders(SIGNING_SECRET, body, 'application/json', Math.floor(Date.now() / 1000) - 600),
        body,
      });
      expect(stale.status).toBe(401);
    });

    it('rejects a signed but malformed body with 400', async () => {
      expect((await h.postSlack('{not json')).status).toBe(400);
      expect((await h.postSlack('payload=%7Bbroken', 'application/x-www-form-urlencoded')).status).toBe(400);
    });

    it('answers the URL verification challenge', async () => {
      const res = await h.postSlack(JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 't' }));
      expect(await res.json()).toEqual({ challenge: 'abc123' });
    });

    it('ignores messages from bots', async () => {
      const before = h.slack.callsTo('chat.postMessage').length;
      const event = slackDm('help');
      (event.event as Record<string, unknown>).bot_id = 'B0OTHER';
      await h.postSlack(JSON.stringify(event));
      await new Promise((r) => setTimeout(r, 200));
      expect(h.slack.callsTo('chat.postMessage').length).toBe(before);
    });
  });
});
