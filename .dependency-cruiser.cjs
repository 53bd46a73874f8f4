/**
 * The dependency rule (../shared/notes/style.md): core depends on nothing of ours; flows,
 * calendar and digest on core; adapters and the scheduler on those; db implements core
 * ports; adapters never import each other or db; only db touches Prisma.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-independent',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(src/(?!core/)|adapters/)|node_modules/(@prisma|botbuilder|@microsoft|@slack|pg|@electric-sql|restify)' },
    },
    {
      name: 'pure-layers-use-only-core',
      severity: 'error',
      comment:
        "calendar, flows, digest, charts, i18n and meetings may use core, each other's pure parts, and date-fns; not db, adapters, scheduler or SDKs",
      from: { path: '^src/(calendar|flows|digest|charts|i18n|meetings)/' },
      to: {
        path: '^(src/(db|scheduler)/|adapters/|src/main\\.ts|src/server\\.ts)|node_modules/(@prisma|botbuilder|@microsoft|@slack|pg|@electric-sql|restify)',
      },
    },
    {
      name: 'calendar-is-pure',
      severity: 'error',
      from: { path: '^src/calendar/' },
      to: { path: '^src/(?!calendar/)' },
    },
    {
      name: 'scheduler-has-no-sdks-or-db',
      severity: 'error',
      from: { path: '^src/scheduler/' },
      to: { path: '^(adapters/|src/db/)|node_modules/(@prisma|botbuilder|@microsoft|@slack)' },
    },
    {
      name: 'adapters-do-not-import-each-other',
      severity: 'error',
      from: { path: '^adapters/([^/]+)/' },
      to: { path: '^adapters/', pathNot: '^adapters/$1/' },
    },
    {
      name: 'adapters-do-not-use-db',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^src/db/|node_modules/@prisma' },
    },
    {
      name: 'prisma-only-in-db',
      severity: 'error',
      from: { path: '^(src|adapters)/', pathNot: '^src/db/' },
      to: { path: 'node_modules/@prisma/client' },
    },
    { name: 'no-circular', severity: 'error', from: { path: '^(src|adapters)/' }, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(dist|test)/' },
  },
};
