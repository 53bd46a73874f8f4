#!/usr/bin/env node
// Runs the Prisma CLI offline. Prisma 6 downloads engine binaries at start-up, which fails
// without internet; this project uses neither (client engine "client", migrations applied by
// src/db/migrate.ts), so both variables point at an existing file to skip the download.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const here = __filename;
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || here,
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY || here,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
  PRISMA_SCHEMA_URL: process.env.PRISMA_SCHEMA_URL || 'postgresql://localhost/unused',
};
const cli = path.join(__dirname, '..', 'node_modules', 'prisma', 'build', 'index.js');
const r = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
