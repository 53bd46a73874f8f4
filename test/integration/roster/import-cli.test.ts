import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../../scripts/import';
import { openDatabase } from '../../../src/db/database';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases';

const root = join(__dirname, '..', '..', '..');
const fixture = (name: string) => join(root, 'test/fixtures/roster', name);

function capture() {
  const lines: string[] = [];
  return { io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) }, text: () => lines.join('\n') };
}

describe.each(databaseKinds)('npm run import on %s', (kind) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(kind);
  });
  afterEach(async () => db.destroy());

  it('needs a trust, and --trust when there are several', async () => {
    const none = capture();
    expect(await runImport([fixture('schools.csv')], none.io, { database: db, directories: [] })).toBe(2);
    expect(none.text()).toContain('There is no trust yet');
    await db.prisma.trust.createMany({ data: [{ name: 'North Star Trust' }, { name: 'Oak Trust' }] });
    const several = capture();
    expect(await runImport([fixture('schools.csv')], several.io, { database: db, directories: [] })).toBe(2);
    expect(several.text()).toContain('choose one with --trust: "North Star Trust", "Oak Trust"');
    const chosen = capture();
    expect(await runImport([fixture('schools.csv'), '--trust', 'oak trust', '--yes'], chosen.io, { database: db, directories: [] })).toBe(
      0,
    );
    expect(chosen.text()).toContain('Import preview: schools.csv (trust: Oak Trust, schools file)');
    expect(await db.prisma.school.count({ where: { trust: { name: 'Oak Trust' } } })).toBe(20);
    expect(await db.prisma.school.count({ where: { trust: { name: 'North Star Trust' } } })).toBe(0);
  });

  it('previews without --yes, applies with it, and exits 1 on any rejected row', async () => {
    await db.prisma.trust.create({ data: { name: 'North Star Trust' } });
    const preview = capture();
    expect(await runImport([fixture('trust.csv')], preview.io, { database: db, directories: [] })).toBe(0);
    expect(preview.text()).toContain('Preview only: nothing was applied');
    expect(preview.text()).toContain('person  Uma Nair <uma.nair@yewtreealterna.sch.uk>');
    expect(await db.prisma.person.count()).toBe(0);
    expect(await db.prisma.rosterImport.findFirst({ where: { content: { not: null } } })).toBeNull();

    const apply = capture();
    expect(await runImport([fixture('schools.csv'), '--yes'], apply.io, { database: db, directories: [] })).toBe(0);
    expect(await runImport([fixture('people.csv'), '--yes'], apply.io, { database: db, directories: [] })).toBe(0);
    expect(apply.text()).toContain('Applied in');
    expect(await db.prisma.school.count()).toBe(20);
    expect(await db.prisma.person.count()).toBe(25);
    const audit = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'roster.import' } });
    expect(audit).toMatchObject({ actorId: null, details: expect.objectContaining({ source: 'cli' }) });

    const bad = capture();
    expect(await runImport([fixture('bad-people.csv'), '--yes'], bad.io, { database: db, directories: [] })).toBe(1);
    expect(bad.text()).toContain('Line 3: email ann.lee@oakprimary.sch.uk is already on line 2');
    expect(bad.text()).toContain('Nothing was applied: 5 row(s) rejected');
    expect(await db.prisma.person.count()).toBe(25);
  });

  it("stores a school's own day from the file, and keeps it when a later file has no such columns", async () => {
    await db.prisma.trust.create({ data: { name: 'North Star Trust' } });
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    try {
      const withHours = join(dir, 'hours.csv');
      writeFileSync(withHours, 'name,phase,day_start,day_end\nOak Primary,primary,08:45,15:15\nAsh Special,special,,\n');
      const out = capture();
      expect(await runImport([withHours, '--yes'], out.io, { database: db, directories: [] })).toBe(0);
      const plain = join(dir, 'plain.csv');
      writeFileSync(plain, 'name,phase,region\nOak Primary,primary,North\n');
      expect(await runImport([plain, '--yes'], out.io, { database: db, directories: [] })).toBe(0);
      const schools = await db.prisma.school.findMany({ orderBy: { name: 'asc' }, select: { name: true, dayStart: true, dayEnd: true } });
      expect(schools).toEqual([
        { name: 'Ash Special', dayStart: null, dayEnd: null },
        { name: 'Oak Primary', dayStart: '08:45', dayEnd: '15:15' },
      ]);
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, 'name,phase,day_start,day_end\nOak Primary,primary,9am,15:15\n');
      const refused = capture();
      expect(await runImport([bad, '--yes'], refused.io, { database: db, directories: [] })).toBe(1);
      expect(refused.text()).toContain('day_start "9am" and day_end "15:15" must both be times like 08:45');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses files over 5 MB before reading them, and explains usage', async () => {
    await db.prisma.trust.create({ data: { name: 'North Star Trust' } });
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    try {
      const big = join(dir, 'big.csv');
      writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 'a'));
      const out = capture();
      expect(await runImport([big, '--yes'], out.io, { database: db, directories: [] })).toBe(1);
      expect(out.text()).toContain('File: the file is over 5 MB');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const usage = capture();
    expect(await runImport(['--yes'], usage.io, { database: db })).toBe(2);
    expect(await runImport(['a.csv', '--bogus'], usage.io, { database: db })).toBe(2);
    expect(await runImport([join(root, 'no-such.csv')], usage.io, { database: db })).toBe(2);
    expect(usage.text()).toContain('Usage: npm run import');
  });
});

describe('npm run import as a process', () => {
  it('exits 0 after applying and 1 when rows are rejected (embedded database)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'import-data-'));
    try {
      const db = await openDatabase({ dataDir });
      await db.prisma.trust.create({ data: { name: 'North Star Trust' } });
      await db.close();
      const run = (file: string, ...args: string[]) =>
        spawnSync(
          process.execPath,
          ['-r', join(root, 'test/helpers/ts-register.js'), join(root, 'scripts/import.ts'), fixture(file), ...args],
          {
            cwd: root,
            env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, TZ: 'UTC' },
            encoding: 'utf8',
            timeout: 60_000,
          },
        );
      const ok = run('trust.csv', '--yes');
      expect(ok.stdout).toContain('Applied in');
      expect(ok.status).toBe(0);
      const bad = run('bad-people.csv', '--yes');
      expect(bad.status).toBe(1);
      expect(bad.stdout).toContain('Line 7: 3 values where the header has 5 columns');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
