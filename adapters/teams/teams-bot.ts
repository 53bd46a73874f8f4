import type { Request, Response } from 'restify';
import {
  ActivityTypes,
  ConfigurationServiceClientCredentialFactory,
  INVOKE_RESPONSE_KEY,
  TeamsInfo,
  TurnContext,
  type Activity,
} from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { InboundEvent, MembersEvent } from '../../src/core/events';
import type { FileShelf } from '../../src/core/files-port';
import type { OutboundMessage } from '../../src/core/message';
import { LookupCache } from '../../src/core/lookup-cache';
import { systemClock, type Clock, type Logger } from '../../src/core/ports';
import type { TeamsConfig } from '../../src/config';
import { renderTeamsMessage } from './render-card';
import { handleFileConsent } from './file-consent';
import { renderWithFile } from './files';
import { membersFromUpdate } from './members';
import { activityProblem, toInboundEvent } from './to-event';
import { answerInvoke } from './invokes';
import { cleanPayload } from '../../src/core/clean-text';
import { describeError } from '../../src/core/describe-error';
import { createProactiveAdapter } from './proactive-adapter';
import { TeamsSender } from './teams-sender';
import { tokenChecker, tokenSource } from './token-check';

export interface TeamsBotOptions {
  config: TeamsConfig;
  logger: Logger;
  /** The core's entry point: one event in, replies out. */
  handle(event: InboundEvent): Promise<OutboundMessage[]>;
  /** Accounts seen when the bot is installed in a team or people join it (identity linking). */
  members?(event: MembersEvent): Promise<void>;
  /** For the member-email cache's expiry; the system clock unless a test passes its own. */
  clock?: Clock;
  /** Keeps files the bot sends (consent uploads, signed links); without it files are dropped. */
  files?: FileShelf;
  /** Per-call timeout of outbox sends (SEND_TIMEOUT_MS); default 30 s. */
  sendTimeoutMs?: number;
}

export interface TeamsBot {
  /** Handles POST /api/messages with the raw body already read. */
  handleHttp(req: Request, res: Response, rawBody: Buffer): Promise<void>;
  sender: TeamsSender;
}

/**
 * Teams through botbuilder's CloudAdapter and a teams-ai Application. Translation only:
 * every decision is made by `handle`, the same one the Slack adapter calls.
 */
