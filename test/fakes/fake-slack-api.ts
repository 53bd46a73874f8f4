import { RecordingServer, type Hold, type RecordedCall } from './recording-server';
import { checkSlackHomeView, checkSlackMessage, type SlackRefusal } from './slack-limits';
import { SlidingWindowCap } from './sliding-window';

/**
 * A stand-in for the Slack Web API (`slackApiUrl`): every method is `POST /api/<method>`.
 * Knows users by id and email, opens DMs, records posts, and can fail on demand.
 */
export class FakeSlackApi extends RecordingServer {
  readonly users = new Map<string, { id: string; name: string; email: string }>();
  /** Files served at GET /files/<name> to the bot token only, like url_private. */
  readonly files = new Map<string, Uint8Array>();
  /** Slack error code to answer for a method (e.g. chat.postMessage -> 'channel_not_found'). */
  readonly errors = new Map<string, string>();
  /** Slack error code for chat.postMessage to one channel (e.g. 'channel_not_found'). */
  readonly channelErrors = new Map<string, string>();
  /** HTTP answers to give, in order, to the next posts to a channel (e.g. 429 / 503). */
  readonly injected = new Map<string, Array<{ status: number; retryAfter?: number }>>();
  /** Messages accepted by chat.postMessage, in order. */
  readonly delivered: Array<Record<string, unknown>> = [];
  /** Files uploaded through files.getUploadURLExternal + upload + files.completeUploadExternal. */
  readonly uploads = new Map<string, { name: string; length: number; bytes: Uint8Array | null; channel: string | null }>();
  /**
   * Failures to give, in order, to the next calls of a file-upload step: `upload` is the POST
   * of the bytes to the upload URL, the others are Web API methods. A number answers with that
   * HTTP status; a string answers HTTP 200 with that Slack error (ok: false). Nothing is stored
   * or shared by a call that fails.
   */
  readonly uploadFailures = new Map<UploadStep, Array<number | string>>();
  /** Messages as they stand after chat.update / chat.delete, by `channel:ts`. */
  readonly messages = new Map<string, Record<string, unknown> | 'deleted'>();
  /** The Home tab each user sees now (the last views.publish for them), as the view object. */
  readonly homeViews = new Map<string, Record<string, unknown>>();
  /** chat.postMessage calls answered 429. */
  throttled = 0;
  /** Messages refused as real Slack would (`invalid_blocks`, `msg_blocks_too_long`): a test harness fails on any. */
  readonly refused: Array<{ method: string; refusal: SlackRefusal }> = [];
  private readonly cap: SlidingWindowCap | null;
  private counter = 0;

