import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { Request, Response } from 'restify';
import type { Logger } from '../core/ports';
import type { BotMetrics } from './metrics';

/**
 * GET /metrics, kept from the public: with METRICS_TOKEN set, every caller must send
 * `Authorization: Bearer <token>` (loopback included, since a reverse proxy on the same host
 * makes every caller look local); without it, only loopback callers are answered. Anyone else
 * gets the same 404 as an unknown path, so the endpoint is not advertised.
 */
export function metricsRoute(metrics: BotMetrics, token: string | null, logger: Logger) {
  return async (req: Request, res: Response) => {
    if (!allowed(req, token)) {
      res.status(404);
      res.json({ code: 'ResourceNotFound', message: `${req.path()} does not exist` });
      return;
    }
    try {
      const text = await metrics.registry.metrics();
      res.writeHead(200, { 'Content-Type': metrics.registry.contentType });
      res.end(text);
    } catch (error) {
      logger.error('metrics scrape failed', { error: String(error) });
      res.status(500);
      res.json({ error: 'Internal error.' });
    }
  };
}

function allowed(req: Request, token: string | null): boolean {
  if (token) {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '');
    const wanted = Buffer.from(token);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
  return isLoopback(req.socket.remoteAddress ?? '');
}

export function isLoopback(address: string): boolean {
  if (address === '::1') return true;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return isIP(v4) === 4 && v4.startsWith('127.');
}
