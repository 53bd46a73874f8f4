/**
 * Imports a roster CSV from the command line: prints the preview (every row to add, change
 * or archive, and every rejected row with its line number), and applies it, all or nothing,
 * only with --yes. Exits 1 when any row is rejected, 2 on a usage problem, so it can be
 * scripted. The same use cases as the chat upload (src/core/roster/import-roster.ts).
 *
 *   npm run import -- roster.csv            preview only
 *   npm run import -- roster.csv --yes      preview, then apply
 *   npm run import -- roster.csv --trust "Oak Trust" --yes
 *
 * Reads DATABASE_URL (PostgreSQL) or DATA_DIR (embedded database, default .data) like the
 * bot. With the embedded database, stop the bot first: PGlite is one process's database.
 */
import '../src/tz';
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { WebClient } from '@slack/web-api';
import { SlackDirectory } from '../adapters/slack/slack-directory';
import { loadDotEnv } from '../src/config';
import { MAX_CSV_BYTES } from '../src/core/csv/decode-upload';
import type { ChatDirectory } from '../src/core/roster-port';
import { applyImport, previewImport, type ImportPreview } from '../src/core/roster/import-roster';
import { linkByDirectory } from '../src/core/roster/link-directory';
import { openDatabase, type Database } from '../src/db/database';
import { prismaRosterServices } from '../src/db/roster-services';
import { PrismaOutbox } from '../src/db/outbox-repo';
import { countText, rejectionText } from '../src/flows/roster/import-views';
import { createLogger } from '../src/logger';
import { systemClock } from '../src/core/ports';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliOptions {
  /** Use this database (tests); otherwise opened from DATABASE_URL / DATA_DIR. */
  database?: Database;
  env?: NodeJS.ProcessEnv;
  /** Chat directories to look new people up in after applying (default: Slack when configured). */
  directories?: ChatDirectory[];
}

const USAGE = 'Usage: npm run import -- <file.csv> [--yes] [--trust "<trust name>"] [--no-lookup]';

interface Args {
  file: string;
  yes: boolean;
  trust: string | null;
  lookup: boolean;
}

export function parseArgs(argv: string[]): Args | string {
  const args: Args = { file: '', yes: false, trust: null, lookup: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--yes' || arg === '-y') args.yes = true;
    else if (arg === '--no-lookup') args.lookup = false;
    else if (arg === '--trust') {
      const name = argv[++i];
      if (!name) return '--trust needs a trust name.';
      args.trust = name;
    } else if (arg.startsWith('--trust=')) args.trust = arg.slice('--trust='.length);
    else if (arg === '--help' || arg === '-h') return '';
    else if (arg.startsWith('-')) return `Unknown option ${arg}.`;
    else if (args.file) return 'Give one file at a time.';
    else args.file = arg;
  }
  return args.file ? args : 'Which file? Give the path of a CSV file.';
}

