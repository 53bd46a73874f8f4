#!/usr/bin/env node
// Runs the date-sensitive suites with the machine's clock moved into another school year
// (Debian's `faketime`), as CI does: the product must take every time from its injected
// clock, so these pass whatever the real date. faketime moves this Node process (and PGlite,
// which runs inside it) but not the PostgreSQL server, which is the drift this catches: a
// time taken from the server's now() would disagree with the app's.
// Usage: npm run test:other-date [-- <test paths> <jest options>]   (FAKE_DATE to pick the date)
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const FAKE_DATE = process.env.FAKE_DATE || '2027-06-15 10:00:00';
const SUITES = [
  'test/integration/roster',
  'test/integration/db',
  'test/integration/terms',
  'test/integration/http/checkin-round.test.ts',
  'test/integration/http/checkin-leader.test.ts',
  'test/integration/http/snooze-pause.test.ts',
  'test/integration/scheduler/nudge-holds.test.ts',
  'test/unit/calendar',
];

if (spawnSync('faketime', ['-v'], { stdio: 'ignore' }).error) {
  console.error('faketime is not installed: sudo apt-get install faketime (Debian/Ubuntu). .ci/run installs it.');
  process.exit(2);
}
const jest = path.join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js');
// Paths given after `--` replace the list (one suite while working on it); options are added.
const extra = process.argv.slice(2);
const suites = extra.some((a) => !a.startsWith('-')) ? [] : SUITES;
const args = [FAKE_DATE, process.execPath, '--experimental-vm-modules', '--disable-warning=ExperimentalWarning', jest, ...suites, ...extra];
console.log(`Date-sensitive suites with the clock at ${FAKE_DATE} (faketime; Node ${process.version})`);
// Timers keep the real monotonic clock: only the calendar date moves.
const r = spawnSync('faketime', args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', FAKETIME_DONT_FAKE_MONOTONIC: '1' } });
process.exit(r.status ?? 1);
