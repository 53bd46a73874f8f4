import type { Request, Response } from 'restify';
import { App, LogLevel } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackConfig } from '../../src/config';
import { describeError } from '../../src/core/describe-error';
import type { ConversationAddress, InboundEvent } from '../../src/core/events';
import type { OutboundMessage } from '../../src/core/message';
import { LookupCache } from '../../src/core/lookup-cache';
import { systemClock, type Clock, type Logger } from '../../src/core/ports';
import { t } from '../../src/i18n/en-GB';
import { renderSlackMessage, slackHomeView } from './render-blocks';
import { slackHomeAddress } from './addressing';
import { acceptedOf, RestifyReceiver } from './restify-receiver';
import { SlackDirectory } from './slack-directory';
import { SlackSender } from './slack-sender';
import { uploadFiles } from './upload-files';
import { actionOf, fileOf, messageEvent, slackAddress, slackChannelAddress } from './to-event';

export interface SlackBotOptions {
  config: SlackConfig;
  logger: Logger;
  /**
   * The core's entry point. `accepted` is called once the event is safely taken (its delivery
   * claimed): an Events API callback is answered then, so one that cannot be taken is retried.
   * Throws only when the event could not be taken.
   */
  handle(event: InboundEvent, accepted?: () => void): Promise<OutboundMessage[]>;
  /**
   * The person's Home, for the App Home tab (published when opened and after each button press).
   * `tab` is given when the person opened the tab: where to push later changes.
   */
  home?(event: InboundEvent, tab?: ConversationAddress): Promise<OutboundMessage>;
  /** For the email cache's expiry; the system clock unless a test passes its own. */
  clock?: Clock;
  /** Per-call timeout of outbox sends (SEND_TIMEOUT_MS); default 30 s. */
  sendTimeoutMs?: number;
}

export interface SlackBot {
  handleHttp(req: Request, res: Response, rawBody: Buffer): Promise<void>;
  sender: SlackSender;
  /** The workspace's users by email, for linking roster people before they write. */
  directory: SlackDirectory;
}

/** Where replies to this interaction go: the DM itself, or privately in a channel. */
interface ReplyTarget {
  channel: string;
  user: string;
  ephemeral: boolean;
  /** For a button press: the message it was on, which a `replaceSource` reply replaces. */
  source?: { channel: string; ts: string; ephemeral: boolean; responseUrl: string | null };
}

/**
 * Slack through Bolt on our own receiver. Translation only: events, the /senco command and
 * button presses become neutral events for the same `handle` the Teams adapter calls.
 */
/**
 * Replaces the message a button was on: chat.update for a normal message, the interaction's
 * response_url for an ephemeral one (chat.update cannot reach those). False when neither applies.
 */
/** chat.update errors meaning "that message cannot be replaced" rather than "Slack is unwell". */
const GONE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);

async function replaceSource(client: WebClient, target: ReplyTarget, rendered: ReturnType<typeof renderSlackMessage>): Promise<boolean> {
  const source = target.source;
  if (!source) return false;
  if (!source.ephemeral) {
    try {
      await client.chat.update({ channel: source.channel, ts: source.ts, ...rendered });
      return true;
    } catch (error) {
      // The card was deleted or is too old to edit: the reply is posted as a new message instead.
      if (GONE.has((error as { data?: { error?: string } }).data?.error ?? '')) return false;
      throw error;
    }
  }
  if (!source.responseUrl) return false;
  const answer = await fetch(source.responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ replace_original: true, ...rendered }),
  });
  return answer.ok;
}

/** "Please try again": needs no database, only Slack. https://api.slack.com/interactivity/handling#message_responses */
async function tellToRetry(client: WebClient, user: string, responseUrl: string | null): Promise<void> {
  const text = t('error.unavailable');
  if (responseUrl) {
    const answer = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!answer.ok) throw new Error(`response_url answered ${answer.status}`);
    return;
  }
  const dm = (await client.conversations.open({ users: user })).channel?.id;
  if (dm) await client.chat.postMessage({ channel: dm, text });
}

