import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { ConversationAddress } from '../../src/core/events';
import type { FileShelf } from '../../src/core/files-port';
import type { OutboundMessage } from '../../src/core/message';
import type { ChatSender, Logger, SendOutcome } from '../../src/core/ports';
import { CallTimedOut } from './call-timeout';
import { renderWithFile } from './files';
import { renderTeamsMessage } from './render-card';

/** Errors the Bot Framework connector reports with an HTTP status. */
interface ConnectorError {
  statusCode?: number;
  response?: { headers?: { get?(name: string): string | undefined } };
  message?: string;
}

/**
 * Proactive messages on Teams: continues a stored 1:1 conversation, or opens one with a
 * member first seen in a channel. See
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 */
export class TeamsSender implements ChatSender {
  readonly platform = 'teams' as const;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly logger: Logger,
    private readonly shelf: FileShelf | null = null,
  ) {}

  async send(address: ConversationAddress, message: OutboundMessage): Promise<SendOutcome> {
    let providerId: string | null = null;
    let sentTo: ConversationAddress | null = null;
    // Set once the post itself is under way (not while opening the conversation, which is safe to repeat).
    let posting = false;
    const sendIn = async (context: TurnContext) => {
      const activity = await renderWithFile(message, address, this.shelf);
      posting = true;
      providerId = (await context.sendActivity(activity))?.id ?? null;
      if (providerId) sentTo = sentAddress(context, providerId);
    };
    try {
      if (address.kind === 'member') {
        await this.adapter.createConversationAsync(
          this.appId,
          String(address.channelId ?? 'msteams'),
          String(address.serviceUrl),
          'https://api.botframework.com',
          {
            isGroup: false,
            bot: { id: this.appId, name: 'SENCO Network' },
            members: [{ id: String(address.memberId), name: '' }],
            tenantId: String(address.tenantId ?? ''),
            channelData: { tenant: { id: String(address.tenantId ?? '') } },
          } as never,
          sendIn,
        );
      } else {
        await this.adapter.continueConversationAsync(this.appId, address.reference as Partial<ConversationReference>, sendIn);
      }
      return { status: 'sent', providerId, sentTo };
    } catch (error) {
      return classifyTeamsError(error as ConnectorError, posting);
    }
  }

  /** updateActivity: PUT /v3/conversations/{id}/activities/{activityId}. A file is not re-sent. */
  async update(sent: ConversationAddress, message: OutboundMessage): Promise<SendOutcome> {
    const activityId = String(sent.activityId ?? '');
    try {
      await this.adapter.continueConversationAsync(this.appId, sent.reference as Partial<ConversationReference>, async (context) => {
        const { files: _files, ...rest } = message;
        await context.updateActivity({ ...renderTeamsMessage(rest), id: activityId });
      });
      return { status: 'sent', providerId: activityId, sentTo: sent };
    } catch (error) {
      return classifyTeamsError(error as ConnectorError);
    }
  }

  /** deleteActivity: DELETE /v3/conversations/{id}/activities/{activityId}; a 403 (refused) is replaced with `instead` if given. */
  async delete(sent: ConversationAddress, instead?: OutboundMessage): Promise<SendOutcome> {
    const activityId = String(sent.activityId ?? '');
    try {
      await this.adapter.continueConversationAsync(this.appId, sent.reference as Partial<ConversationReference>, async (context) => {
        await context.deleteActivity(activityId);
      });
      return { status: 'sent', providerId: activityId, sentTo: sent };
    } catch (error) {
      if (instead && (error as ConnectorError).statusCode === 403) return this.update(sent, instead);
      const outcome = classifyTeamsError(error as ConnectorError);
      // Already gone is what a delete wants.
      return outcome.status === 'unreachable' && (error as ConnectorError).statusCode === 404
        ? { status: 'sent', providerId: activityId, sentTo: sent }
        : outcome;
    }
  }
}

/** Where a sent activity lives: its conversation (as a reference) and its id. */
export function sentAddress(context: TurnContext, activityId: string): ConversationAddress {
  return { kind: 'activity', reference: TurnContext.getConversationReference(context.activity), activityId };
}

/**
 * Maps connector failures to what the outbox should do next. `posting`: the failed call was a
 * post, which the connector may have delivered even though no answer came back in time; an
 * update, a delete or opening a conversation ends the same however often it is repeated.
 */
export function classifyTeamsError(error: ConnectorError, posting = false): SendOutcome {
  const status = error.statusCode ?? 0;
  const text = `${status || 'network'}: ${(error.message ?? '').slice(0, 200)}`;
  if (posting && error instanceof CallTimedOut) return { status: 'uncertain', error: `timeout: ${error.message}` };
  if (status === 429 || status === 412 || status >= 500 || status === 0) {
    const header = error.response?.headers?.get?.('retry-after');
    const seconds = header ? Number(header) : NaN;
    return { status: 'retry', retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : null, error: text };
  }
  // 403: the user blocked or uninstalled the bot; 404: the conversation no longer exists.
  if (status === 403 || status === 404) return { status: 'unreachable', error: text };
  return { status: 'failed', error: text };
}
