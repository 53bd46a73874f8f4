import type { ConversationAddress } from '../../src/core/events';
import type { SendOutcome } from '../../src/core/ports';

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

/** Every outcome but `sent`. */
type Failure = Exclude<SendOutcome, { status: 'sent' }>;

/** What @slack/web-api (and the upload's own fetch) throw, as far as the outbox needs. */
export interface SlackError {
  code?: string;
  name?: string;
  original?: { name?: string; message?: string };
  retryAfter?: number;
  data?: { error?: string };
  message?: string;
  statusCode?: number;
}

export function platformError(code: string): Error {
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

/**
 * Maps Web API failures to what the outbox should do next. `posting`: a post was under way,
 * which Slack may have delivered even though no answer came back in time.
 */
export function classifySlackError(error: SlackError, posting = false): Failure {
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

/**
 * A failure delivering the files of a message whose text is posted at `sentTo`. The outcome
 * carries `sentTo`, so the outbox never posts the text again: a retry uploads the files only.
 * `sharing`: files.completeUploadExternal was under way, and a timeout there may mean Slack
 * shared the files (uncertain, not retried); a timeout before it (the upload URL, the bytes)
 * shared nothing, so the files are tried again. A conversation gone after the text arrived is
 * a failure of this message, not a recipient to mark unreachable.
 */
export function classifyFileError(error: SlackError, sharing: boolean, sentTo: ConversationAddress): SendOutcome {
  const outcome = classifySlackError(error, sharing);
  const text = `files not delivered: ${outcome.error}`;
  if (outcome.status === 'retry') return { ...outcome, error: text, sentTo };
  return { status: outcome.status === 'uncertain' ? 'uncertain' : 'failed', error: text, sentTo };
}
