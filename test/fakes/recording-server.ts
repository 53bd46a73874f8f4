import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** The body's bytes, for binary uploads. */
  raw?: Uint8Array;
  at: number;
}

/** `raw` answers with those bytes as they are (a file download) instead of JSON. */
export interface Answer {
  status: number;
  body?: unknown;
  raw?: Uint8Array;
  headers?: Record<string, string>;
}

export type Responder = (call: RecordedCall) => Answer | Promise<Answer>;

/** How long to hold back the answer to a call: milliseconds, or 'never' (the connection stays open). */
export type Hold = number | 'never';

interface HoldRule {
  match: (call: RecordedCall) => boolean;
  hold: Hold;
  times: number;
}

/** A real HTTP server on loopback that records every call and answers through `respond`. */
export class RecordingServer {
  readonly calls: RecordedCall[] = [];
  private server: Server | null = null;
  private readonly holds: HoldRule[] = [];
  url = '';

  /** `record: false` keeps no call list (large benchmarks); answers are the same. */
  constructor(
    private readonly respond: Responder,
    private readonly record = true,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /**
   * A platform that accepts a request, acts on it, and answers late or never: the next `times`
   * calls matching `match` are handled as usual (a post is delivered), then their answer is held
   * back `hold` ms, or for ever ('never': until the caller gives up or the server stops).
   */
  holdAnswers(match: (call: RecordedCall) => boolean, hold: Hold, times = 1): void {
    this.holds.push({ match, hold, times });
  }

  /** Waits until `predicate` holds for the recorded calls (deliveries are asynchronous). */
  async waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting; calls so far: ${JSON.stringify(this.calls.map((c) => `${c.method} ${c.path}`))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const text = raw.toString('utf8');
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body: parse(text, req.headers['content-type'] ?? ''),
      raw: new Uint8Array(raw),
      at: Date.now(),
    };
    if (this.record) this.calls.push(call);
    const answer = await this.respond(call);
    const hold = this.takeHold(call);
    if (hold === 'never') return;
    if (hold > 0) await new Promise((resolve) => setTimeout(resolve, hold));
    if (answer.raw) {
      res.writeHead(answer.status, {
        'content-type': 'application/octet-stream',
        'content-length': String(answer.raw.length),
        ...answer.headers,
      });
      res.end(answer.raw);
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }

  private takeHold(call: RecordedCall): Hold {
    const rule = this.holds.find((r) => r.times > 0 && r.match(call));
    if (!rule) return 0;
    rule.times -= 1;
    return rule.hold;
  }
}

function parse(text: string, contentType: string): unknown {
  if (!text) return null;
  if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text).entries());
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
