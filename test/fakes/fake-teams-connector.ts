import { RecordingServer, type RecordedCall } from './recording-server';

export interface TeamsMember {
  id: string;
  name: string;
  email: string;
  aadObjectId?: string;
}

/**
 * A stand-in for the Bot Framework connector service (the activity's serviceUrl): records
 * replies and proactive messages, answers member look-ups, and can fail on demand.
 */
export class FakeTeamsConnector extends RecordingServer {
  readonly members = new Map<string, TeamsMember>();
  /** Status to answer for sends to a conversation id (e.g. 403 = bot blocked). */
  readonly failures = new Map<string, number>();
  private counter = 0;

  constructor() {
    super((call) => this.answer(call));
  }

  /** Activities the bot sent (replies and proactive messages). */
  sentActivities(): Array<{ conversationId: string; activity: Record<string, unknown> }> {
    return this.calls
      .filter((c) => c.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(c.path))
      .map((c) => ({ conversationId: decodeURIComponent(c.path.split('/')[3] ?? ''), activity: c.body as Record<string, unknown> }));
  }

  /** Text of every sent activity, whether plain text or inside an Adaptive Card. */
  sentTexts(): string[] {
    return this.sentActivities().map(({ activity }) => JSON.stringify(activity));
  }

  private answer(call: RecordedCall) {
    const parts = call.path.split('?')[0]!.split('/').map(decodeURIComponent);
    // /v3/conversations/{id}/activities[/{replyTo}]
    if (call.method === 'POST' && parts[3] && parts[4] === 'activities') {
      const failure = this.failures.get(parts[3]);
      if (failure) return { status: failure, body: { error: { code: 'Failure', message: `fake ${failure}` } } };
      return { status: 200, body: { id: `activity-${++this.counter}` } };
    }
    // /v3/conversations/{id}/members/{memberId}
    if (call.method === 'GET' && parts[4] === 'members' && parts[5]) {
      const member = this.members.get(parts[5]);
      return member ? { status: 200, body: { ...member, userPrincipalName: member.email } } : { status: 404, body: { error: { code: 'MemberNotFound', message: 'not found' } } };
    }
    // POST /v3/conversations: open a 1:1 chat
    if (call.method === 'POST' && parts.length === 3 && parts[2] === 'conversations') {
      return { status: 200, body: { id: `a:new-conversation-${++this.counter}` } };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: call.path } } };
  }
}
