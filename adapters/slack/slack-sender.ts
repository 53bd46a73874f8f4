import { WebClient } from '@slack/web-api';
import { DEFAULT_SEND_TIMEOUT_MS, type SlackConfig } from '../../src/config';
import type { ConversationAddress } from '../../src/core/events';
import { fileBytes, type OutboundFile, type OutboundMessage } from '../../src/core/message';
import type { ChatSender, Logger, SendOutcome } from '../../src/core/ports';
import { renderSlackMessage, slackHomeView } from './render-blocks';

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

  async send(address: ConversationAddress, message: OutboundMessage): Promise<SendOutcome> {
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
      const { files, ...rest } = message;
      posting = true;
      const result = await this.client.chat.postMessage({ channel, ...renderSlackMessage(rest) });
      if (files?.length) await uploadFiles(this.client, channel, files, this.timeoutMs);
      const ts = result.ts ?? null;
      return { status: 'sent', providerId: ts, sentTo: ts ? { kind: 'slack-message', teamId: address.teamId ?? null, channel, ts } : null };
    } catch (error) {
      return classifySlackError(error as SlackError, posting);
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

/**
 * Slack's file upload (files.upload is retired): an upload URL per file, POST the bytes to
 * each, then complete them together into the channel (they show as one message).
 * https://api.slack.com/messaging/files#uploading_files
 */
export async function uploadFiles(
  client: WebClient,
  channel: string,
  files: readonly OutboundFile[],
  timeoutMs = DEFAULT_SEND_TIMEOUT_MS,
): Promise<string[]> {
  const uploaded: Array<{ id: string; title: string }> = [];
  for (const file of files) {
    const bytes = fileBytes(file);
    const target = await client.files.getUploadURLExternal({ filename: file.name, length: bytes.length });
    if (!target.upload_url || !target.file_id) throw platformError('invalid_upload_url');
    const answer = await fetch(target.upload_url, {
      method: 'POST',
      headers: { 'content-type': file.mediaType },
      body: bytes,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!answer.ok) throw Object.assign(new Error(`file upload answered HTTP ${answer.status}`), { statusCode: answer.status });
    uploaded.push({ id: target.file_id, title: file.name });
  }
  await client.files.completeUploadExternal({ files: uploaded as [{ id: string; title: string }], channel_id: channel });
  return uploaded.map((u) => u.id);
}

function platformError(code: string): Error {
  return Object.assign(new Error(code), { code: 'slack_webapi_platform_error', data: { error: code } });
}

/**
 * A call's AbortSignal.timeout fired: a DOMException named 'TimeoutError', which web-api wraps
 * as `original`. Where the DOMException comes from another realm than web-api (a test
 * runner's vm context), web-api wraps it as `new Error(String(value))`, so the name is only in
 * the message.
 */
function isTimeout(error: SlackError): boolean {
  const original = error.original;
  return error.name === 'TimeoutError' || original?.name === 'TimeoutError' || /^TimeoutError\b/.test(original?.message ?? '');
}

interface SlackError {
  code?: string;
  name?: string;
  original?: { name?: string; message?: string };
  retryAfter?: number;
  data?: { error?: string };
  message?: string;
  statusCode?: number;
}

/**
 * Maps Web API failures to what the outbox should do next. `posting`: a post was under way,
 * which Slack may have delivered even though no answer came back in time.
 */
export function classifySlackError(error: SlackError, posting = false): SendOutcome {
  const text = `${error.code ?? 'error'}: ${error.data?.error ?? error.message ?? ''}`.slice(0, 200);
  if (posting && isTimeout(error)) return { status: 'uncertain', error: `timeout: ${text}` };
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