/** Runs the import; resolves to the process exit code. */
export async function runImport(argv: string[], io: CliIo, options: CliOptions = {}): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    if (args) io.err(args);
    io.err(USAGE);
    return 2;
  }
  const path = resolve(args.file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    io.err(`Cannot read ${args.file}: no such file.`);
    return 2;
  }
  const env = options.env ?? process.env;
  const database =
    options.database ?? (await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: resolve(env.DATA_DIR || '.data') }));
  try {
    const roster = prismaRosterServices(
      database.prisma,
      new PrismaOutbox(database.prisma, systemClock),
      { mode: 'local', adminEmails: [] },
      systemClock,
    );
    const trusts = await roster.repo.listTrusts();
    const trust = args.trust ? await roster.repo.findTrustByName(args.trust) : trusts.length === 1 ? trusts[0]! : null;
    if (!trust) {
      if (trusts.length === 0) io.err('There is no trust yet: set one up in chat first (write "setup" to the bot).');
      else if (args.trust) io.err(`No trust called "${args.trust}". Trusts here: ${trusts.map((t) => t.name).join(', ')}.`);
      else io.err(`There are several trusts here; choose one with --trust: ${trusts.map((t) => `"${t.name}"`).join(', ')}.`);
      return 2;
    }
    const by = { trustId: trust.id, personId: null, source: 'cli' as const };
    // Refused before reading, like a chat upload: a roster file is never this big.
    const bytes = size > MAX_CSV_BYTES ? new Uint8Array(MAX_CSV_BYTES + 1) : new Uint8Array(readFileSync(path));
    const started = Date.now();
    const preview = await previewImport(roster, by, basename(path), bytes);
    printPreview(preview, trust.name, io);
    if (preview.plan.rejected.length > 0) {
      io.out(`Nothing was applied: ${preview.plan.rejected.length} row(s) rejected. Fix them and run again.`);
      return 1;
    }
    if (!preview.importId) {
      io.out('Nothing to change: the roster already matches this file.');
      return 0;
    }
    if (!args.yes) {
      await roster.imports.cancel(trust.id, preview.importId);
      io.out('Preview only: nothing was applied. Run again with --yes to apply.');
      return 0;
    }
    const applied = await applyImport(roster, by, preview.importId);
    if (!applied.ok) {
      io.err(
        applied.error === 'changed'
          ? 'The roster changed while importing; nothing was applied. Run again.'
          : `Nothing was applied (${applied.error}).`,
      );
      return 1;
    }
    io.out(
      `Applied in ${Date.now() - started} ms: schools ${countText(applied.value.counts.schools)}; people ${countText(applied.value.counts.people)}.`,
    );
    const directories = options.directories ?? (args.lookup ? slackDirectory(env) : []);
    if (directories.length) {
      const report = await linkByDirectory(
        { ...roster, directories, logger: createLogger({ silent: true }) },
        trust.id,
        applied.value.personIds,
      );
      io.out(
        `Looked up ${report.looked} people in Slack by email: ${report.linked} found, ${report.notFound} not found${report.failed ? `, ${report.failed} failed` : ''}.`,
      );
    }
    return 0;
  } finally {
    if (!options.database) await database.close();
  }
}

function slackDirectory(env: NodeJS.ProcessEnv): ChatDirectory[] {
  const token = env.SLACK_BOT_TOKEN?.trim();
  if (!token) return [];
  const apiUrl = env.SLACK_API_URL?.trim();
  return [new SlackDirectory(new WebClient(token, apiUrl ? { slackApiUrl: apiUrl } : {}))];
}

function printPreview(preview: ImportPreview, trustName: string, io: CliIo): void {
  const { counts, plan } = preview;
  io.out(`Import preview: ${preview.fileName} (trust: ${trustName}${preview.kind ? `, ${preview.kind} file` : ''})`);
  io.out(`  Schools:       ${countText(counts.schools)}`);
  io.out(`  People:        ${countText(counts.people)}`);
  io.out(`  Rejected rows: ${counts.rejected}`);
  const list = (title: string, lines: string[]) => {
    if (!lines.length) return;
    io.out(`${title}:`);
    for (const line of lines) io.out(`  ${line}`);
  };
  if (plan.rejected.length === 0) {
    list('To add', [
      ...plan.schools.add.map((r) => `school  ${r.name}`),
      ...plan.people.add.map((a) => `person  ${a.row.name} <${a.row.email}>`),
    ]);
    list('To change', [
      ...plan.schools.change.map((c) => `school  ${c.row.name} (${c.fields.join(', ')})`),
      ...plan.people.change.map((c) => `person  ${c.row.name} <${c.row.email}> (${c.fields.join(', ')})`),
    ]);
    list('To archive', [
      ...plan.schools.archive.map((c) => `school  ${c.row.name}`),
      ...plan.people.archive.map((c) => `person  ${c.row.name} <${c.row.email}>`),
    ]);
  }
  list('Rejected', plan.rejected.map(rejectionText));
}

if (require.main === module) {
  loadDotEnv('.env', process.env);
  runImport(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`The import failed: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
