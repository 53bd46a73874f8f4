import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { ConversationAddress } from '../../src/core/events';
import type { OutboundMessage } from '../../src/core/message';
import type { ChatSender, Logger, SendOutcome } from '../../src/core/ports';
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
  ) {}

  async send(address: ConversationAddress, message: OutboundMessage): Promise<SendOutcome> {
    const activity = renderTeamsMessage(message);
    let providerId: string | null = null;
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
          async (context) => {
            providerId = (await context.sendActivity(activity))?.id ?? null;
          },
        );
      } else {
        const reference = address.reference as Partial<ConversationReference>;
        await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
          providerId = (await context.sendActivity(activity))?.id ?? null;
        });
      }
      return { status: 'sent', providerId };
    } catch (error) {
      return classifyTeamsError(error as ConnectorError);
    }
  }
}

/** Maps connector failures to what the outbox should do next. */
export function classifyTeamsError(error: ConnectorError): SendOutcome {
  const status = error.statusCode ?? 0;
  const text = `${status || 'network'}: ${(error.message ?? '').slice(0, 200)}`;
  if (status === 429 || status === 412 || status >= 500 || status === 0) {
    const header = error.response?.headers?.get?.('retry-after');
    const seconds = header ? Number(header) : NaN;
    return { status: 'retry', retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : null, error: text };
  }
  // 403: the user blocked or uninstalled the bot; 404: the conversation no longer exists.
  if (status === 403 || status === 404) return { status: 'unreachable', error: text };
  return { status: 'failed', error: text };
}
