import './tz';
import { createSlackBot } from '../adapters/slack/slack-bot';
import { createTeamsBot } from '../adapters/teams/teams-bot';
import { loadConfig, loadDotEnv, type Config } from './config';
import type { InboundEvent } from './core/events';
import { systemClock, type Clock, type Logger } from './core/ports';
import { PrismaAuditLog } from './db/audit-log';
import { PrismaCheckinRepo } from './db/checkin-repo';
import { openDatabase, type Database } from './db/database';
import { PrismaHealthCheck } from './db/health';
import { PrismaHousekeeping } from './db/housekeeping-repo';
import { PrismaIdentityRepo } from './db/identity-repo';
import { PrismaJobClaims } from './db/job-claims';
import { PrismaMeetingsRepo } from './db/meetings-repo';
import { PrismaNudgePreferences } from './db/nudge-preferences';
import { PrismaDeliveryQueue } from './db/outbox-delivery-repo';
import { PrismaOutbox } from './db/outbox-repo';
import { PrismaReachability } from './db/reachability-repo';
import { PrismaReceiptStore } from './db/receipt-store';
import { prismaRosterServices } from './db/roster-services';
import { PrismaStateStore } from './db/state-store';
import { PrismaTermDatesStore } from './db/term-dates-store';
import { checkinDueWork } from './flows/checkin/index';
import type { FlowDeps } from './flows/deps';
import { buildRegistry } from './flows/index';
import { handleEvent } from './flows/router';
import { handleMembers } from './flows/roster/index';
import { createLogger } from './logger';
import { feedForToken } from './meetings/feed';
import { startScheduler, type Scheduler, type SchedulerOptions } from './scheduler/index';
import { housekeepingSource } from './scheduler/housekeeping-source';
import { createHoldCheck } from './scheduler/quiet-rules';
import { buildSchoolCalendar, SchoolDaysCache } from './scheduler/school-days';
import { createHttpServer } from './server';

export interface RunningBot {
  /** Base URL the server listens on, e.g. http://127.0.0.1:3978 */
  url: string;
  database: Database;
  deps: FlowDeps;
  scheduler: Scheduler;
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  /** Use this database instead of opening one from the config (tests). */
  database?: Database;
  /** Scheduler settings; tests pass `{ cron: false }` and drive it with `runOnce`. */
  scheduler?: Partial<Pick<SchedulerOptions, 'cron' | 'sleep' | 'pollMs' | 'rates' | 'worker' | 'onUncertain' | 'sources' | 'random'>>;
}

/** Wiring only: config -> database -> core -> adapters -> server. */
export async function startBot(options: StartOptions): Promise<RunningBot> {
  const { config } = options;
  const logger = options.logger ?? createLogger();
  const clock = options.clock ?? systemClock;
  const database = options.database ?? (await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir }));
  const db = database.prisma;
  const outbox = new PrismaOutbox(db, clock);
  const termDates = new PrismaTermDatesStore(db);
  const deps: FlowDeps = {
    identities: new PrismaIdentityRepo(db),
    state: new PrismaStateStore(db, clock),
    receipts: new PrismaReceiptStore(db),
    audit: new PrismaAuditLog(db),
    roster: prismaRosterServices(db, outbox, { mode: config.mode, adminEmails: config.adminEmails }),
    outbox,
    nudges: new PrismaNudgePreferences(db),
    checkin: { repo: new PrismaCheckinRepo(db), calendar: trustCalendar(termDates, logger) },
    termDates,
    clock,
    logger,
  };
  const registry = buildRegistry();
  const handle = (event: InboundEvent) => handleEvent(event, registry, deps);
  const teams = createTeamsBot({ config: config.teams, logger, handle, members: (event) => handleMembers(event, deps) });
  const slack = config.slack ? createSlackBot({ config: config.slack, logger, handle }) : null;
  if (slack) deps.roster.directories.push(slack.directory);
  const health = new PrismaHealthCheck(db);
  const meetings = new PrismaMeetingsRepo(db);
  const server = createHttpServer(
    {
      health: async () => {
        const up = await health.ping();
        return { healthy: up, details: { database: up ? 'up' : 'down', databaseKind: database.kind, slack: Boolean(slack) } };
      },
      teams: teams.handleHttp,
      slack: slack ? slack.handleHttp : null,
      calendarFeed: (token) => feedForToken(meetings, token, clock.now()),
    },
    logger,
  );
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${address.port}`;
  logger.info('bot listening', { url, mode: config.mode, database: database.kind, slack: Boolean(slack) });
  const scheduler = startScheduler({
    instanceId: config.instanceId,
    clock,
    logger,
    queue: new PrismaDeliveryQueue(db),
    claims: new PrismaJobClaims(db),
    senders: slack ? [teams.sender, slack.sender] : [teams.sender],
    reachability: new PrismaReachability(db),
    holdCheck: createHoldCheck({ nudges: deps.nudges, schoolDays: new SchoolDaysCache(termDates, clock, logger) }),
    ...options.scheduler,
  });
  for (const source of checkinDueWork(deps)) scheduler.register(source);
  scheduler.register(housekeepingSource(new PrismaHousekeeping(db), logger));
  return {
    url,
    database,
    deps,
    scheduler,
    stop: async () => {
      // Scheduler first: calls in flight finish and unstarted rows go back before the database closes.
      await scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.database) await database.close();
    },
  };
}

/** A trust's calendar for check-in rounds; invalid stored dates fall back to the default pattern. */
function trustCalendar(store: PrismaTermDatesStore, logger: Logger) {
  return async (trustId: string, now: Date) => {
    const stored = await store.load(trustId, null);
    try {
      return buildSchoolCalendar(stored, now);
    } catch (error) {
      logger.error('invalid term dates: check-ins use the default pattern', { trustId, error: (error as Error).message });
      return buildSchoolCalendar({ trustYears: [], schoolYears: [], extraBankHolidays: stored.extraBankHolidays }, now);
    }
  };
}

async function main(): Promise<void> {
  loadDotEnv('.env', process.env);
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(`The bot cannot start. Fix these settings (environment or .env):\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}`);
    process.exit(1);
  }
  const started = Date.now();
  const bot = await startBot({ config: loaded.config });
  console.log(
    `SENCO Network Bot ready at ${bot.url} in ${Date.now() - started} ms (${loaded.config.mode} mode, ${bot.database.kind}). Health: ${bot.url}/healthz`,
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: shutting down.`);
    bot.stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`The bot failed to start: ${(error as Error).message}`);
    process.exit(1);
  });
}