  /** `rateCap`: chat.postMessage per channel; above it, HTTP 429 with Retry-After as Slack does. */
  constructor(options: { rateCap?: { perSecond: number; windowMs?: number } } = {}) {
    super((call) => this.answer(call));
    this.cap = options.rateCap ? new SlidingWindowCap(options.rateCap.perSecond, options.rateCap.windowMs ?? 1000) : null;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** Calls to one Web API method, with their form or JSON arguments. */
  /** Group DMs opened with conversations.open (several users and the bot): channel -> user ids. */
  readonly groups = new Map<string, string[]>();

  /**
   * A DM with one user is `D<id>`; a group DM with several (Slack's mpim) is `G` plus the
   * sorted ids, the same channel for the same people however often it is opened.
   */
  private openConversation(users: string): string {
    const ids = users
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    if (ids.length <= 1) return `D${(ids[0] ?? '').replace(/^U/, '')}`;
    const sorted = [...new Set(ids)].sort();
    const channel = `G${sorted.map((u) => u.replace(/^U/, '')).join('-')}`;
    this.groups.set(channel, sorted);
    return channel;
  }

  callsTo(method: string): Array<Record<string, unknown>> {
    return this.calls.filter((c) => c.path.split('?')[0] === `/api/${method}`).map((c) => c.body as Record<string, unknown>);
  }

  /** The next `times` chat.postMessage calls to a channel are delivered but answered `hold` ms late, or never. */
  holdPosts(channel: string, hold: Hold, times = 1): void {
    this.holdAnswers(
      (call) => call.path === '/api/chat.postMessage' && (call.body as { channel?: string } | null)?.channel === channel,
      hold,
      times,
    );
  }

  /** The next `times` calls of an upload step fail with `failure` (see `uploadFailures`). */
  failUploads(step: UploadStep, failure: number | string, times = 1): void {
    this.uploadFailures.set(step, [...(this.uploadFailures.get(step) ?? []), ...Array<number | string>(times).fill(failure)]);
  }

  /** The next `times` calls of an upload step are handled (the bytes stored, the files shared) but answered `hold` ms late, or never. */
  holdUploads(step: UploadStep, hold: Hold, times = 1): void {
    this.holdAnswers((call) => uploadStepOf(call) === step, hold, times);
  }

  /** Everything posted (messages and ephemeral messages) as JSON text, for assertions. */
  postedTexts(): string[] {
    return [...this.callsTo('chat.postMessage'), ...this.callsTo('chat.postEphemeral')].map((b) => JSON.stringify(b));
  }

  /** The url_private Slack would give for a file served here. */
  fileUrl(name: string): string {
    return `${this.url}/files/${encodeURIComponent(name)}`;
  }

  /** Files completed into a channel (what people there see), with their bytes. */
  filesIn(channel: string): Array<{ name: string; bytes: Uint8Array | null }> {
    return [...this.uploads.values()].filter((u) => u.channel === channel).map(({ name, bytes }) => ({ name, bytes }));
  }

  private answer(call: RecordedCall) {
    const step = uploadStepOf(call);
    const failure = step ? this.uploadFailures.get(step)?.shift() : undefined;
    if (typeof failure === 'number') return { status: failure, body: { ok: false, error: 'fake_http_error' } };
    if (typeof failure === 'string') return { status: 200, body: { ok: false, error: failure } };
    // The upload URL files.getUploadURLExternal hands out: takes the bytes, like files.slack.com.
    if (call.method === 'POST' && call.path.startsWith('/upload/')) {
      const upload = this.uploads.get(decodeURIComponent(call.path.slice('/upload/'.length)));
      if (!upload) return { status: 404, body: { ok: false, error: 'invalid_upload' } };
      const bytes = call.raw ?? new Uint8Array();
      if (bytes.length !== upload.length) return { status: 400, body: { ok: false, error: 'length_mismatch' } };
      upload.bytes = bytes;
      return { status: 200, body: { ok: true } };
    }
    if (call.method === 'GET' && call.path.startsWith('/files/')) {
      if (call.headers.authorization !== 'Bearer xoxb-test-token') return { status: 403, body: { ok: false, error: 'not_authed' } };
      const file = this.files.get(decodeURIComponent(call.path.slice('/files/'.length)));
      return file ? { status: 200, raw: file } : { status: 404, body: { ok: false, error: 'file_not_found' } };
    }
    const method = call.path.split('?')[0]!.replace(/^\/api\//, '');
    const args = (call.body ?? {}) as Record<string, string>;
    const error = this.errors.get(method);
    if (error) return { status: 200, body: { ok: false, error } };
    const refusal = MESSAGE_METHODS.has(method) ? checkSlackMessage(args) : method === 'views.publish' ? checkSlackHomeView(args) : null;
    if (refusal) {
      this.refused.push({ method, refusal });
      return { status: 200, body: { ok: false, error: refusal.error, response_metadata: { messages: refusal.messages } } };
    }
    switch (method) {
      case 'auth.test':
        return ok({ url: 'https://fake.slack.com/', team: 'Fake', user: 'senco_bot', team_id: 'T0001', user_id: 'UBOT', bot_id: 'BBOT' });
      case 'users.info': {
        const user = this.users.get(args.user ?? '');
        return user
          ? ok({ user: { id: user.id, name: user.name, real_name: user.name, profile: { email: user.email, real_name: user.name } } })
          : { status: 200, body: { ok: false, error: 'user_not_found' } };
      }
      case 'users.lookupByEmail': {
        const user = [...this.users.values()].find((u) => u.email === args.email);
        return user
          ? ok({
              user: {
                id: user.id,
                team_id: 'T0001',
                name: user.name,
                real_name: user.name,
                profile: { email: user.email, real_name: user.name },
              },
            })
          : { status: 200, body: { ok: false, error: 'users_not_found' } };
      }
      case 'conversations.open':
        return ok({ channel: { id: this.openConversation(String(args.users ?? '')) } });
      case 'chat.postMessage':
        return this.post(args);
      case 'files.getUploadURLExternal': {
        const length = Number(args.length);
        if (!args.filename || !Number.isInteger(length) || length < 1)
          return { status: 200, body: { ok: false, error: 'invalid_arguments' } };
        const id = `F${++this.counter}`;
        this.uploads.set(id, { name: args.filename, length, bytes: null, channel: null });
        return ok({ upload_url: `${this.url}/upload/${id}`, file_id: id });
      }
      case 'files.completeUploadExternal':
        return this.completeUpload(args);
      case 'chat.update':
      case 'chat.delete': {
        const key = `${args.channel}:${args.ts}`;
        if (!this.messages.has(key) || this.messages.get(key) === 'deleted')
          return { status: 200, body: { ok: false, error: 'message_not_found' } };
        this.messages.set(key, method === 'chat.delete' ? 'deleted' : args);
        return ok({ channel: args.channel, ts: args.ts });
      }
      case 'views.publish': {
        const view = (typeof args.view === 'string' ? JSON.parse(args.view) : args.view) as Record<string, unknown>;
        this.homeViews.set(String(args.user_id), view);
        return ok({ view: { id: `V${++this.counter}`, ...view } });
      }
      case 'chat.postEphemeral':
        return ok({ message_ts: `${1700000000 + ++this.counter}.000200` });
      default:
        return ok({});
    }
  }

  private post(args: Record<string, string>) {
    const channel = String(args.channel ?? '');
    const injected = this.injected.get(channel)?.shift();
    if (injected) return this.refuse(injected.status, injected.retryAfter);
    const error = this.channelErrors.get(channel);
    if (error) return { status: 200, body: { ok: false, error } };
    if (this.cap && !this.cap.tryTake(channel, Date.now())) return this.refuse(429, this.cap.retryAfterSeconds(channel, Date.now()));
    this.delivered.push(args);
    const ts = `${1700000000 + ++this.counter}.000100`;
    this.messages.set(`${channel}:${ts}`, args);
    return ok({ channel, ts });
  }

  /** `files` arrives as a JSON string in the form body, as the Web API client sends it. */
  private completeUpload(args: Record<string, string>) {
    let files: Array<{ id?: string; title?: string }>;
    try {
      files = JSON.parse(String(args.files ?? '[]')) as Array<{ id?: string; title?: string }>;
    } catch {
      return { status: 200, body: { ok: false, error: 'invalid_arguments' } };
    }
    const uploads = files.map((f) => this.uploads.get(String(f.id)));
    if (!files.length || uploads.some((u) => !u || !u.bytes))
      return { status: 200, body: { ok: false, error: 'file_upload_not_completed' } };
    for (const u of uploads) u!.channel = args.channel_id ? String(args.channel_id) : null;
    return ok({ files: files.map((f) => ({ id: f.id, title: f.title })) });
  }

  private refuse(status: number, retryAfter?: number) {
    if (status === 429) this.throttled += 1;
    const headers: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
    return { status, headers, body: status === 429 ? { ok: false, error: 'ratelimited' } : { ok: false, error: 'fake_http_error' } };
  }
}

/** The steps of Slack's file upload, in order. */
export type UploadStep = 'files.getUploadURLExternal' | 'upload' | 'files.completeUploadExternal';

function uploadStepOf(call: RecordedCall): UploadStep | null {
  if (call.method === 'POST' && call.path.startsWith('/upload/')) return 'upload';
  const path = call.path.split('?')[0];
  if (path === '/api/files.getUploadURLExternal') return 'files.getUploadURLExternal';
  if (path === '/api/files.completeUploadExternal') return 'files.completeUploadExternal';
  return null;
}

/** Methods that carry a message (text and blocks): each is checked against Slack's limits. */
const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'chat.scheduleMessage']);

function ok(body: Record<string, unknown>) {
  return { status: 200, body: { ok: true, ...body } };
}
