import type { Request, Response } from 'restify';
import type { FileStore } from '../../../src/core/files-port';
import { outboundFile, type OutboundFile } from '../../../src/core/message';
import { fileLinkSecret, SignedFileLinks } from '../../../src/http/file-links';
import { memoryLogger } from '../../../src/logger';
import { FakeClock } from '../../helpers/fake-clock';

class MemoryFiles implements FileStore {
  readonly rows = new Map<string, { file: OutboundFile; expiresAt: Date }>();
  async put(file: OutboundFile, expiresAt: Date) {
    const id = `file-${this.rows.size + 1}-abcdefgh`;
    this.rows.set(id, { file, expiresAt });
    return id;
  }
  async get(id: string, now: Date) {
    const row = this.rows.get(id);
    return row && row.expiresAt > now ? row.file : null;
  }
  async prune(now: Date) {
    let n = 0;
    for (const [id, row] of this.rows) if (row.expiresAt <= now && this.rows.delete(id)) n++;
    return n;
  }
}

/** Calls the route handler with a link and reports the status (and body when 200). */
async function download(links: SignedFileLinks, url: string): Promise<{ status: number; body: string; headers: Record<string, string> }> {
  const { pathname, search } = new URL(url);
  const req = { url: `${pathname}${search}`, params: { id: pathname.split('/').pop() } } as unknown as Request;
  const out = { status: 200, body: '', headers: {} as Record<string, string> };
  const res = {
    status: (s: number) => (out.status = s),
    json: (b: unknown) => (out.body = JSON.stringify(b)),
    writeHead: (s: number, h: Record<string, string>) => ((out.status = s), (out.headers = h)),
    end: (b: Buffer) => (out.body = b.toString('utf8')),
  } as unknown as Response;
  await links.handler(memoryLogger())(req, res);
  return out;
}

describe('signed file links', () => {
  const clock = new FakeClock(new Date('2026-11-30T10:00:00Z'));
  const store = new MemoryFiles();
  const links = new SignedFileLinks(store, 'x'.repeat(40), () => 'https://bot.example.org/', clock, 60 * 60 * 1000);

  it('serves the file while the link lives, then answers 410; a bad signature is 403', async () => {
    const kept = await links.keep(outboundFile('term-dates.ics', 'text/calendar', 'BEGIN:VCALENDAR'));
    expect(kept.url).toMatch(/^https:\/\/bot\.example\.org\/files\/file-1-abcdefgh\?exp=\d+&sig=[\w-]+$/);
    expect(kept.expiresAt).toEqual(new Date('2026-11-30T11:00:00Z'));
    const ok = await download(links, kept.url);
    expect(ok).toMatchObject({ status: 200, body: 'BEGIN:VCALENDAR' });
    expect(ok.headers['content-type']).toBe('text/calendar');
    expect(ok.headers['content-disposition']).toBe('attachment; filename="term-dates.ics"');
    expect((await download(links, kept.url.replace(/sig=.*/, 'sig=forged'))).status).toBe(403);
    const other = new SignedFileLinks(store, 'y'.repeat(40), () => 'https://bot.example.org', clock);
    expect((await download(other, kept.url)).status).toBe(403);
    clock.set(new Date('2026-11-30T11:00:01Z'));
    expect((await download(links, kept.url)).status).toBe(410);
    expect(await store.prune(clock.now())).toBe(1);
  });

  it('derives one secret for every replica from a shared one, else a random one', () => {
    expect(fileLinkSecret('configured-secret', ['a'], () => 'r')).toBe('configured-secret');
    expect(fileLinkSecret(null, ['', 'slack-secret'], () => 'r')).toBe(fileLinkSecret(null, ['slack-secret'], () => 'other'));
    expect(fileLinkSecret(null, ['', ''], () => 'random')).toBe('random');
  });
});
