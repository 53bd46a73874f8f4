import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { FileShelf, FileStore } from '../core/files-port';
import type { Clock, Logger } from '../core/ports';

/** How long a sent file stays downloadable (and a Teams consent card can still upload it). */
export const FILE_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Short-lived signed download links served by the bot at GET /files/:id?exp=&sig=. The
 * signature is HMAC-SHA256 over id and expiry with a secret shared by every replica, so any
 * replica can serve a link another made, and a link cannot be forged or stretched. The id is
 * random too, and the file itself expires in the database (pruned by housekeeping).
 */
export class SignedFileLinks implements FileShelf {
  constructor(
    private readonly store: FileStore,
    private readonly secret: string,
    private readonly baseUrl: () => string,
    private readonly clock: Clock,
    private readonly ttlMs = FILE_LINK_TTL_MS,
  ) {}

  async keep(file: Parameters<FileShelf['keep']>[0]): Promise<{ id: string; url: string; expiresAt: Date }> {
    const expiresAt = new Date(this.clock.now().getTime() + this.ttlMs);
    const id = await this.store.put(file, expiresAt);
    const exp = Math.floor(expiresAt.getTime() / 1000);
    const url = `${this.baseUrl().replace(/\/$/, '')}/files/${id}?exp=${exp}&sig=${sign(this.secret, id, exp)}`;
    return { id, url, expiresAt };
  }

  fetch(id: string) {
    return this.store.get(id, this.clock.now());
  }

  /** The restify handler for GET /files/:id. Never a 5xx for a bad link: 403, 404 or 410. */
  handler(logger: Logger) {
    return async (req: Request, res: Response): Promise<void> => {
      const id = String(req.params?.id ?? '');
      const query = new URL(req.url ?? '', 'http://x').searchParams;
      const exp = Number(query.get('exp'));
      const sig = query.get('sig') ?? '';
      if (!/^[A-Za-z0-9_-]{10,64}$/.test(id) || !Number.isInteger(exp) || !verify(this.secret, id, exp, sig)) {
        return refuse(res, 403, 'This download link is not valid.');
      }
      const now = this.clock.now();
      if (exp * 1000 <= now.getTime()) return refuse(res, 410, 'This download link has expired. Ask the bot for the file again.');
      const file = await this.store.get(id, now);
      if (!file) return refuse(res, 404, 'This file is no longer available. Ask the bot for it again.');
      const bytes = Buffer.from(file.base64, 'base64');
      logger.info('file downloaded', { id, bytes: bytes.length });
      res.writeHead(200, {
        'content-type': file.mediaType,
        'content-length': String(bytes.length),
        'content-disposition': `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(bytes);
    };
  }
}

function sign(secret: string, id: string, exp: number): string {
  return createHmac('sha256', secret).update(`file:${id}:${exp}`).digest('base64url');
}

function verify(secret: string, id: string, exp: number, sig: string): boolean {
  const expected = Buffer.from(sign(secret, id, exp));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function refuse(res: Response, status: number, message: string): void {
  res.status(status);
  res.json({ error: message });
}

/**
 * The signing secret: FILE_LINK_SECRET when set; else derived from a secret every replica
 * already shares (the Teams app password or Slack signing secret), so links work across
 * replicas without another setting; else (local trial) a per-process random one.
 */
export function fileLinkSecret(configured: string | null, shared: readonly string[], random: () => string): string {
  if (configured) return configured;
  const base = shared.find((s) => s.length > 0);
  return base ? createHmac('sha256', base).update('senco-file-links').digest('base64url') : random();
}