export function createSlackBot(options: SlackBotOptions): SlackBot {
  const { config, logger } = options;
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const receiver = new RestifyReceiver(config.signingSecret, logger);
  const app = new App({ token: config.botToken, receiver, clientOptions, logLevel: LogLevel.ERROR, ignoreSelf: true });
  // users.info answers are kept an hour; a failed call (network, 429) is logged and retried
  // after a minute instead of leaving the person unknown until restart.
  const emails = new LookupCache<string | null>({
    what: 'slack user email',
    ttlMs: 60 * 60_000,
    retryAfterMs: 60_000,
    clock: options.clock ?? systemClock,
    logger,
  });
  // Uploaded files are fetched with the bot token, so only from Slack's file host (or the
  // configured API host, for tests and Enterprise Grid proxies).
  const fileHosts = ['files.slack.com', ...(config.apiUrl ? [new URL(config.apiUrl).host] : [])];

  const emailOf = (client: WebClient, user: string): Promise<string | null> =>
    emails.get(user, async () => ((await client.users.info({ user })).user?.profile?.email as string | undefined) ?? null);

  const deliver = async (client: WebClient, target: ReplyTarget, replies: OutboundMessage[]) => {
    for (const { files, ...reply } of replies) {
      const rendered = renderSlackMessage(reply);
      if (reply.replaceSource && !files?.length && (await replaceSource(client, target, rendered))) continue;
      if (target.ephemeral) await client.chat.postEphemeral({ channel: target.channel, user: target.user, ...rendered });
      else await client.chat.postMessage({ channel: target.channel, ...rendered });
      if (!files?.length) continue;
      // A reply's file is for the person who asked: in a channel it goes to their DM, never to everyone.
      const channel = target.ephemeral ? ((await client.conversations.open({ users: target.user })).channel?.id ?? null) : target.channel;
      if (channel) await uploadFiles(client, channel, files);
    }
  };

  // App Home: published when the tab is opened and after every button press (the press may have
  // changed what the person owes). Slack keeps the last published view, so a closed tab is current too.
  const publishHome = async (client: WebClient, inbound: InboundEvent, tab?: ConversationAddress) => {
    if (!options.home) return;
    const view = slackHomeView(await options.home(inbound, tab)) as unknown as Parameters<WebClient['views']['publish']>[0]['view'];
    await client.views.publish({ user_id: inbound.userId, view });
  };

  // Slack never retries a button press or a slash command: one the bot could not take (its database
  // unreachable) is answered "try again in a minute" rather than with silence, through the
  // interaction's response_url, or in the person's DM for a press on the Home tab (which has none).
  const takeInteraction = async (client: WebClient, inbound: InboundEvent, responseUrl: string | null) => {
    try {
      return await options.handle(inbound);
    } catch (error) {
      await tellToRetry(client, inbound.userId, responseUrl).catch((notice) =>
        logger.warn('slack retry notice not sent', { error: describeError(notice) }),
      );
      throw error;
    }
  };

  app.event('app_home_opened', async ({ event, body, client, context }) => {
    // Nothing is lost if this one fails: the tab keeps its last published view. Answered now.
    acceptedOf(context)();
    if (event.tab !== 'home') return;
    const teamId = String((body as { team_id?: string }).team_id ?? '');
    const inbound = messageEvent(
      { userId: event.user, teamId, userName: null },
      {
        deliveryId: `home:${String((body as { event_id?: string }).event_id ?? event.event_ts)}`,
        channel: event.channel,
        direct: true,
        text: '',
        fromBot: false,
        email: await emailOf(client, event.user),
      },
    );
    await publishHome(client, inbound, slackHomeAddress(teamId, event.user));
  });

  app.event('message', async ({ event, body, client, context }) => {
    const e = event as unknown as Record<string, unknown>;
    // Edits, joins and other subtypes are not messages to answer; a file upload is.
    if (e.subtype && e.subtype !== 'bot_message' && e.subtype !== 'file_share') return;
    if (e.channel_type !== 'im') return; // In channels the bot answers @mentions only.
    const user = String(e.user ?? '');
    const fromBot = Boolean(e.bot_id) || e.subtype === 'bot_message' || !user;
    const teamId = String((body as { team_id?: string }).team_id ?? e.team ?? '');
    const inbound = messageEvent(
      { userId: user, teamId, userName: null },
      {
        deliveryId: String((body as { event_id?: string }).event_id ?? e.ts),
        channel: String(e.channel),
        direct: true,
        text: String(e.text ?? ''),
        fromBot,
        email: fromBot ? null : await emailOf(client, user),
      },
    );
    inbound.file = fileOf(e, config.botToken, fileHosts);
    await deliver(client, { channel: String(e.channel), user, ephemeral: false }, await options.handle(inbound, acceptedOf(context)));
  });

  app.event('app_mention', async ({ event, body, client, context }) => {
    const user = String(event.user ?? '');
    const teamId = String((body as { team_id?: string }).team_id ?? '');
    const inbound = messageEvent(
      { userId: user, teamId, userName: null },
      {
        deliveryId: String((body as { event_id?: string }).event_id ?? event.ts),
        channel: event.channel,
        direct: false,
        text: event.text,
        fromBot: Boolean(event.bot_id),
        email: await emailOf(client, user),
      },
    );
    await deliver(client, { channel: event.channel, user, ephemeral: true }, await options.handle(inbound, acceptedOf(context)));
  });

  app.command(/^\/senco/, async ({ command, ack, client }) => {
    await ack();
    const direct = command.channel_id.startsWith('D');
    const inbound = messageEvent(
      { userId: command.user_id, teamId: command.team_id, userName: command.user_name ?? null },
      {
        deliveryId: `cmd:${command.trigger_id}`,
        channel: command.channel_id,
        direct,
        text: command.text || 'help',
        fromBot: false,
        email: await emailOf(client, command.user_id),
      },
    );
    const replies = await takeInteraction(client, inbound, command.response_url);
    await deliver(client, { channel: command.channel_id, user: command.user_id, ephemeral: !direct }, replies);
  });

  app.action(/.*/, async ({ body, ack, client }) => {
    await ack();
    const payload = body as unknown as Record<string, unknown>;
    const user = String((payload.user as { id?: string })?.id ?? '');
    const teamId = String((payload.team as { id?: string })?.id ?? (payload.user as { team_id?: string })?.team_id ?? '');
    const channel = String((payload.channel as { id?: string })?.id ?? '');
    const action = actionOf(payload);
    const direct = channel.startsWith('D');
    const firstAction = (payload.actions as Array<{ action_ts?: string }> | undefined)?.[0];
    const inbound: InboundEvent = {
      platform: 'slack',
      deliveryId: `act:${String(payload.trigger_id ?? firstAction?.action_ts ?? '')}`,
      tenantId: teamId,
      userId: user,
      userName: String((payload.user as { name?: string })?.name ?? '') || null,
      email: await emailOf(client, user),
      direct,
      address: slackAddress(teamId, user, direct ? channel : null),
      channel: direct ? null : slackChannelAddress(teamId, channel),
      text: null,
      action: action ?? { verb: '', data: {} },
      fromBot: false,
    };
    const responseUrl = typeof payload.response_url === 'string' ? payload.response_url : null;
    const container = payload.container as { type?: string; message_ts?: string; channel_id?: string; is_ephemeral?: boolean } | undefined;
    if (container?.type === 'view' && (payload.view as { type?: string } | undefined)?.type === 'home') {
      // A button on the Home tab: replies go to the person's DM; "replace" means the tab itself.
      const replies = await takeInteraction(client, inbound, null);
      const dm = (await client.conversations.open({ users: user })).channel?.id;
      const rest = replies.filter((reply) => !reply.replaceSource);
      if (dm && rest.length) await deliver(client, { channel: dm, user, ephemeral: false }, rest);
      await publishHome(client, inbound);
      return;
    }
    if (!channel) return;
    const source = container?.message_ts
      ? {
          channel: String(container.channel_id ?? channel),
          ts: container.message_ts,
          ephemeral: Boolean(container.is_ephemeral),
          responseUrl,
        }
      : undefined;
    await deliver(client, { channel, user, ephemeral: !direct, source }, await takeInteraction(client, inbound, responseUrl));
    await publishHome(client, inbound);
  });

  // Rethrown to the receiver, which logs it and answers an event not yet taken 503 (Slack retries it).
  app.error(async (error) => {
    throw error;
  });

  return {
    sender: new SlackSender(config, logger, options.sendTimeoutMs),
    directory: new SlackDirectory(app.client),
    handleHttp: (req, res, rawBody) => receiver.handle(req, res, rawBody),
  };
}
