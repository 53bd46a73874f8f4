import type { Platform } from '../../src/core/model';
import { blockAction, slackDm, slackFileShare, type SlackPerson } from '../fixtures/slack/factory';
import { teamsFileMessage, teamsMessage, teamsSubmit, type TeamsPerson } from '../fixtures/teams/factory';
import type { Harness } from './harness';

/** One person with an account on each platform. */
export interface ChatUser {
  name: string;
  email: string;
  teams: TeamsPerson;
  slack: SlackPerson;
}

let n = 0;

/** A person the fakes know on both platforms (so the bot learns their email from the platform). */
export function chatUser(h: Harness, name: string, email: string | null): ChatUser {
  const i = ++n;
  const key = name.toLowerCase().replace(/[^a-z]/g, '');
  const user: ChatUser = {
    name,
    email: email ?? '',
    teams: { id: `29:${key}-${i}`, name, aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` },
    slack: { id: `U${key.toUpperCase().slice(0, 6)}${i}`, teamId: 'T0001', name: key },
  };
  if (email) {
    h.teams.members.set(user.teams.id, { id: user.teams.id, name, email, aadObjectId: user.teams.aadObjectId });
    h.slack.users.set(user.slack.id, { id: user.slack.id, name: key, email });
  }
  return user;
}

/** How many messages the fakes had received at a moment, to read what came after (`personalMessages`). */
export interface Mark {
  teams: number;
  slack: number;
  uploads: number;
}

export function mark(h: Harness): Mark {
  return { teams: h.teams.sentActivities().length, slack: h.slack.callsTo('chat.postMessage').length, uploads: h.slack.uploads.size };
}

/**
 * The messages the bot posted in this person's own chat (Teams 1:1, Slack DM: chat.postMessage),
 * proactive or replies, in order, as JSON text each, since `since` when given; updates in place
 * are not counted.
 */
export function personalMessages(h: Harness, platform: Platform, who: ChatUser, since?: Pick<Mark, 'teams' | 'slack'>): string[] {
  if (platform === 'teams')
    return h.teams
      .sentActivities()
      .slice(since?.teams ?? 0)
      .filter((a) => a.conversationId === `a:1personal-${who.teams.id}`)
      .map((a) => JSON.stringify(a.activity));
  return h.slack
    .callsTo('chat.postMessage')
    .slice(since?.slack ?? 0)
    .filter((b) => b.channel === `D${who.slack.id.replace(/^U/, '')}`)
    .map((b) => JSON.stringify(b));
}

/** The bot's messages to this person (their Teams 1:1 chat or Slack DM), as JSON text each. */
function sentTo(h: Harness, platform: Platform, who: ChatUser): string[] {
  if (platform === 'teams') {
    const conversation = `a:1personal-${who.teams.id}`;
    return h.teams
      .sentActivities()
      .filter((a) => a.conversationId === conversation)
      .map((a) => JSON.stringify(a.activity));
  }
  const channel = `D${who.slack.id.replace(/^U/, '')}`;
  // In the order Slack received them; a reply that replaces the pressed card is a chat.update
  // (one Slack refused, for a card it does not have, is not a reply: the bot posts instead).
  const replyMethods = new Set(['/api/chat.postMessage', '/api/chat.postEphemeral', '/api/chat.update']);
  return h.slack.calls
    .filter((c) => replyMethods.has(c.path.split('?')[0]!))
    .map((c) => ({ method: c.path.split('?')[0]!, body: c.body as Record<string, unknown> }))
    .filter(({ body }) => body.channel === channel)
    .filter(({ method, body }) => method !== '/api/chat.update' || h.slack.messages.has(`${String(body.channel)}:${String(body.ts)}`))
    .map(({ body }) => JSON.stringify(body));
}

/**
 * Teams answers within the HTTP request; Slack acknowledges first and answers through the Web
 * API, so wait for the first reply and then until no more arrive for a moment. Counting per
 * person lets tests talk as several people at once.
 */
async function replies(h: Harness, platform: Platform, who: ChatUser, post: () => Promise<Response>): Promise<string[]> {
  const before = sentTo(h, platform, who).length;
  const res = await post();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  if (platform === 'slack') {
    await h.slack.waitFor(() => sentTo(h, 'slack', who).length > before, 10_000);
    let seen = sentTo(h, 'slack', who).length;
    for (;;) {
      await new Promise((r) => setTimeout(r, 60));
      const now = sentTo(h, 'slack', who).length;
      if (now === seen) break;
      seen = now;
    }
  }
  return sentTo(h, platform, who).slice(before);
}

/** Sends a text message (Teams personal chat / Slack DM) and returns the bot's replies. */
export function send(h: Harness, platform: Platform, who: ChatUser, text: string): Promise<string[]> {
  return replies(h, platform, who, () =>
    platform === 'teams' ? h.postTeams(teamsMessage(h.teams.url, text, who.teams)) : h.postSlack(JSON.stringify(slackDm(text, who.slack))),
  );
}

/**
 * Presses a button or submits a form: `data` is what the button carries, `fields` the form
 * inputs (Teams merges both into `value`; Slack sends inputs in `state.values`).
 */
export function press(
  h: Harness,
  platform: Platform,
  who: ChatUser,
  verb: string,
  data: Record<string, string> = {},
  fields: Record<string, string> = {},
): Promise<string[]> {
  if (platform === 'teams')
    return replies(h, platform, who, () => h.postTeams(teamsSubmit(h.teams.url, { verb, ...data, ...fields }, who.teams)));
  const state = Object.fromEntries(Object.entries(fields).map(([id, value]) => [id, { [id]: { type: 'plain_text_input', value } }]));
  return replies(h, platform, who, () => h.postSlack(blockAction(verb, data, who.slack, state), 'application/x-www-form-urlencoded'));
}

/** Uploads a file in chat: served by the platform's fake, then announced to the bot. */
export function upload(
  h: Harness,
  platform: Platform,
  who: ChatUser,
  name: string,
  bytes: Uint8Array,
  declaredSize = bytes.length,
): Promise<string[]> {
  const key = `${++n}-${name}`;
  if (platform === 'teams') {
    h.teams.files.set(key, bytes);
    return replies(h, platform, who, () =>
      h.postTeams(teamsFileMessage(h.teams.url, name, `${h.teams.url}/files/${encodeURIComponent(key)}`, who.teams)),
    );
  }
  h.slack.files.set(key, bytes);
  return replies(h, platform, who, () => h.postSlack(JSON.stringify(slackFileShare(name, h.slack.fileUrl(key), declaredSize, who.slack))));
}

/** The JSON text of replies, joined: for `toContain` assertions. */
export function joined(texts: string[]): string {
  return texts.join('\n');
}

/** Every button in the replies, whichever platform rendered them: verb and data. */
export function buttons(texts: string[]): Array<{ verb: string; data: Record<string, string> }> {
  const found: Array<{ verb: string; data: Record<string, string> }> = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (/^[[{]/.test(node)) {
        try {
          walk(JSON.parse(node));
        } catch {
          /* not JSON */
        }
      }
      return;
    }
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    // Teams Action.Submit: data = { verb, ...buttonData }
    if (o.type === 'Action.Submit' && o.data && typeof (o.data as { verb?: unknown }).verb === 'string') {
      const { verb, ...data } = o.data as Record<string, string>;
      found.push({ verb: verb!, data });
    }
    // Slack button: value = JSON { verb, data }
    if (o.type === 'button' && typeof o.value === 'string') {
      const parsed = JSON.parse(o.value) as { verb: string; data: Record<string, string> };
      found.push({ verb: parsed.verb, data: parsed.data });
    }
    Object.values(o).forEach(walk);
  };
  texts.forEach(walk);
  return found;
}

/** Data of the first button with this verb in the replies. */
export function buttonData(texts: string[], verb: string): Record<string, string> {
  const button = buttons(texts).find((b) => b.verb === verb);
  if (!button) throw new Error(`no button ${verb} in ${texts.join('\n').slice(0, 2000)}`);
  return button.data;
}

/**
 * Readable text of the replies (JSON escapes and bold markers removed, since Teams writes
 * **bold** and Slack *bold*), for `toContain` assertions.
 */
export function plain(texts: string[]): string {
  return texts
    .join('\n')
    .replace(/\\+n/g, '\n')
    .replace(/\\+"/g, '"')
    .replace(/\\+/g, '')
    .replace(/\*/g, '')
    .replace(/\u200b/g, '') // Slack: the zero-width spaces that keep people's * _ ~ from being read as formatting
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
