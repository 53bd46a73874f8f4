#!/usr/bin/env node
/**
 * The largest payload each leader and SENCO command produces at 120 schools and 600 people,
 * per platform, as the strict fakes received it. Runs the large-trust HTTP test on PGlite
 * (test/integration/large) with BENCH_LARGE_OUT set, then reads what it measured.
 *
 * Run: npm run bench:large. Last line (parsed by tooling):
 *   large schools=120 people=600 teams_max_kb=.. slack_max_blocks=.. slack_max_section_chars=.. slack_max_options=.. unescaped=0
 * Sizes are deterministic (no timing), so one run is enough.
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const out = path.join(mkdtempSync(path.join(tmpdir(), 'bench-large-')), 'metrics.jsonl');
const env = { ...process.env, BENCH_LARGE_OUT: out };
delete env.TEST_DATABASE_URL; // one database is enough: payloads do not depend on it
const run = spawnSync('npm', ['run', '--silent', 'jest', '--', 'test/integration/large', '--maxWorkers=1'], {
  env,
  stdio: ['ignore', 'ignore', 'pipe'],
});
if (run.status !== 0 || !existsSync(out)) {
  process.stderr.write(run.stderr?.toString() ?? '');
  console.error('bench:large: the large-trust test failed; sizes below would not be trustworthy.');
  process.exit(1);
}
const rows = readFileSync(out, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
const byCommand = new Map();
for (const r of rows) {
  const key = `${r.command}|${r.platform}`;
  const m = byCommand.get(key) ?? {
    command: r.command,
    platform: r.platform,
    teamsBytes: 0,
    slackBlocks: 0,
    slackSectionChars: 0,
    slackOptions: 0,
    unescaped: 0,
  };
  m.teamsBytes = Math.max(m.teamsBytes, r.teamsBytes);
  m.slackBlocks = Math.max(m.slackBlocks, r.slackBlocks);
  m.slackSectionChars = Math.max(m.slackSectionChars, r.slackSectionChars);
  m.slackOptions = Math.max(m.slackOptions, r.slackOptions);
  m.unescaped += r.unescaped;
  byCommand.set(key, m);
}
const pad = (s, n) => String(s).padEnd(n);
console.log(
  `${pad('command', 28)}${pad('platform', 10)}${pad('teams KB', 10)}${pad('blocks', 8)}${pad('section', 9)}${pad('options', 9)}unescaped`,
);
for (const m of [...byCommand.values()].sort((a, b) => a.command.localeCompare(b.command) || a.platform.localeCompare(b.platform))) {
  const teams = m.platform === 'teams' ? (m.teamsBytes / 1024).toFixed(1) : '-';
  const slack = (v) => (m.platform === 'slack' ? v : '-');
  console.log(
    `${pad(m.command, 28)}${pad(m.platform, 10)}${pad(teams, 10)}${pad(slack(m.slackBlocks), 8)}${pad(slack(m.slackSectionChars), 9)}${pad(slack(m.slackOptions), 9)}${m.unescaped}`,
  );
}
const all = [...byCommand.values()];
const max = (f) => Math.max(0, ...all.map(f));
console.log(
  `large schools=120 people=600 teams_max_kb=${(max((m) => m.teamsBytes) / 1024).toFixed(1)} slack_max_blocks=${max((m) => m.slackBlocks)}` +
    ` slack_max_section_chars=${max((m) => m.slackSectionChars)} slack_max_options=${max((m) => m.slackOptions)}` +
    ` unescaped=${all.reduce((s, m) => s + m.unescaped, 0)}`,
);
