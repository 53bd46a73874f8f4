/**
 * What people send in `npm run bench:load`, shaped like the platforms' payloads (as
 * test/fixtures/*), and one person's session: a SENCO opens their check-in (or
 * self-evaluation) and presses the first answer on the card they get back; a SEND leader asks
 * for the round's status; a newcomer says hello. Each request is timed until the bot has both
 * answered the HTTP request and its first reply has reached the fake platform.
 */
import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Delivered, FakePlatforms } from './fake-platforms';
import { SLACK_TEAM, TEAMS_TENANT, slackChannel, teamsConversation, type BenchUser } from './seed';

export const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
const BOT = { id: '28:00000000-0000-4000-8000-00000000b0b0', name: 'SENCO Network' };
/** Buttons a SENCO presses, most wanted first: an answer, then whatever moves the card on. */
const PRESS_ORDER = [
  'checkin.answer',
  'checkin.open',
  'checkin.confirm',
  'selfeval-rate',
  'selfeval-begin',
  'selfeval-skip',
  'selfeval-finish',
];

export interface Outcome {
  ms: number;
  ok: boolean;
}

type Input = { text: string } | { verb: string; data: Record<string, string> };

let counter = 0;

/** One session; `target()` picks the bot process for each request (round-robin over replicas). */
export async function session(
  user: BenchUser,
  target: () => string,
  platforms: FakePlatforms,
  platformUrl: string,
  record: (o: Outcome) => void,
): Promise<void> {
  if (user.kind === 'newcomer') return void (await request(user, target(), platforms, platformUrl, { text: 'hello' }, record));
  if (user.kind === 'leader') return void (await request(user, target(), platforms, platformUrl, { text: 'checkin status' }, record));
  const opening = ++counter % 3 === 0 ? 'selfeval' : 'checkin';
  const replies = await request(user, target(), platforms, platformUrl, { text: opening }, record);
  const found = buttonsIn(replies);
  const press = PRESS_ORDER.map((verb) => found.find((b) => b.verb === verb)).find(Boolean);
  // The echo bot's replies carry no buttons: it is pressed with the same kind of payload.
  const input = press ?? { verb: 'checkin.answer', data: { echo: '1' } };
  await request(user, target(), platforms, platformUrl, input, record);
}

async function request(
  user: BenchUser,
  botUrl: string,
  platforms: FakePlatforms,
  platformUrl: string,
  input: Input,
  record: (o: Outcome) => void,
): Promise<Delivered[]> {
  const key = user.platform === 'teams' ? teamsConversation(user) : slackChannel(user);
  const watch = platforms.watch(key);
  const started = performance.now();
  try {
    const res = user.platform === 'teams' ? await postTeams(botUrl, platformUrl, user, input) : await postSlack(botUrl, user, input);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    await Promise.race([watch.first, timeout(30_000)]);
    record({ ms: performance.now() - started, ok: true });
    return watch.all;
  } catch {
    record({ ms: performance.now() - started, ok: false });
    return [];
  } finally {
    watch.close();
  }
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('no reply')), ms).unref());
}

function postTeams(botUrl: string, platformUrl: string, u: BenchUser, input: Input): Promise<Response> {
  const activity = {
    type: 'message',
    id: `${Date.now()}${++counter}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: `${platformUrl}/`,
    from: { id: u.teamsId, name: u.name, aadObjectId: u.aadObjectId },
    conversation: { conversationType: 'personal', tenantId: TEAMS_TENANT, id: teamsConversation(u) },
    recipient: BOT,
    textFormat: 'plain',
    locale: 'en-GB',
    channelData: { tenant: { id: TEAMS_TENANT } },
    ...('text' in input ? { text: input.text } : { value: { verb: input.verb, ...input.data }, replyToId: `act-${counter}` }),
  };
  return fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
}

function postSlack(botUrl: string, u: BenchUser, input: Input): Promise<Response> {
  const now = Math.floor(Date.now() / 1000);
  const channel = slackChannel(u);
  let body: string;
  let contentType: string;
  if ('text' in input) {
    contentType = 'application/json';
    body = JSON.stringify({
      token: 'legacy-unused',
      team_id: SLACK_TEAM,
      api_app_id: 'A0SENCO',
      event: {
        type: 'message',
        channel,
        user: u.slackId,
        text: input.text,
        ts: `${now}.${++counter}`,
        channel_type: 'im',
        team: SLACK_TEAM,
      },
      type: 'event_callback',
      event_id: `EvLoad${++counter}`,
      event_time: now,
      authorizations: [{ enterprise_id: null, team_id: SLACK_TEAM, user_id: 'UBOT', is_bot: true }],
    });
  } else {
    contentType = 'application/x-www-form-urlencoded';
    const payload = {
      type: 'block_actions',
      user: { id: u.slackId, username: u.name, name: u.name, team_id: SLACK_TEAM },
      api_app_id: 'A0SENCO',
      token: 'legacy-unused',
      container: { type: 'message', message_ts: `${now}.000100`, channel_id: channel, is_ephemeral: false },
      trigger_id: `${++counter}.${now}.def`,
      team: { id: SLACK_TEAM, domain: 'bench' },
      channel: { id: channel, name: 'directmessage' },
      state: { values: {} },
      actions: [
        {
          action_id: `${input.verb}#0`,
          block_id: 'b1',
          text: { type: 'plain_text', text: 'Press' },
          value: JSON.stringify({ verb: input.verb, data: input.data }),
          type: 'button',
          action_ts: `${now}`,
        },
      ],
    };
    body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  }
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${now}:${body}`).digest('hex')}`;
  return fetch(`${botUrl}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(now), 'x-slack-signature': signature },
    body,
  });
}

/** Buttons in Teams Adaptive Cards (Action.Submit data) and Slack Block Kit (button values). */
function buttonsIn(replies: Delivered[]): Array<{ verb: string; data: Record<string, string> }> {
  const found: Array<{ verb: string; data: Record<string, string> }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Submit' && o.data && typeof (o.data as { verb?: unknown }).verb === 'string') {
      const { verb, ...data } = o.data as Record<string, string>;
      found.push({ verb: verb!, data });
    }
    if (o.type === 'button' && typeof o.value === 'string' && o.value.startsWith('{')) {
      const parsed = JSON.parse(o.value) as { verb: string; data: Record<string, string> };
      found.push({ verb: parsed.verb, data: parsed.data ?? {} });
    }
    Object.values(o).forEach(walk);
  };
  replies.forEach((r) => walk(r.body));
  return found;
}
