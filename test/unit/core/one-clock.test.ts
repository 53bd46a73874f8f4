import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * One clock: product time (created, requested, answered, expires, sent) comes from the
 * injected `Clock`, so tests pass on any real date and replicas agree with the fake clock.
 * This guard finds new reads of the machine's clock or the database server's.
 */
const ROOT = join(__dirname, '..', '..', '..');

/** Where reading the real clock is right, and why. */
const ALLOWED: Record<string, string> = {
  'src/core/ports.ts': 'systemClock itself',
  'src/logger.ts': 'log line timestamps are when the line was written',
  'src/main.ts': 'start-up duration printed at launch',
  'src/db/migrate.ts': "Prisma's own _prisma_migrations bookkeeping",
  'src/db/data-dir-lock.ts': "the lock names the holding process's real start time, for the person reading it",
  'adapters/slack/restify-receiver.ts': "Slack signs requests with the real time; replay protection compares with the machine's",
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

describe('one clock', () => {
  const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'adapters'))];

  it('reads no machine or database clock outside the allowed places', () => {
    const offenders = files.flatMap((path) => {
      const file = relative(ROOT, path).split('\\').join('/');
      if (ALLOWED[file]) return [];
      const text = withoutComments(readFileSync(path, 'utf8'));
      // Method calls (`clock.now()`) are the injected clock; a bare now() is SQL's.
      const sqlText = text.replace(/\.now\(\)/g, '.clock');
      const found = [
        /new Date\(\)/.test(text) && 'new Date()',
        /Date\.now\(\)/.test(text) && 'Date.now()',
        /\bnow\(\)|CURRENT_TIMESTAMP/i.test(sqlText) && 'SQL now()',
      ].filter((hit): hit is string => Boolean(hit));
      return found.map((hit) => `${file}: ${hit}`);
    });
    expect(offenders).toEqual([]);
  });

  it('scans the code it means to', () => {
    expect(files.some((f) => f.endsWith(join('src', 'db', 'approval-repo.ts')))).toBe(true);
    expect(files.length).toBeGreaterThan(50);
  });
});
