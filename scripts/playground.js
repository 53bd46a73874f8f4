#!/usr/bin/env node
/*
 * Starts the Microsoft 365 Agents Playground (a local web client that looks and behaves like
 * Teams and mocks the connector service) against the locally running bot.
 *
 *   npm run playground                 # bot on http://localhost:${PORT:-3978}/api/messages
 *   npm run playground -- --conversation-id my-chat   # extra flags go to agentsplayground
 *
 * Environment:
 *   PORT             the bot's port (default 3978)
 *   PLAYGROUND_PORT  the web client's port (default 56150; the playground picks a random
 *                    port if that one is taken, so read its own log line then)
 *   M365_AGENTS_PLAYGROUND_LOGFILE  where the playground logs (default here:
 *                    dist/playground/m365agentsplayground.log instead of ./devTools/)
 *
 * Start the bot first (without app credentials it accepts the playground's unauthenticated
 * requests). Ctrl+C stops the playground; this script exits with its exit code.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const isWindows = process.platform === 'win32';
const bin = path.join(ROOT, 'node_modules', '.bin', isWindows ? 'agentsplayground.cmd' : 'agentsplayground');

if (!fs.existsSync(bin)) {
  console.error(
    `playground: ${bin} not found. Install the dev dependencies first (npm install); the ` +
      'playground comes from @microsoft/m365agentsplayground.',
  );
  process.exit(1);
}

const botPort = process.env.PORT || '3978';
const uiPort = process.env.PLAYGROUND_PORT || '56150';
const endpoint = `http://localhost:${botPort}/api/messages`;
const logFile = process.env.M365_AGENTS_PLAYGROUND_LOGFILE || path.join(ROOT, 'dist', 'playground', 'm365agentsplayground.log');
fs.mkdirSync(path.dirname(logFile), { recursive: true });

const args = ['-e', endpoint, '-c', 'msteams', '-p', uiPort, '--disable-telemetry', ...process.argv.slice(2)];

console.log(`Agents Playground -> bot at ${endpoint} (channel msteams)`);
console.log(`Open the web client at http://localhost:${uiPort}`);
console.log(`Playground log: ${logFile}`);

const child = spawn(bin, args, {
  cwd: ROOT,
  stdio: 'inherit',
  shell: isWindows, // .cmd shims need a shell on Windows
  env: {
    ...process.env,
    // Without this the playground tries to open a browser and exits when there is none.
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
  },
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on('error', (err) => {
  console.error(`playground: could not start ${bin}: ${err.message}`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  if (signal) {
    const num = require('os').constants.signals[signal] || 1;
    process.exit(128 + num);
  }
  process.exit(code === null ? 1 : code);
});
