import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileOf as slackFileOf } from '../../../adapters/slack/to-event';
import { fileOf as teamsFileOf } from '../../../adapters/teams/to-event';
import { cappedDownload, isSafeDownloadUrl } from '../../../src/http/capped-download';

describe('isSafeDownloadUrl', () => {
  it('allows https anywhere and http on loopback only, optionally limited to hosts', () => {
    expect(isSafeDownloadUrl('https://files.slack.com/files-pri/T1-F1/x.csv')).toBe(true);
    expect(isSafeDownloadUrl('http://127.0.0.1:3000/files/x')).toBe(true);
    expect(isSafeDownloadUrl('http://files.slack.com/x')).toBe(false);
    expect(isSafeDownloadUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeDownloadUrl('not a url')).toBe(false);
    expect(isSafeDownloadUrl('https://evil.example/x', ['files.slack.com'])).toBe(false);
  });

  it("keeps the bot token to Slack's file host", () => {
    const event = { files: [{ name: 'a.csv', size: 10, url_private: 'https://evil.example/steal' }] };
    expect(slackFileOf(event, 'xoxb-secret', ['files.slack.com'])).toBeNull();
    const ok = slackFileOf(
      { files: [{ name: 'a.csv', size: 10, url_private: 'https://files.slack.com/files-pri/T1-F1/a.csv' }] },
      'xoxb-secret',
      ['files.slack.com'],
    );
    expect(ok).toMatchObject({ name: 'a.csv', size: 10 });
  });

  it('takes a Teams file only from a download-info attachment with a safe URL', () => {
    const attachment = (url: string) => ({
      attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'r.csv', content: { downloadUrl: url } }],
    });
    expect(teamsFileOf(attachment('https://oak.sharepoint.com/r.csv'))).toMatchObject({ name: 'r.csv', size: null });
    expect(teamsFileOf(attachment('http://10.0.0.5/r.csv'))).toBeNull();
    expect(teamsFileOf({ attachments: [{ contentType: 'text/html', content: '<p>hi</p>' }] })).toBeNull();
  });
});

describe('cappedDownload', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/declared') {
        res.writeHead(200, { 'content-length': '1000' });
        res.end(Buffer.alloc(1000));
      } else if (req.url === '/chunked') {
        res.writeHead(200);
        for (let i = 0; i < 10; i++) res.write(Buffer.alloc(100));
        res.end();
      } else if (req.url === '/small') {
        res.end('name,phase\n');
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((r) => server.close(() => r())));

  it('stops at the cap, declared or streamed, and returns small files whole', async () => {
    expect(await cappedDownload(`${url}/declared`, 500)).toBe('too-large');
    expect(await cappedDownload(`${url}/chunked`, 500)).toBe('too-large');
    expect(new TextDecoder().decode((await cappedDownload(`${url}/small`, 500)) as Uint8Array)).toBe('name,phase\n');
    await expect(cappedDownload(`${url}/missing`, 500)).rejects.toThrow('HTTP 404');
  });
});
