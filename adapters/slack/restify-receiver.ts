import type { Request, Response } from 'restify';
import { verifySlackRequest, type App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { cleanPayload } from '../../src/core/clean-text';
import { describeError } from '../../src/core/describe-error';
import type { Logger } from '../../src/core/ports';
import { slackPayloadProblem } from './payload-shape';

/**
 * A Bolt receiver that lives on our restify server next to Teams: it checks the signature
 * on the raw body, unpacks form or JSON bodies, and hands the event to Bolt. Transport only
 * (bolt-js `src/types/receiver.ts`). https://api.slack.com/authentication/verifying-requests-from-slack
 */
export class RestifyReceiver implements Receiver {
  private app: App | null = null;

  constructor(
    private readonly signingSecret: string,
    private readonly logger: Logger,
  ) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  async handle(req: Request, res: Response, rawBody: Buffer): Promise<void> {
    const text = rawBody.toString('utf8');
    const stamp = timestampProblem(req.headers['x-slack-request-timestamp'], Date.now());
    if (stamp) {
      this.logger.warn('slack request refused: bad timestamp', { reason: stamp });
      return reply(res, 401, { error: 'Invalid or expired Slack signature.' });
    }
    try {
      verifySlackRequest({
        signingSecret: this.signingSecret,
        body: text,
        headers: {
          'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''),
          'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
        },
      });
    } catch (error) {
      this.logger.warn('slack request refused: bad signature', { reason: (error as Error).message });
      return reply(res, 401, { error: 'Invalid or expired Slack signature.' });
    }
    // Every string cleaned once here (NUL, lone surrogates), and the depth capped.
    const body = cleanPayload(parseBody(text, String(req.headers['content-type'] ?? '')));
    if (!body) {
      this.logger.warn('slack request refused: malformed body');
      return reply(res, 400, { error: 'Malformed Slack payload.' });
    }
    const problem = slackPayloadProblem(body);
    if (problem) {
      this.logger.warn('slack request refused: unexpected shape', { problem });
      return reply(res, 400, { error: `Malformed Slack payload: ${problem}.` });
    }
    if (body.type === 'url_verification') return reply(res, 200, { challenge: body.challenge });
    if (body.ssl_check) return reply(res, 200, {});
    await this.dispatch(body, req, res);
  }

  /**
   * Bolt acknowledges an Events API callback as it arrives; answered then, an event whose handling
   * then fails (the database unreachable) is lost, because Slack redelivers only what was not
   * answered 2xx within 3 s. So an event is answered when its listener calls `accepted` (the
   * delivery is claimed: a redelivery is now a duplicate) or finishes, and a failure before that
   * is answered 503, which Slack retries with the same event_id.
   * https://api.slack.com/apis/events-api#retries
   * Interactions and commands are answered when the listener acks them (Slack never retries those).
   */
  private async dispatch(body: Record<string, unknown>, req: Request, res: Response): Promise<void> {
    const deferred = body.type === 'event_callback';
    let answered = false;
    const answer = (status: number, response: unknown) => {
      if (answered) return;
      answered = true;
      reply(res, status, response === undefined || response === '' ? '' : response);
    };
    const event: ReceiverEvent = {
      body,
      retryNum: req.headers['x-slack-retry-num'] ? Number(req.headers['x-slack-retry-num']) : undefined,
      retryReason: req.headers['x-slack-retry-reason'] ? String(req.headers['x-slack-retry-reason']) : undefined,
      ack: async (response?: unknown) => {
        if (!deferred) answer(200, response);
      },
      customProperties: { [ACCEPTED]: () => answer(200, '') },
    };
    try {
      await this.app!.processEvent(event);
      answer(200, '');
    } catch (error) {
      this.logger.error('slack event failed', { error: describeError(error) });
      answer(503, { error: 'The bot could not take this event just now; please retry.' });
    }
  }
}

/** The name under which a listener finds `accepted()` in Bolt's context. */
export const ACCEPTED = 'acceptedDelivery';

/** The listener's way to have its Events API callback answered 200 (see `dispatch`). */
export function acceptedOf(context: Record<string, unknown>): () => void {
  const accepted = context[ACCEPTED];
  return typeof accepted === 'function' ? (accepted as () => void) : () => undefined;
}

/** Slack's own window: a request signed more than five minutes ago, or ahead, is a replay. */
export const TIMESTAMP_WINDOW_S = 5 * 60;

/**
 * Slack sends whole seconds since the epoch. Bolt refuses only old timestamps; a decimal or a
 * future one is refused here too. `nowMs` is the wall clock: this is transport, not product time.
 */
export function timestampProblem(header: unknown, nowMs: number): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || !/^[0-9]{1,12}$/.test(value)) return 'not a whole number of seconds';
  const skew = Number(value) - Math.floor(nowMs / 1000);
  if (skew > TIMESTAMP_WINDOW_S) return 'in the future';
  if (skew < -TIMESTAMP_WINDOW_S) return 'too old';
  return null;
}

/** Slash commands and interactivity are form-encoded (`payload=` JSON for the latter). */
export function parseBody(text: string, contentType: string): Record<string, unknown> | null {
  try {
    if (contentType.includes('application/x-www-form-urlencoded')) {
      const params = new URLSearchParams(text);
      const payload = params.get('payload');
      if (payload !== null) return asObject(JSON.parse(payload));
      return Object.fromEntries(params.entries());
    }
    return asObject(JSON.parse(text));
  } catch {
    return null;
  }
}

function asObject(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function reply(res: Response, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.status(status);
  if (body === '') return void res.end();
  res.json(body);
}
