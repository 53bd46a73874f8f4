import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import Ajv from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TEAMS_DIR = path.join(ROOT, 'manifests', 'teams');
const TEMPLATE_PATH = path.join(TEAMS_DIR, 'manifest.template.json');
const SCHEMAS_DIR = path.join(ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams');
const SAMPLE_ID = '0b5f8c3e-6f2a-4c1d-9e7b-2a4d6c8e0f13';
const PLACEHOLDER = '${{MICROSOFT_APP_ID}}';

type Json = Record<string, unknown>;

function templateText(): string {
  return fs.readFileSync(TEMPLATE_PATH, 'utf8');
}

function filledManifest(): Json {
  return JSON.parse(templateText().split(PLACEHOLDER).join(SAMPLE_ID)) as Json;
}

/** Numbered schema versions shipped in @microsoft/app-manifest, oldest first. */
function shippedVersions(): string[] {
  return fs
    .readdirSync(SCHEMAS_DIR)
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1))
    .sort((a, b) => {
      const [aMaj = 0, aMin = 0] = a.split('.').map(Number);
      const [bMaj = 0, bMin = 0] = b.split('.').map(Number);
      return aMaj - bMaj || aMin - bMin;
    });
}

function compileSchema(version: string): ValidateFunction {
  const schemaPath = path.join(SCHEMAS_DIR, `v${version}`, 'MicrosoftTeams.schema.json');
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as Json;
  const ajv = new Ajv({ strict: false, allErrors: true });
  // The only format the schema uses; checked offline with the WHATWG URL parser.
  ajv.addFormat('uri', (s: string) => {
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  });
  return ajv.compile(schema);
}

// ------------------------------------------------------------------ PNG reading
interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
  idat: Buffer;
}

function readPng(file: string): Png {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  // The first chunk must be IHDR: length 13 at offset 8, type at 12, data from 16.
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  const png: Png = {
    width: buf.readUInt32BE(16),
    height: buf.readUInt32BE(20),
    bitDepth: buf[24] ?? -1,
    colourType: buf[25] ?? -1,
    interlace: buf[28] ?? -1,
    idat: Buffer.alloc(0),
  };
  const idat: Buffer[] = [];
  let p = 8;
  while (p < buf.length) {
    const len = buf.readUInt32BE(p);
    const type = buf.toString('ascii', p + 4, p + 8);
    if (type === 'IDAT') idat.push(buf.subarray(p + 8, p + 8 + len));
    if (type === 'IEND') break;
    p += 12 + len;
  }
  png.idat = Buffer.concat(idat);
  return png;
}

/** Decodes 8-bit RGBA, non-interlaced PNG pixels (all five filter types). */
function rgbaPixels(png: Png): Uint8Array {
  expect(png.bitDepth).toBe(8);
  expect(png.colourType).toBe(6);
  expect(png.interlace).toBe(0);
  const raw = zlib.inflateSync(png.idat);
  const bpp = 4;
  const stride = png.width * bpp;
  const out = new Uint8Array(stride * png.height);
  for (let y = 0; y < png.height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= bpp ? (out[y * stride + x - bpp] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= bpp && y > 0 ? (out[(y - 1) * stride + x - bpp] ?? 0) : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return out;
}

// ------------------------------------------------------------------ tests
describe('Teams app manifest template', () => {
  const newest = shippedVersions().at(-1);
  let validate: ValidateFunction;

  beforeAll(() => {
    expect(newest).toBeDefined();
    validate = compileSchema(filledManifest().manifestVersion as string);
  });

  it('uses the newest numbered schema version shipped in @microsoft/app-manifest', () => {
    const manifest = filledManifest();
    expect(manifest.manifestVersion).toBe(newest);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
  });

  it('validates offline against the official schema once the app id is filled in', () => {
    const ok = validate(filledManifest());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('uses the ${{MICROSOFT_APP_ID}} placeholder for both the app id and the bot id', () => {
    const raw = JSON.parse(templateText()) as {
      id: string;
      bots: Array<{ botId: string }>;
    };
    expect(raw.id).toBe(PLACEHOLDER);
    expect(raw.bots).toHaveLength(1);
    expect(raw.bots[0]?.botId).toBe(PLACEHOLDER);
    expect(templateText().split(PLACEHOLDER)).toHaveLength(3); // exactly two occurrences
  });

  it('declares the bot as intended', () => {
    const m = filledManifest() as {
      name: { short: string; full: string };
      developer: Record<string, string>;
      icons: { color: string; outline: string };
      accentColor: string;
      permissions: string[];
      validDomains: string[];
      bots: Array<{
        scopes: string[];
        supportsFiles: boolean;
        commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }>;
      }>;
    };
    expect(m.name).toEqual({ short: 'SENCO Network', full: 'SENCO Network Bot' });
    expect(m.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(m.accentColor).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect([...m.permissions].sort()).toEqual(['identity', 'messageTeamMembers']);
    expect(m.validDomains).toEqual([]);
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
      expect(m.developer[key]).toMatch(/^https:\/\/example\.org\/REPLACE-ME\//);
    }
    const bot = m.bots[0];
    // Roster CSVs are uploaded in the personal chat (docs/roster-import.md).
    expect(bot?.supportsFiles).toBe(true);
    expect([...(bot?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
    const lists = bot?.commandLists ?? [];
    expect(new Set(lists.flatMap((l) => l.scopes))).toEqual(new Set(['personal', 'team', 'groupChat']));
    for (const list of lists) {
      expect(list.commands.map((c) => c.title)).toEqual(['help', 'profile', 'checkin', 'schools', 'people']);
      for (const c of list.commands) expect(c.description.length).toBeGreaterThan(10);
    }
  });

  it('really validates: a manifest without a required field, or with a bad id, is rejected', () => {
    const missing = filledManifest();
    delete missing.developer;
    expect(validate(missing)).toBe(false);
    expect(validate.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ keyword: 'required', params: { missingProperty: 'developer' } })]),
    );

    // The unfilled template itself is not a valid manifest: the placeholder is not a GUID.
    expect(validate(JSON.parse(templateText()))).toBe(false);

    const badColour = { ...filledManifest(), accentColor: 'blue' };
    expect(validate(badColour)).toBe(false);
  });
});

describe('Teams app icons', () => {
  it('color.png is a 192x192 PNG', () => {
    const png = readPng(path.join(TEAMS_DIR, 'color.png'));
    expect([png.width, png.height]).toEqual([192, 192]);
    const px = rgbaPixels(png);
    // Full colour: the centre-left background pixel is opaque and not white.
    const i = (96 * 192 + 4) * 4;
    expect(px[i + 3]).toBe(255);
    expect([px[i], px[i + 1], px[i + 2]]).not.toEqual([255, 255, 255]);
  });

  it('outline.png is a 32x32 PNG of white and transparent pixels only', () => {
    const png = readPng(path.join(TEAMS_DIR, 'outline.png'));
    expect([png.width, png.height]).toEqual([32, 32]);
    const px = rgbaPixels(png);
    let transparent = 0;
    let visible = 0;
    for (let i = 0; i < px.length; i += 4) {
      const alpha = px[i + 3] ?? 0;
      if (alpha === 0) {
        transparent++;
        continue;
      }
      visible++;
      expect([px[i], px[i + 1], px[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(0);
    expect(visible).toBeGreaterThan(0);
  });
});
