import { RecordingServer, type Hold, type RecordedCall } from './recording-server';
import { SlidingWindowCap } from './sliding-window';
import { checkTeamsActivity, type TeamsRefusal } from './teams-card-check';

export interface TeamsMember {
  id: string;
  name: string;
  email: string;
  aadObjectId?: string;
}

/** A canned answer for the next send to a conversation (failure injection). */
export interface InjectedAnswer {
  status: number;
  /** Seconds, sent as the Retry-After header. */
  retryAfter?: number;
}

export interface FakeTeamsOptions {
  /** Rate cap per tenant: above it, sends get 429 with Retry-After (sliding window). */
  rateCap?: { perSecond: number; windowMs?: number };
  /** Answers sends after this delay, like a real service's latency. */
  latencyMs?: number;
  /** Keep only counts and delivered keys, not every call (for large benchmarks). */
  recordCalls?: boolean;
}

/**
 * A stand-in for the Bot Framework connector service (the activity's serviceUrl): records
 * replies and proactive messages, answers member look-ups, and can fail on demand. Optionally
 * enforces a rate cap per tenant, answering 429 with Retry-After like the real service.
 */
export class FakeTeamsConnector extends RecordingServer {
  readonly members = new Map<string, TeamsMember>();
  /** Files served at GET /files/<name>, as Teams serves uploads at a pre-authorised downloadUrl. */
  readonly files = new Map<string, Uint8Array>();
  /** Members per page of /pagedmembers (small in tests, to exercise continuation tokens). */
  pageSize = 50;
  /** Status to answer for sends to a conversation id (e.g. 403 = bot blocked). */
  readonly failures = new Map<string, number>();
  /** Status to answer every deleteActivity with (e.g. 403: the tenant does not let bots delete), null to delete. */
  refuseDeletes: number | null = null;
  /** Answers to give, in order, to the next sends to a conversation id; then back to normal. */
  readonly injected = new Map<string, InjectedAnswer[]>();
  /** Every activity accepted (200), in order: what recipients would see. */
  /** Accepted sends, with the time (ms) each was accepted. */
  readonly delivered: Array<{ conversationId: string; activity: Record<string, unknown>; at: number }> = [];
  /** Activities as they stand after updateActivity / deleteActivity, by `conversationId/activityId`. */
  readonly activities = new Map<string, Record<string, unknown> | 'deleted'>();
  /** Files the bot PUT to an upload URL handed out in a fileConsent/invoke (OneDrive's part). */
  readonly uploads = new Map<string, Uint8Array>();
  /** Sends to a conversation (activities), whatever the answer. */
  sendCalls = 0;
  /** Sends answered 429 by the rate cap or injection. */
  throttled = 0;
  /** Activities refused as Teams would (over the size budget: 413; invalid Adaptive Card 1.5: 400): a test harness fails on any. */
  readonly refused: Array<{ conversationId: string; refusal: TeamsRefusal }> = [];
  private readonly cap: SlidingWindowCap | null;
  private counter = 0;

  constructor(private readonly options: FakeTeamsOptions = {}) {
    super((call) => this.answer(call), options.recordCalls ?? true);
    this.cap = options.rateCap ? new SlidingWindowCap(options.rateCap.perSecond, options.rateCap.windowMs ?? 1000) : null;
  }

  /** Activities the bot sent (replies and proactive messages). */
  sentActivities(): Array<{ conversationId: string; activity: Record<string, unknown> }> {
    return this.calls
      .filter((c) => c.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(c.path))
      .map((c) => ({ conversationId: decodeURIComponent(c.path.split('/')[3] ?? ''), activity: c.body as Record<string, unknown> }));
  }

  /** The next `times` sends to a conversation are delivered but answered `hold` ms late, or never. */
  holdSends(conversationId: string, hold: Hold, times = 1): void {
    this.holdAnswers((call) => call.method === 'POST' && sendTarget(call) === conversationId, hold, times);
  }

  /** Text of every sent activity, whether plain text or inside an Adaptive Card. */
  sentTexts(): string[] {
    return this.sentActivities().map(({ activity }) => JSON.stringify(activity));
  }

  /**
   * The `fileConsent/invoke` Teams sends when the person presses Allow (or Decline) on a file
   * consent card the bot sent: the card's context back, and an upload URL served here.
   */
  consentInvoke(
    consentCard: Record<string, unknown>,
    from: { id: string; name: string; aadObjectId?: string },
    action: 'accept' | 'decline',
  ) {
    const content = consentCard.content as { acceptContext?: unknown; declineContext?: unknown };
    const name = String(consentCard.name ?? 'file');
    const uploadId = `${++this.counter}-${name}`;
    return {
      type: 'invoke',
      name: 'fileConsent/invoke',
      id: `invoke-${this.counter}`,
      channelId: 'msteams',
      serviceUrl: `${this.url}/`,
      from,
      recipient: { id: '28:00000000-0000-4000-8000-00000000b0b0', name: 'SENCO Network' },
      conversation: { conversationType: 'personal', tenantId: '72f988bf-0000-4000-8000-0000000000aa', id: `a:1personal-${from.id}` },
      channelData: { tenant: { id: '72f988bf-0000-4000-8000-0000000000aa' } },
      value: {
        type: 'fileUpload',
        action,
        context: action === 'accept' ? content.acceptContext : content.declineContext,
        ...(action === 'accept'
          ? {
              uploadInfo: {
                contentUrl: `${this.url}/onedrive/${encodeURIComponent(uploadId)}`,
                name,
                uploadUrl: `${this.url}/upload/${encodeURIComponent(uploadId)}`,
                uniqueId: `unique-${this.counter}`,
                fileType: name.split('.').pop(),
              },
            }
          : {}),
      },
    };
  }

