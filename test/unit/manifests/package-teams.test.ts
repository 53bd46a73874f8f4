import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import { spawnSync, SpawnSyncReturns } from 'child_process';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'package-teams.js');
const APP_ID = '6d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';

function runPackage(env: Record<string, string | undefined>): SpawnSyncReturns<string> {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.MICROSOFT_APP_ID;
  delete base.BOT_DOMAIN;
  delete base.OUT_DIR;
  return spawnSync(process.execPath, [SCRIPT], {
    cwd: ROOT,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 20000,
  });
}

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  data: Buffer;
}

/** Reads a ZIP through its central directory, as unzip tools do. */
function readZip(buf: Buffer): ZipEntry[] {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(0);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);

    expect(buf.readUInt32LE(localOffset)).toBe(0x04034b50);
    const localNameLen = buf.readUInt16LE(localOffset + 26);
    const localExtraLen = buf.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + localNameLen + localExtraLen;
    const body = buf.subarray(start, start + compressedSize);
    const data = method === 8 ? zlib.inflateRawSync(body) : Buffer.from(body);
    expect(data.length).toBe(size);
    entries.push({ name, method, crc, data });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function hasUnzip(): boolean {
  return spawnSync('unzip', ['-v'], { encoding: 'utf8' }).status === 0;
}

describe('scripts/package-teams.js', () => {
  let outDir: string;

  beforeEach(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'senco-teams-pkg-'));
  });

  afterEach(() => {
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('writes the app folder and a zip with manifest.json and the two icons at its root', () => {
    const result = runPackage({ MICROSOFT_APP_ID: APP_ID, BOT_DOMAIN: 'senco.example.org', OUT_DIR: outDir });
    expect(result.stderr).not.toMatch(/Error|does not match/);
    expect(result.status).toBe(0);

    for (const f of ['manifest.json', 'color.png', 'outline.png']) {
      expect(fs.existsSync(path.join(outDir, 'teams-app', f))).toBe(true);
    }

    const zipPath = path.join(outDir, 'senco-network-bot-teams.zip');
    const entries = readZip(fs.readFileSync(zipPath));
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    for (const e of entries) {
      // Same bytes as the files written next to it, and the stored CRC matches.
      expect(e.data.equals(fs.readFileSync(path.join(outDir, 'teams-app', e.name)))).toBe(true);
      expect(e.crc).toBe(zlib.crc32(e.data));
    }
    for (const icon of ['color.png', 'outline.png']) {
      const entry = entries.find((e) => e.name === icon);
      expect(entry?.data.equals(fs.readFileSync(path.join(ROOT, 'manifests', 'teams', icon)))).toBe(true);
    }

    const manifestEntry = entries.find((e) => e.name === 'manifest.json');
    const text = manifestEntry?.data.toString('utf8') ?? '';
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(text) as { id: string; bots: Array<{ botId: string }>; validDomains: string[] };
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual(['senco.example.org']);
  });

  (hasUnzip() ? it : it.skip)('produces a zip that the unzip tool accepts', () => {
    expect(runPackage({ MICROSOFT_APP_ID: APP_ID, OUT_DIR: outDir }).status).toBe(0);
    const check = spawnSync('unzip', ['-t', path.join(outDir, 'senco-network-bot-teams.zip')], { encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/No errors detected/);
  });

  it.each([
    ['is not a GUID', 'not-a-guid'],
    ['is missing', undefined],
    ['is empty', ''],
  ])('exits non-zero and names MICROSOFT_APP_ID when it %s', (_label, value) => {
    const result = runPackage({ MICROSOFT_APP_ID: value, OUT_DIR: outDir });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('MICROSOFT_APP_ID');
    expect(fs.existsSync(path.join(outDir, 'senco-network-bot-teams.zip'))).toBe(false);
  });

  it('refuses a BOT_DOMAIN given as a URL', () => {
    const result = runPackage({ MICROSOFT_APP_ID: APP_ID, BOT_DOMAIN: 'https://senco.example.org/', OUT_DIR: outDir });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('BOT_DOMAIN');
  });
});
