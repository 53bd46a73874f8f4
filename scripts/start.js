#!/usr/bin/env node
// `npm start`: builds only if the sources changed since the last build (scripts/build.js),
// then runs the bot in this same process, so a start costs one Node process, not three.
const { build, staleReason } = require('./build');

const reason = staleReason();
if (reason) {
  console.error(`Building first (${reason})...`);
  build();
}
require('../dist/src/main.js').runMain();
