#!/usr/bin/env node
// `npm start`: builds only if the sources changed since the last build (scripts/build.js),
// then runs the bot in this same process, so a start costs one Node process, not three.
const path = require('node:path');
// V8's compiled code for every module is kept on disk after the first start, so later starts
// skip most of the parsing and compiling of botbuilder and its dependencies (about 170 ms of a
// 1 s start; `npm run bench:startup`). Node 22.1+; on older Node the start is only slower.
require('node:module').enableCompileCache?.(path.join(__dirname, '..', 'node_modules', '.cache', 'node-compile-cache'));
const { build, staleReason } = require('./build');

const reason = staleReason();
if (reason) {
  console.error(`Building first (${reason})...`);
  build();
}
require('../dist/src/main.js').runMain();
