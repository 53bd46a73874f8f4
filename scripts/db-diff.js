#!/usr/bin/env node
// Writes a new migration: the SQL between the last committed prisma/schema.prisma and the
// working copy. `prisma migrate dev` needs a shadow database, which the offline WASM engine
// cannot create, so migrations are generated with `migrate diff` (see README, "Changing the
// database").  Usage: npm run db:diff -- add_checkins
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:diff -- <name_in_snake_case>');
  process.exit(2);
}
const root = path.join(__dirname, '..');
const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'schema-')), 'schema.prisma');
fs.writeFileSync(previous, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { cwd: root }));
const sql = execFileSync(
  process.execPath,
  [
    path.join(__dirname, 'prisma.js'),
    'migrate',
    'diff',
    '--from-schema-datamodel',
    previous,
    '--to-schema-datamodel',
    'prisma/schema.prisma',
    '--script',
  ],
  { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log('No schema changes since the last commit.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = path.join(root, 'prisma', 'migrations', `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
