#!/usr/bin/env node
// Builds once: the Prisma client, then TypeScript into dist/, then a stamp. `npm install` and
// `npm ci` run it (the `prepare` script); `npm start` and the benchmarks run it with
// --if-stale, which rebuilds only when a source is newer than the stamp or the generated
// Prisma client is not from prisma/schema.prisma. So a start does not pay for a build.
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const WATCHED = [
  'src',
  'adapters',
  'scripts',
  'prisma/schema.prisma',
  'prisma.config.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
];

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const info = statSync(full);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(full).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), info.mtimeMs);
}

function schemaHash() {
  return createHash('sha256')
    .update(readFileSync(path.join(root, 'prisma', 'schema.prisma')))
    .digest('hex');
}

/** Why a build is needed, or null when dist/ and the Prisma client match the sources. */
function staleReason() {
  if (!existsSync(stamp)) return 'no build yet';
  // `npm install` leaves a stub client that throws "did not initialize yet" until generated.
  const client = path.join(root, 'node_modules', '.prisma', 'client', 'default.js');
  if (!existsSync(client) || readFileSync(client, 'utf8').includes('did not initialize yet')) return 'Prisma client not generated';
  if (readFileSync(stamp, 'utf8').trim() !== schemaHash()) return 'prisma/schema.prisma changed';
  const built = statSync(stamp).mtimeMs;
  const changed = WATCHED.find((entry) => newestMtime(entry) > built);
  return changed ? `${changed} changed since the last build` : null;
}

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function build() {
  run([path.join(__dirname, 'prisma.js'), 'generate', '--no-hints']);
  run([path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
  writeFileSync(stamp, `${schemaHash()}\n`);
}

if (require.main === module) {
  if (process.argv.includes('--if-stale')) {
    const reason = staleReason();
    if (reason) {
      console.error(`Building first (${reason})...`);
      build();
    }
  } else {
    build();
  }
}

module.exports = { staleReason, build };
