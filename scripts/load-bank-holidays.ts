/**
 * Adds England and Wales bank holidays from the gov.uk feed, for years beyond the shipped
 * list (2024-2030) or a one-off holiday announced later. The machine the bot runs on need not
 * reach gov.uk: download https://www.gov.uk/bank-holidays.json anywhere and pass the file.
 *
 *   npm run bank-holidays -- bank-holidays.json
 *
 * Reads DATABASE_URL or DATA_DIR like the bot (stop the bot first on the embedded database).
 * Exits 1 on a malformed feed (nothing is stored), 2 on a usage problem.
 */
import '../src/tz';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_BANK_HOLIDAYS, parseGovUkBankHolidays } from '../src/calendar/bank-holidays';
import { loadDotEnv } from '../src/config';
import { PrismaBankHolidayStore } from '../src/db/bank-holiday-store';
import { openDatabase, type Database } from '../src/db/database';
import type { CliIo } from './import';

export async function runLoadBankHolidays(
  argv: string[],
  io: CliIo,
  options: { database?: Database; env?: NodeJS.ProcessEnv } = {},
): Promise<number> {
  const file = argv[0];
  if (!file || argv.length > 1) {
    io.err('Usage: npm run bank-holidays -- <bank-holidays.json from gov.uk>');
    return 2;
  }
  let dates: string[];
  try {
    dates = parseGovUkBankHolidays(JSON.parse(readFileSync(resolve(file), 'utf8')));
  } catch (error) {
    io.err(`Nothing was stored: ${(error as Error).message}`);
    return 1;
  }
  const shipped = new Set(DEFAULT_BANK_HOLIDAYS);
  const extra = dates.filter((d) => !shipped.has(d));
  const env = options.env ?? process.env;
  const database =
    options.database ?? (await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: resolve(env.DATA_DIR || '.data') }));
  try {
    const added = await new PrismaBankHolidayStore(database.prisma).add(extra, 'Bank holiday (gov.uk feed)');
    io.out(`${dates.length} dates in the feed; ${extra.length} not in the shipped list; ${added} newly stored.`);
    return 0;
  } finally {
    if (!options.database) await database.close();
  }
}

if (require.main === module) {
  loadDotEnv('.env', process.env);
  runLoadBankHolidays(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`Loading bank holidays failed: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
