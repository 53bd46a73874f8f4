// Tests run in UTC, like the bot (src/tz.ts); set here so every worker inherits it.
process.env.TZ = 'UTC';
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // Database tests open PGlite folders and servers; keep workers modest on a 2-core machine.
  maxWorkers: 2,
  // Generous: HTTP suites start a bot, a database and two fake platforms on a shared 2-core machine.
  testTimeout: 90000,
};
