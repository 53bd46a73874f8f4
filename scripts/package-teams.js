#!/usr/bin/env node
/*
 * Builds the Teams app package (the zip you upload in Teams or the Teams admin centre).
 *
 *   MICROSOFT_APP_ID=<bot's Microsoft App ID, a GUID> [BOT_DOMAIN=bot.example.org] \
 *     [OUT_DIR=dist] node scripts/package-teams.js
 *
 * Reads manifests/teams/manifest.template.json, replaces every ${{NAME}} placeholder with
 * the environment variable NAME (MICROSOFT_APP_ID is used for both the app id and the bot
 * id), adds BOT_DOMAIN to validDomains when given, validates the result offline against the
 * official schema shipped in @microsoft/app-manifest (when installed), and writes
 *   $OUT_DIR/teams-app/manifest.json, color.png, outline.png
 *   $OUT_DIR/senco-network-bot-teams.zip   (the three files at the root of the zip)
 * No dependencies: the zip is written here with zlib and a CRC-32.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..');
const TEMPLATE_DIR = path.join(ROOT, 'manifests', 'teams');
const TEMPLATE = path.join(TEMPLATE_DIR, 'manifest.template.json');
const ICONS = ['color.png', 'outline.png'];
const ZIP_NAME = 'senco-network-bot-teams.zip';
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
// A host name as Teams' validDomains expects it: no scheme, path or port; "*." allowed first.
const DOMAIN = /^(\*\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;

class UsageError extends Error {}

// ---------------------------------------------------------------- configuration
function readConfig(env) {
  const appId = (env.MICROSOFT_APP_ID || '').trim();
  if (!appId) {
    throw new UsageError(
      'MICROSOFT_APP_ID is not set. Set it to the Microsoft App ID of the bot (a GUID, from the ' +
        'Azure Bot resource or its Entra app registration), e.g.\n' +
        '  MICROSOFT_APP_ID=00000000-0000-0000-0000-000000000000 npm run package:teams',
    );
  }
  if (!GUID.test(appId)) {
    throw new UsageError(`MICROSOFT_APP_ID must be a GUID such as 00000000-0000-0000-0000-000000000000, got "${appId}".`);
  }
  let botDomain = (env.BOT_DOMAIN || '').trim();
  if (botDomain) {
    botDomain = botDomain.replace(/\.$/, '');
    if (!DOMAIN.test(botDomain)) {
      throw new UsageError(`BOT_DOMAIN must be a bare host name such as bot.example.org (no https://, path or port), got "${botDomain}".`);
    }
  }
  const outDir = path.resolve(env.OUT_DIR || path.join(ROOT, 'dist'));
  return { values: { ...env, MICROSOFT_APP_ID: appId.toLowerCase() }, botDomain, outDir };
}

// ---------------------------------------------------------------- manifest
function fillTemplate(text, values) {
  const missing = new Set();
  const filled = text.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_, name) => {
    const v = values[name];
    if (v === undefined || v === '') {
      missing.add(name);
      return '';
    }
    // Values land inside JSON strings: escape them as JSON.
    return JSON.stringify(String(v)).slice(1, -1);
  });
  if (missing.size) {
    throw new UsageError(`The manifest template needs these environment variables: ${[...missing].join(', ')}.`);
  }
  return JSON.parse(filled);
}

function buildManifest(config) {
  const manifest = fillTemplate(fs.readFileSync(TEMPLATE, 'utf8'), config.values);
  if (config.botDomain) {
    const domains = new Set(manifest.validDomains || []);
    domains.add(config.botDomain);
    manifest.validDomains = [...domains];
  }
  return manifest;
}

/** Returns a list of problems, [] when valid, or null when no validator is installed. */
function validateManifest(manifest) {
  let Ajv;
  let schemaPath;
  try {
    Ajv = require('ajv-draft-04');
    schemaPath = require.resolve(
      `@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  } catch {
    return null;
  }
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (s) => {
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  });
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors || []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

// ---------------------------------------------------------------- zip
// zlib.crc32 is built into Node from 20.15.
const crc32 = (buf) => zlib.crc32(buf);

function dosDateTime(date) {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** entries: [{ name, data: Buffer }]. Returns a ZIP archive (deflate, or stored if smaller). */
function makeZip(entries, mtime = new Date()) {
  const { time, date } = dosDateTime(mtime);
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? 8 : 0;
    const body = method === 8 ? deflated : data;
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // local file header signature
    local.writeUInt16LE(20, 4); // version needed to extract (2.0)
    local.writeUInt16LE(0x0800, 6); // flags: names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    locals.push(local, nameBuf, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); // central directory header signature
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    // extra length, comment length, disk number, internal attributes: 0
    central.writeUInt32LE(0, 38); // external attributes
    central.writeUInt32LE(offset, 42); // offset of the local header
    centrals.push(central, nameBuf);

    offset += local.length + nameBuf.length + body.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory signature
  end.writeUInt16LE(entries.length, 8); // entries on this disk
  end.writeUInt16LE(entries.length, 10); // entries in total
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

// ---------------------------------------------------------------- main
function main() {
  const config = readConfig(process.env);
  const manifest = buildManifest(config);

  const problems = validateManifest(manifest);
  if (problems === null) {
    console.warn('warning: ajv-draft-04 or @microsoft/app-manifest is not installed; manifest not validated.');
  } else if (problems.length) {
    throw new UsageError(`The manifest does not match the Teams schema v${manifest.manifestVersion}:\n  ${problems.join('\n  ')}`);
  }
  if (JSON.stringify(manifest).includes('REPLACE-ME')) {
    console.warn(
      'warning: the developer name and URLs in manifests/teams/manifest.template.json are still ' +
        'REPLACE-ME placeholders; replace them before publishing beyond a test tenant.',
    );
  }

  const appDir = path.join(config.outDir, 'teams-app');
  fs.mkdirSync(appDir, { recursive: true });
  const files = [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8') }];
  for (const icon of ICONS) files.push({ name: icon, data: fs.readFileSync(path.join(TEMPLATE_DIR, icon)) });
  for (const f of files) fs.writeFileSync(path.join(appDir, f.name), f.data);

  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const zipPath = path.join(config.outDir, ZIP_NAME);
  fs.writeFileSync(zipPath, makeZip(files, Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date()));

  console.log(`Teams app package: ${zipPath}`);
  console.log(`  manifest v${manifest.manifestVersion}, app/bot id ${manifest.id}, version ${manifest.version}`);
  console.log(`  files: ${files.map((f) => path.join(appDir, f.name)).join(', ')}`);
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`package-teams: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

module.exports = { readConfig, fillTemplate, makeZip, crc32 };
