import restify, { type Request, type Response } from 'restify';
import { describeError } from './core/describe-error';
import type { Logger } from './core/ports';
import type { InFlight } from './ops/in-flight';
import { requestIdFrom, withRequestId } from './ops/request-context';

/** Largest request body accepted; real Teams and Slack payloads are far smaller. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type RawHandler = (req: Request, res: Response, rawBody: Buffer) => Promise<void>;

export interface Routes {
  health(): Promise<{ healthy: boolean; details: Record<string, unknown> }>;
  teams: RawHandler;
  /** Absent when Slack is not configured: /slack/events then answers 404. */
  slack: RawHandler | null;
  /** GET /files/:id: signed, expiring downloads of files the bot sent (src/http/file-links.ts). */
  files?: (req: Request, res: Response) => Promise<void>;
  /** iCalendar text of a subscription feed; null for an unknown or revoked token (404). */
  calendarFeed?: (token: string) => Promise<string | null>;
  /** GET /metrics (Prometheus), guarded by its own route (src/ops/metrics-route.ts). */
  metrics?: (req: Request, res: Response) => Promise<void>;
  /** Told of each inbound chat request once answered (latency metrics). */
  observeInbound?: (platform: 'teams' | 'slack', status: number, seconds: number) => void;
}

/**
 * One restify server for both platforms. Bodies are read raw (Slack signs the exact bytes),
 * capped in size, and any handler failure becomes a 500 with a log line, never a crash. Every
 * handler runs under `inFlight`, so shutdown can wait for it (src/ops/in-flight.ts).
 */
export function createHttpServer(routes: Routes, logger: Logger, inFlight: InFlight): restify.Server {
  const server = restify.createServer({ name: 'senco-network-bot', handleUncaughtExceptions: false });
  // An async function: restify tells async handlers from callback ones by their kind.
  const tracked = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) =>
    inFlight.track(handler(req, res));
  server.get(
    '/healthz',
    tracked(async (_req: Request, res: Response) => {
      const { healthy, details } = await routes.health();
      res.status(healthy ? 200 : 503);
      res.json({ status: healthy ? 'ok' : 'unavailable', ...details });
    }),
  );
  server.post('/api/messages', tracked(traced('teams', withRawBody(routes.teams, logger), routes.observeInbound)));
  server.post(
    '/slack/events',
    routes.slack ? tracked(traced('slack', withRawBody(routes.slack, logger), routes.observeInbound)) : notConfigured,
  );
  if (routes.metrics) server.get('/metrics', tracked(routes.metrics));
  if (routes.files) server.get('/files/:id', tracked(routes.files));
  if (routes.calendarFeed) server.get('/calendar/:file', tracked(calendarFeedRoute(routes.calendarFeed, logger)));
  return server;
}

async function notConfigured(_req: Request, res: Response): Promise<void> {
  res.status(404);
  res.json({ error: 'Slack is not configured on this server (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN).' });
}

/** GET /calendar/<token>.ics: the same 404 for a malformed, unknown or revoked token. */
function calendarFeedRoute(feed: (token: string) => Promise<string | null>, logger: Logger) {
  return async (req: Request, res: Response) => {
    const file = String(req.params?.file ?? '');
    try {
      const text = file.endsWith('.ics') ? await feed(file.slice(0, -'.ics'.length)) : null;
      if (text === null) {
        res.status(404);
        res.json({ error: 'No such calendar.' });
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Cache-Control': 'private, max-age=300',
        'Content-Disposition': 'inline; filename="senco-meetings.ics"',
      });
      res.end(text);
    } catch (error) {
      logger.error('calendar feed failed', { error: String((error as Error)?.stack ?? error) });
      if (!res.headersSent) {
        res.status(500);
        res.json({ error: 'Internal error.' });
      }
    }
  };
}

/**
 * Gives each inbound request an id (the caller's X-Request-Id when sane), answered in the
 * X-Request-Id header and stamped on every log line written while handling it.
 */
function traced(platform: 'teams' | 'slack', handler: (req: Request, res: Response) => Promise<void>, observe: Routes['observeInbound']) {
  return async (req: Request, res: Response) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    // Measured to the answer, not to the end of the handler: Slack's is acknowledged first.
    res.once('finish', () => observe?.(platform, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
    await withRequestId(requestId, () => handler(req, res));
  };
}

function withRawBody(handler: RawHandler, logger: Logger) {
  return async (req: Request, res: Response) => {
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too-large') {
      logger.warn('request refused: body too large', { path: req.path() });
      res.status(413);
      res.json({ error: `Body over ${MAX_BODY_BYTES} bytes.` });
      return;
    }
    try {
      await handler(req, res, body);
    } catch (error) {
      logger.error('request failed', { path: req.path(), error: describeError(error) });
      if (!res.headersSent) {
        res.status(500);
        res.json({ error: 'Internal error.' });
      }
    }
  };
}

function readBody(req: Request, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
