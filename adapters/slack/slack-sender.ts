import { WebClient } from '@slack/web-api';
import type { SlackConfig } from '../../src/config';
import type { ConversationAddress } from '../../src/core/events';
import type { OutboundMessage } from '../../src/core/message';
import type { ChatSender, Logger, SendOutcome } from '../../src/core/ports';
import { renderSlackMessage } from './render-blocks';

/** Slack errors meaning this person cannot be messaged any more. */
const UNREACHABLE = new Set([
  'channel_not_found',
  'user_not_found',
  'account_inactive',
  'is_archived',
  'cannot_dm_bot',
  'user_disabled',
  'not_in_channel',
  'team_access_not_granted',
]);

/**
 * Proactive Slack messages: opens (or reuses) the DM and posts. The client does not retry or
 * queue by itself: the outbox owns retries and pacing, so a 429 comes back here at once.
 */
export class SlackSender implements ChatSender {
  readonly platform = 'slack' as const;
  private readonly client: WebClient;

  constructor(
    config: SlackConfig,
    private readonly logger: Logger,
  ) {
    this.client = new WebClient(config.botToken, {
      ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
  }

  async send(address: ConversationAddress, message: OutboundMessage): Promise<SendOutcome> {
    try {
      const channel = typeof address.channel === 'string' ? address.channel : await this.openDm(String(address.userId));
      const result = await this.client.chat.postMessage({ channel, ...renderSlackMessage(message) });
      return { status: 'sent', providerId: result.ts ?? null };
    } catch (error) {
      return classifySlackError(error as SlackError);
    }
  }

  private async openDm(userId: string): Promise<string> {
    const opened = await this.client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel)
      throw Object.assign(new Error('conversations.open returned no channel'), {
        code: 'slack_webapi_platform_error',
        data: { error: 'channel_not_found' },
      });
    return channel;
  }
}

interface SlackError {
  code?: string;
  retryAfter?: number;
  data?: { error?: string };
  message?: string;
  statusCode?: number;
}

export function classifySlackError(error: SlackError): SendOutcome {
  const text = `${error.code ?? 'error'}: ${error.data?.error ?? error.message ?? ''}`.slice(0, 200);
  if (error.code === 'slack_webapi_rate_limited_error') {
    return { status: 'retry', retryAfterMs: (error.retryAfter ?? 1) * 1000, error: text };
  }
  if (error.code === 'slack_webapi_platform_error') {
    if (error.data?.error && UNREACHABLE.has(error.data.error)) return { status: 'unreachable', error: text };
    if (error.data?.error === 'ratelimited') return { status: 'retry', retryAfterMs: null, error: text };
    return { status: 'failed', error: text };
  }
  // HTTP errors (5xx) and network failures are worth another try.
  return { status: 'retry', retryAfterMs: null, error: text };
}
