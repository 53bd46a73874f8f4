/**
 * A minimal stand-in for the Teams connector (an activity's serviceUrl) and the Slack Web API
 * on one loopback port, for `npm run bench:load`. Unlike the strict fakes in test/fakes it
 * validates nothing (the HTTP tests do that); it answers at once and hands each reply to
 * whoever waits for the conversation or channel it went to, so the load driver spends as
 * little of the shared CPU as it can.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface Delivered {
  /** Teams conversation id or Slack channel. */
  key: string;
  body: Record<string, unknown>;
}

export interface Watch {
  all: Delivered[];
  first: Promise<Delivered>;
  take(d: Delivered): void;
  close(): void;
}

export class FakePlatforms {
  private server: Server | null = null;
  private readonly watchers = new Map<string, Watch>();
  /** Emails the platforms' member lookups answer, by Teams member id or Slack user id. */
  readonly emails = new Map<string, string>();
  url = '';
  replies = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.answer(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${address.port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Collects the replies to this conversation or channel until closed; `first` resolves on the first. */
  watch(key: string): Watch {
    let resolve: (d: Delivered) => void = () => undefined;
    const watch: Watch = {
      all: [],
      first: new Promise<Delivered>((r) => (resolve = r)),
      take: (d) => {
        watch.all.push(d);
        resolve(d);
      },
      close: () => {
        if (this.watchers.get(key) === watch) this.watchers.delete(key);
      },
    };
    watch.first.catch(() => undefined);
    this.watchers.set(key, watch);
    return watch;
  }

  private deliver(key: string, body: Record<string, unknown>): void {
    this.replies += 1;
    this.watchers.get(key)?.take({ key, body });
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '').split('?')[0]!;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path.startsWith('/api/')) return json(200, this.slack(path.slice('/api/'.length), parseSlack(text, req.headers['content-type'])));
    // Teams: POST /v3/conversations/:id/activities[/:replyTo], PUT .../activities/:id, GET .../members/:member
    const teams = /^\/v3\/conversations\/([^/]+)\/(activities|members)(?:\/([^/]+))?/.exec(path);
    if (!teams) return json(404, { error: 'not found' });
    const conversation = decodeURIComponent(teams[1]!);
    if (teams[2] === 'members') {
      const member = decodeURIComponent(teams[3] ?? '');
      const email = this.emails.get(member);
      if (!email) return json(404, { error: { code: 'MemberNotFoundInConversation' } });
      return json(200, { id: member, name: member, email, userPrincipalName: email, aadObjectId: member });
    }
    if (req.method === 'POST' || req.method === 'PUT')
      this.deliver(conversation, text ? (JSON.parse(text) as Record<string, unknown>) : {});
    return json(200, { id: `act-${this.replies}` });
  }

  private slack(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', team_id: 'T0001', bot_id: 'BBOT' };
      case 'users.info': {
        const user = String(body.user ?? '');
        const email = this.emails.get(user);
        return { ok: true, user: { id: user, name: user, real_name: user, profile: { email, real_name: user } } };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users ?? '').replace(/^U/, '')}` } };
      case 'chat.postMessage':
      case 'chat.postEphemeral':
      case 'chat.update': {
        const channel = String(body.channel ?? '');
        this.deliver(channel, body);
        return { ok: true, channel, ts: `${Date.now() / 1000}`, message_ts: `${Date.now() / 1000}` };
      }
      default:
        return { ok: true };
    }
  }
}

function parseSlack(text: string, contentType: string | undefined): Record<string, unknown> {
  if (!text) return {};
  if ((contentType ?? '').includes('json')) return JSON.parse(text) as Record<string, unknown>;
  const form = Object.fromEntries(new URLSearchParams(text));
  for (const key of ['blocks', 'attachments']) if (typeof form[key] === 'string') form[key] = JSON.parse(form[key] as string);
  return form;
}
