import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoadBankHolidays } from '../../../scripts/load-bank-holidays';
import { PrismaTermDatesStore } from '../../../src/db/term-dates-store';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases';

const feed = (events: Array<{ date: string; title: string }>) =>
  JSON.stringify({
    'england-and-wales': { division: 'england-and-wales', events: events.map((e) => ({ ...e, notes: '', bunting: true })) },
    scotland: { division: 'scotland', events: [] },
  });

describe.each(databaseKinds)('npm run bank-holidays on %s', (kind) => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'bh-'));
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db.destroy());

  it('stores only dates beyond the shipped list, once, and the calendar reads them', async () => {
    const file = join(dir, 'feed.json');
    writeFileSync(
      file,
      feed([
        { date: '2026-12-25', title: 'Christmas Day' },
        { date: '2031-01-01', title: 'New Year’s Day' },
      ]),
    );
    expect(await runLoadBankHolidays([file], io, { database: db })).toBe(0);
    expect(lines.at(-1)).toBe('2 dates in the feed; 1 not in the shipped list; 1 newly stored.');
    expect(await runLoadBankHolidays([file], io, { database: db })).toBe(0);
    expect(lines.at(-1)).toBe('2 dates in the feed; 1 not in the shipped list; 0 newly stored.');
    const stored = await new PrismaTermDatesStore(db.prisma).load('any-trust', null);
    expect(stored.extraBankHolidays).toEqual(['2031-01-01']);
  });

  it('refuses a malformed feed and a missing argument, storing nothing', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ scotland: {} }));
    expect(await runLoadBankHolidays([bad], io, { database: db })).toBe(1);
    expect(lines.at(-1)).toContain('Nothing was stored');
    writeFileSync(bad, 'not json');
    expect(await runLoadBankHolidays([bad], io, { database: db })).toBe(1);
    expect(await runLoadBankHolidays([], io, { database: db })).toBe(2);
    expect(await db.prisma.bankHoliday.count()).toBe(1);
  });
});
