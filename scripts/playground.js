#!/usr/bin/env node
/*
 * Starts the Microsoft 365 Agents Playground (a local web client that looks and behaves like
 * Teams and mocks the connector service) against the locally running bot.
 *
 *   npm run playground                 # as the MAT SEND leader (playground/leader.yml)
 *   npm run playground -- --as senco   # as a SENCO (playground/senco.yml)
 *   npm run playground -- --as trust-leader
 *   npm run playground -- --config my.yml  # your own configuration file
 *   npm run playground -- --as senco --delivery-mode expectReplies   # other flags go to agentsplayground
 *
 * Environment:
 *   PORT             the bot's port (default 3978)
 *   PLAYGROUND_PORT  the web client's port (default 56150; the playground picks a random
 *                    port if that one is taken, so read its own log line then)
 *   M365_AGENTS_PLAYGROUND_LOGFILE  where the playground logs (default here:
 *                    dist/playground/m365agentsplayground.log instead of ./devTools/)
 *
 * The configuration file says who "you" are (currentUser) and who else is in the tenant; the
 * bot finds people by their email, as in Teams. It is checked here before the playground
 * starts, because the playground reports a bad file only in its own log and then serves
 * nothing useful.
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

const { checkPlaygroundConfig, pickConfig } = require('./playground-config');
const picked = pickConfig(process.argv.slice(2), ROOT);
if (!picked.ok) {
  console.error(`playground: ${picked.error}`);
  process.exit(2);
}
const problems = checkPlaygroundConfig(fs.readFileSync(picked.path, 'utf8'));
if (problems.length > 0) {
  console.error(`playground: ${picked.path} is not a usable configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(2);
}

const args = ['-e', endpoint, '-c', 'msteams', '-p', uiPort, '--disable-telemetry', ...picked.rest];

console.log(`Agents Playground -> bot at ${endpoint} (channel msteams)`);
console.log(`Open the web client at http://localhost:${uiPort}`);
console.log(`Playground log: ${logFile}`);
console.log(`You are ${picked.who} (${path.relative(ROOT, picked.path)})`);

const child = spawn(bin, args, {
  cwd: ROOT,
  stdio: 'inherit',
  shell: isWindows, // .cmd shims need a shell on Windows
  env: {
    ...process.env,
    // Without this the playground tries to open a browser and exits when there is none.
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: picked.path,
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
