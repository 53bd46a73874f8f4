/**
 * Home in HTTP tests: open it the platform's way (Slack's App Home tab, Teams `home`), press a
 * button on Home itself, and read what a person's Home shows now on either platform.
 */
import type { Platform } from '../../src/core/model';
import { blockAction } from '../fixtures/slack/factory';
import { teamsSubmit } from '../fixtures/teams/factory';
import { send, type ChatUser } from './chat';
import type { FakeClock } from './fake-clock';
import type { Harness } from './harness';

let events = 0;

/** Slack's `app_home_opened` for the Home tab. */
export function homeOpened(who: ChatUser) {
  return {
    token: 'legacy-unused',
    team_id: who.slack.teamId,
    api_app_id: 'A0SENCO',
    event: {
      type: 'app_home_opened',
      user: who.slack.id,
      channel: `D${who.slack.id.replace(/^U/, '')}`,
      tab: 'home',
      event_ts: '1700000000.000100',
    },
    type: 'event_callback',
    event_id: `EvHome${++events}`,
    event_time: Math.floor(Date.now() / 1000),
  };
}

/** A button pressed on the Slack Home tab: a block_actions from a view, with no channel. */
export function homeTabPress(who: ChatUser, verb: string, data: Record<string, string>): string {
  const payload = JSON.parse(new URLSearchParams(blockAction(verb, data, who.slack)).get('payload')!) as Record<string, unknown>;
  delete payload.channel;
  payload.container = { type: 'view', view_id: 'V1' };
  payload.view = { id: 'V1', type: 'home' };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The Teams home card of this person as it stands now (after sends and in-place updates): [activity id, card JSON]. */
export function teamsHomeEntry(h: Harness, who: ChatUser): [string, string] | undefined {
  const prefix = `a:1personal-${who.teams.id}/`;
  return [...h.teams.activities.entries()]
    .filter(([key, value]) => key.startsWith(prefix) && value !== 'deleted' && /"Home"/.test(JSON.stringify(value)))
    .map(([key, value]): [string, string] => [key.slice(prefix.length), JSON.stringify(value)])
    .at(-1);
}

export function teamsHomeCard(h: Harness, who: ChatUser): string | null {
  return teamsHomeEntry(h, who)?.[1] ?? null;
}

/** What the person's Home shows now, as JSON text: their Slack tab, or their Teams home card. */
export function currentHome(h: Harness, platform: Platform, who: ChatUser): string {
  if (platform === 'slack') return JSON.stringify(h.slack.homeViews.get(who.slack.id) ?? null);
  return teamsHomeCard(h, who) ?? '';
}

/** How often this person's Home was shown or changed: Slack publishes for them, Teams sends and updates of their home card. */
export function homeRenders(h: Harness, platform: Platform, who: ChatUser): number {
  if (platform === 'slack') return h.slack.callsTo('views.publish').filter((c) => c.user_id === who.slack.id).length;
  const conversation = `/v3/conversations/a:1personal-${who.teams.id}/activities`;
  return h.teams.calls.filter(
    (c) =>
      (c.method === 'PUT' || c.method === 'POST') &&
      decodeURIComponent(c.path).startsWith(conversation) &&
      /"Home"/.test(JSON.stringify(c.body)),
  ).length;
}

/**
 * Opens Home the platform's way and returns what it shows, as JSON text. With `clock`, a Teams
 * card that did not go at once (a slow connector call on a loaded machine is retried later) is
 * given up to a minute more.
 */
export async function openHome(h: Harness, platform: Platform, who: ChatUser, clock?: FakeClock): Promise<string> {
  if (platform === 'slack') {
    const before = h.slack.callsTo('views.publish').length;
    const res = await h.postSlack(JSON.stringify(homeOpened(who)));
    expect(res.status).toBe(200);
    // A publish for this person: another person's Home re-published after their button press may land first.
    const mine = () =>
      h.slack
        .callsTo('views.publish')
        .slice(before)
        .some((c) => c.user_id === who.slack.id);
    await h.slack.waitFor(mine, 10_000);
    return currentHome(h, platform, who);
  }
  // A loaded machine may show Teams' typing indicator: not a reply.
  const replies = (await send(h, platform, who, 'home')).filter((r) => !r.includes('"type":"typing"'));
  expect(replies).toHaveLength(0); // the card comes through the outbox, so it can be updated later
  await h.bot.scheduler.runOnce();
  for (let retry = 0; clock && retry < 6 && !teamsHomeCard(h, who); retry++) {
    clock.advance(7_000); // off the minute, so a test that watches the minute is not moved onto one
    await h.bot.scheduler.runOnce();
  }
  return currentHome(h, platform, who);
}

/**
 * Presses a button on the person's Home itself (the Slack tab; the Teams home card, as a reply
 * to it) and waits until their Home was rendered again (Slack publishes at once; Teams edits the
 * card through the outbox). Returns the bot's replies in their DM / personal chat, as JSON text.
 */
export async function pressOnHome(
  h: Harness,
  platform: Platform,
  who: ChatUser,
  verb: string,
  data: Record<string, string>,
): Promise<string[]> {
  const renders = homeRenders(h, platform, who);
  if (platform === 'slack') {
    const dm = `D${who.slack.id.replace(/^U/, '')}`;
    const posts = () =>
      h.slack
        .callsTo('chat.postMessage')
        .filter((c) => c.channel === dm)
        .map((c) => JSON.stringify(c));
    const before = posts().length;
    expect((await h.postSlack(homeTabPress(who, verb, data), 'application/x-www-form-urlencoded')).status).toBe(200);
    await h.slack.waitFor(() => posts().length > before && homeRenders(h, platform, who) > renders, 10_000);
    return posts().slice(before);
  }
  const conversation = `a:1personal-${who.teams.id}`;
  const sent = () =>
    h.teams
      .sentActivities()
      .filter((a) => a.conversationId === conversation)
      .map((a) => JSON.stringify(a.activity))
      .filter((a) => !a.includes('"type":"typing"'));
  const before = sent().length;
  const card = teamsHomeEntry(h, who);
  if (!card) throw new Error(`${who.name} has no Teams home card to press on`);
  const res = await h.postTeams({ ...teamsSubmit(h.teams.url, { verb, ...data }, who.teams), replyToId: card[0] });
  expect(res.status).toBe(200);
  const replies = sent().slice(before);
  await h.bot.scheduler.runOnce(); // the outbox edits the home card in place
  expect(homeRenders(h, platform, who)).toBeGreaterThan(renders);
  return replies;
}