export function createTeamsBot(options: TeamsBotOptions): TeamsBot {
  const { config, logger } = options;
  const credentials = {
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId,
  };
  const authConfig = config.authenticated ? { ...credentials, ...tokenSource(config) } : {};
  const credentialsFactory = new ConfigurationServiceClientCredentialFactory(credentials);
  const adapter = new TeamsAdapter(authConfig, credentialsFactory);
  const checkToken = config.authenticated ? tokenChecker(authConfig, credentialsFactory, logger) : null;
  const app = new Application<TurnState>({
    adapter,
    botAppId: config.appId,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
    turnStateFactory: () => new TurnState(),
  });
  const emails = emailCache(options.clock ?? systemClock, logger);

  const eventOf = async (context: TurnContext, activity: Activity) => {
    const reference = TurnContext.getConversationReference(activity) as Record<string, unknown>;
    const email = await emails.get(activity.from.id, () => memberEmail(context, activity.from.id));
    return { event: toInboundEvent(activity, reference, email), reference };
  };
  const replyAll = async (context: TurnContext, replies: OutboundMessage[], reference: Record<string, unknown>) => {
    for (const reply of replies) await replyWith(context, reply, { kind: 'reference', reference }, options.files ?? null);
  };
  app.activity(ActivityTypes.Message, async (context) => {
    const activity = context.activity as Activity;
    if (activity.from.role === 'bot' || activity.from.id === activity.recipient?.id) return;
    const { event, reference } = await eventOf(context, activity);
    await replyAll(context, await options.handle(event), reference);
  });
  app.activity(ActivityTypes.ConversationUpdate, async (context) => {
    if (!options.members) return;
    const event = await membersFromUpdate(context, (id) => emails.get(id, () => memberEmail(context, id)));
    if (event && event.members.length) await options.members(event);
  });
  if (options.files) handleFileConsent(app, options.files, logger);
  app.error(async (_context, error) => {
    logger.error('teams turn failed', { error: describeError(error) });
    // A turn that failed before it was handled (the database unreachable while claiming the
    // receipt) must not be answered 200, or the Bot Connector never delivers it again and the
    // message is lost. Rethrown without its message (it may quote personal data), botbuilder
    // answers 500 and the connector retries; the receipt then keeps the retry from running twice.
    throw new TurnFailed();
  });

  return {
    // Proactive sends go through an adapter without the SDK's own retries: the outbox owns them.
    sender: new TeamsSender(
      createProactiveAdapter(authConfig, credentialsFactory, options.sendTimeoutMs),
      config.appId,
      logger,
      options.files ?? null,
    ),
    async handleHttp(req, res, rawBody) {
      if (!config.authenticated && !isLoopback(req.socket.remoteAddress)) {
        logger.warn('teams request refused: local mode accepts loopback only', { remote: req.socket.remoteAddress });
        return sendStatus(
          res,
          403,
          'Local mode accepts Teams requests from this machine only. Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to accept Teams traffic.',
        );
      }
      let body: unknown;
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        logger.warn('teams request refused: malformed JSON');
        return sendStatus(res, 400, 'Body is not valid JSON.');
      }
      const problem = activityProblem(body, !config.authenticated);
      if (problem) {
        logger.warn('teams request refused: invalid activity', { problem });
        return sendStatus(res, 400, `Invalid activity: ${problem}.`);
      }
      // Every string cleaned once here (NUL, lone surrogates), and the depth capped.
      const clean = cleanPayload(body);
      if (clean === null) {
        logger.warn('teams request refused: nested too deeply');
        return sendStatus(res, 400, 'Invalid activity: nested too deeply.');
      }
      if (checkToken) {
        const verdict = await checkToken(clean as Activity, String(req.headers.authorization ?? ''));
        if (!verdict.ok) return sendStatus(res, verdict.status, verdict.message);
      }
      (req as unknown as { body: unknown }).body = clean;
      await adapter.process(req as never, res as never, async (context) => {
        if (context.activity.type !== ActivityTypes.Invoke) return void (await app.run(context));
        await answerInvoke(context, {
          run: async (value) => {
            const { event, reference } = await eventOf(context, { ...(context.activity as Activity), value });
            await replyAll(context, await options.handle(event), reference);
          },
          // Handlers registered on the teams-ai Application (file consent) answer through it.
          runSdk: async () => {
            await app.run(context);
            return context.turnState.get(INVOKE_RESPONSE_KEY) !== undefined;
          },
        });
      });
    },
  };
}

class TurnFailed extends Error {
  constructor() {
    super('The bot could not handle this activity; please retry.');
    this.name = 'TurnFailed';
  }
}

/**
 * One reply in the conversation of the turn: with its file (consent card or link), or in place
 * of the card a button was pressed on (`replaceSource`, the activity's replyToId).
 */
async function replyWith(context: TurnContext, reply: OutboundMessage, address: Record<string, unknown>, shelf: FileShelf | null) {
  const replyToId = context.activity.replyToId;
  if (reply.replaceSource && replyToId && !reply.files?.length) {
    await context.updateActivity({ ...renderTeamsMessage(reply), id: replyToId });
    return;
  }
  await context.sendActivity(await renderWithFile(reply, address, shelf));
}

/** Throws when the lookup fails (the cache logs it and asks again later). */
async function memberEmail(context: TurnContext, memberId: string): Promise<string | null> {
  const member = await TeamsInfo.getMember(context, memberId);
  return member.email ?? member.userPrincipalName ?? null;
}

/**
 * Member emails change rarely: one lookup an hour per person is plenty. A failed lookup (a
 * connector hiccup; the Agents Playground and some chats cannot look members up at all) is
 * logged and retried after a minute, so one bad moment does not leave a person unknown.
 */
function emailCache(clock: Clock, logger: Logger): LookupCache<string | null> {
  return new LookupCache({ what: 'teams member email', ttlMs: 60 * 60_000, retryAfterMs: 60_000, clock, logger });
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function sendStatus(res: Response, status: number, message: string): void {
  res.status(status);
  res.json({ error: message });
}
