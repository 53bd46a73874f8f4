import { WebClient } from '@slack/web-api';
import { DEFAULT_SEND_TIMEOUT_MS, type SlackConfig } from '../../src/config';
import type { ConversationAddress } from '../../src/core/events';
import type { OutboundFile, OutboundMessage } from '../../src/core/message';
import type { ChatSender, Logger, SendOutcome } from '../../src/core/ports';
import { renderSlackMessage, slackHomeView } from './render-blocks';
import { classifyFileError, classifySlackError, platformError, type SlackError } from './slack-errors';
import { shareFiles, stageFiles } from './upload-files';

/** Where a posted message is: what update and delete act on, and where its files go. */
interface SlackMessageAddress extends ConversationAddress {
  kind: 'slack-message';
  teamId: unknown;
  channel: string;
  ts: string | null;
}

/**
 * Proactive Slack messages: opens (or reuses) the DM and posts. The client does not retry or
 * queue by itself: the outbox owns retries and pacing, so a 429 comes back here at once. Each
 * call gives up after `timeoutMs` (web-api's `timeout`, an AbortSignal on its fetch; its
 * default is none), so a Slack that never answers cannot hold a send slot.
 */
export class SlackSender implements ChatSender {
  readonly platform = 'slack' as const;
  private readonly client: WebClient;

  constructor(
    config: SlackConfig,
    private readonly logger: Logger,
    private readonly timeoutMs = DEFAULT_SEND_TIMEOUT_MS,
  ) {
    this.client = new WebClient(config.botToken, {
      ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: timeoutMs,
    });
  }

  /**
   * The text (chat.postMessage), then the files into the same channel. Once the text is posted
   * a failure is about the files only, and says where the text is, so the outbox's next attempt
   * (`posted`) uploads the files and posts nothing: the recipient never sees the text twice.
   */
  async send(address: ConversationAddress, message: OutboundMessage, posted?: ConversationAddress): Promise<SendOutcome> {
    const { files, ...rest } = message;
    let sentTo: SlackMessageAddress;
    if (posted) sentTo = posted as SlackMessageAddress;
    else {
      const outcome = await this.post(address, rest);
      if (outcome.status !== 'sent' || !outcome.sentTo) return outcome;
      sentTo = outcome.sentTo as SlackMessageAddress;
    }
    if (files?.length) {
      const failure = await this.attach(sentTo, files);
      if (failure) return failure;
    }
    return { status: 'sent', providerId: sentTo.ts, sentTo: sentTo.ts ? sentTo : null };
  }

  /**
   * Publishes Home, or posts the text (opening the DM first). A post's `sentTo` is returned even
   * without a ts (Slack always gives one), as the place the files go.
   */
  private async post(address: ConversationAddress, message: OutboundMessage): Promise<SendOutcome> {
    // Set once the post is under way (not while opening the DM or publishing Home, which are safe to repeat).
    let posting = false;
    try {
      if (address.kind === 'slack-home') {
        // The App Home tab: Slack keeps one view per person, so publishing replaces it (no sentTo to edit).
        const view = slackHomeView(message) as unknown as Parameters<WebClient['views']['publish']>[0]['view'];
        await this.client.views.publish({ user_id: String(address.userId), view });
        return { status: 'sent', providerId: null, sentTo: null };
      }
      const channel =
        typeof address.channel === 'string'
          ? address.channel
          : await this.openDm(Array.isArray(address.userIds) ? address.userIds.join(',') : String(address.userId));
      posting = true;
      const result = await this.client.chat.postMessage({ channel, ...renderSlackMessage(message) });
      const sentTo: SlackMessageAddress = { kind: 'slack-message', teamId: address.teamId ?? null, channel, ts: result.ts ?? null };
      return { status: 'sent', providerId: sentTo.ts, sentTo };
    } catch (error) {
      return classifySlackError(error as SlackError, posting);
    }
  }

  /** Uploads the files into the text's channel (as the first attempt did): null when shared, else what the outbox should do. */
  private async attach(sentTo: SlackMessageAddress, files: readonly OutboundFile[]): Promise<SendOutcome | null> {
    let sharing = false;
    try {
      const staged = await stageFiles(this.client, files, this.timeoutMs);
      sharing = true;
      await shareFiles(this.client, sentTo.channel, staged);
      return null;
    } catch (error) {
      this.logger.warn('slack files not delivered after their message', {
        channel: sentTo.channel,
        error: String((error as Error)?.message ?? error),
      });
      return classifyFileError(error as SlackError, sharing, sentTo);
    }
  }

  /** chat.update of a message sent earlier (its channel and ts). A file is not re-sent. */
  async update(sent: ConversationAddress, message: OutboundMessage): Promise<SendOutcome> {
    try {
      const { files: _files, ...rest } = message;
      await this.client.chat.update({ channel: String(sent.channel), ts: String(sent.ts), ...renderSlackMessage(rest) });
      return { status: 'sent', providerId: String(sent.ts), sentTo: sent };
    } catch (error) {
      return classifySlackError(error as SlackError);
    }
  }

  /** chat.delete; a message already gone counts as deleted; one Slack will not delete is replaced with `instead` if given. */
  async delete(sent: ConversationAddress, instead?: OutboundMessage): Promise<SendOutcome> {
    try {
      await this.client.chat.delete({ channel: String(sent.channel), ts: String(sent.ts) });
      return { status: 'sent', providerId: String(sent.ts), sentTo: sent };
    } catch (error) {
      const code = (error as SlackError).data?.error;
      if (code === 'message_not_found') return { status: 'sent', providerId: String(sent.ts), sentTo: sent };
      if (instead && (code === 'cant_delete_message' || code === 'compliance_exports_prevent_deletion')) return this.update(sent, instead);
      return classifySlackError(error as SlackError);
    }
  }

  /** A DM with one user, or a group DM with several (comma-separated) and the bot. */
  private async openDm(users: string): Promise<string> {
    const opened = await this.client.conversations.open({ users });
    const channel = opened.channel?.id;
    if (!channel) throw platformError('channel_not_found');
    return channel;
  }
}