  private answer(call: RecordedCall) {
    const parts = pathParts(call);
    const target = sendTarget(call);
    if (call.method === 'POST' && target) return this.answerSend(target, call);
    // PUT / DELETE /v3/conversations/{id}/activities/{activityId}: updateActivity, deleteActivity
    if ((call.method === 'PUT' || call.method === 'DELETE') && parts[3] && parts[4] === 'activities' && parts[5]) {
      const key = `${parts[3]}/${parts[5]}`;
      if (!this.activities.has(key) || this.activities.get(key) === 'deleted') return this.refuse(404);
      if (call.method === 'DELETE' && this.refuseDeletes !== null) return this.refuse(this.refuseDeletes);
      this.activities.set(key, call.method === 'DELETE' ? 'deleted' : (call.body as Record<string, unknown>));
      return call.method === 'PUT' ? { status: 200, body: { id: parts[5] } } : { status: 200 };
    }
    // The upload URL of a fileConsent/invoke: OneDrive takes the bytes with a Content-Range.
    if (call.method === 'PUT' && parts[1] === 'upload' && parts[2]) {
      const bytes = call.raw ?? new Uint8Array();
      const range = String(call.headers['content-range'] ?? '');
      if (range !== `bytes 0-${bytes.length - 1}/${bytes.length}`) return { status: 400, body: { error: `bad content-range ${range}` } };
      this.uploads.set(parts[2], bytes);
      return { status: 201, body: { id: parts[2], name: parts[2], size: bytes.length } };
    }
    if (call.method === 'GET' && parts[1] === 'files' && parts[2]) {
      const file = this.files.get(parts[2]);
      return file ? { status: 200, raw: file } : { status: 404, body: { error: 'no such file' } };
    }
    // /v3/conversations/{id}/pagedmembers?pageSize=&continuationToken=
    if (call.method === 'GET' && parts[4] === 'pagedmembers') return this.pagedMembers(call.path);
    // /v3/conversations/{id}/members/{memberId}
    if (call.method === 'GET' && parts[4] === 'members' && parts[5]) {
      const member = this.members.get(parts[5]);
      return member
        ? { status: 200, body: { ...member, userPrincipalName: member.email } }
        : { status: 404, body: { error: { code: 'MemberNotFound', message: 'not found' } } };
    }
    // POST /v3/conversations: open a 1:1 chat
    if (call.method === 'POST' && parts.length === 3 && parts[2] === 'conversations') {
      return { status: 200, body: { id: `a:new-conversation-${++this.counter}` } };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: call.path } } };
  }

  private pagedMembers(path: string) {
    const query = new URLSearchParams(path.split('?')[1] ?? '');
    const start = Number(query.get('continuationToken') ?? 0) || 0;
    const all = [...this.members.values()].map((m) => ({ ...m, userPrincipalName: m.email, tenantId: 'fake-tenant' }));
    const page = all.slice(start, start + this.pageSize);
    const next = start + this.pageSize;
    return { status: 200, body: { members: page, ...(next < all.length ? { continuationToken: String(next) } : {}) } };
  }

  private async answerSend(conversationId: string, call: RecordedCall) {
    this.sendCalls += 1;
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    const injected = this.injected.get(conversationId)?.shift();
    if (injected) return this.refuse(injected.status, injected.retryAfter);
    const failure = this.failures.get(conversationId);
    if (failure) return this.refuse(failure);
    const activity = (call.body ?? {}) as Record<string, unknown>;
    const refusal = checkTeamsActivity(activity);
    if (refusal) {
      this.refused.push({ conversationId, refusal });
      return { status: refusal.status, body: { error: { code: 'BadArgument', message: refusal.messages.join('; ') } } };
    }
    const tenant = tenantOf(activity);
    if (this.cap && !this.cap.tryTake(tenant, Date.now())) return this.refuse(429, this.cap.retryAfterSeconds(tenant, Date.now()));
    this.delivered.push({ conversationId, activity, at: Date.now() });
    const id = `activity-${++this.counter}`;
    this.activities.set(`${conversationId}/${id}`, activity);
    return { status: 200, body: { id } };
  }

  private refuse(status: number, retryAfter?: number) {
    if (status === 429) this.throttled += 1;
    const headers: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
    return { status, headers, body: { error: { code: status === 429 ? 'TooManyRequests' : 'Failure', message: `fake ${status}` } } };
  }
}

function pathParts(call: RecordedCall): string[] {
  return call.path.split('?')[0]!.split('/').map(decodeURIComponent);
}

/** The conversation of /v3/conversations/{id}/activities[/{replyTo}], or null. */
function sendTarget(call: RecordedCall): string | null {
  const parts = pathParts(call);
  return parts[3] && parts[4] === 'activities' ? parts[3] : null;
}

function tenantOf(activity: Record<string, unknown>): string {
  const conversation = activity.conversation as { tenantId?: string } | undefined;
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return conversation?.tenantId ?? channelData?.tenant?.id ?? 'default';
}
