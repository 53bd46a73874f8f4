import './tz';
import { randomBytes } from 'node:crypto';
import { createTeamsBot } from '../adapters/teams/teams-bot';
import { loadConfig, loadDotEnv, type Config } from './config';
import type { InboundEvent, MembersEvent } from './core/events';
import { systemClock, type Clock, type Logger } from './core/ports';
import { PrismaAuditLog } from './db/audit-log';
import { openDatabase, type Database } from './db/database';
import { PrismaHealthCheck } from './db/health';
import { PrismaHousekeeping } from './db/housekeeping-repo';
import { PrismaIdentityRepo } from './db/identity-repo';
import { PrismaJobClaims } from './db/job-claims';
import { outboxDepthReader } from './db/outbox-depth';
import { PrismaNudgePreferences } from './db/nudge-preferences';
import { PrismaFileStore } from './db/file-store';
import { PrismaDeliveryQueue } from './db/outbox-delivery-repo';
import { PrismaPaceStore } from './db/pace-store';
import { PrismaOutbox } from './db/outbox-repo';
import { PrismaReachability } from './db/reachability-repo';
import { PrismaRateLimiter } from './db/rate-limiter';
import { PrismaReceiptStore } from './db/receipt-store';
import { prismaRosterServices } from './db/roster-services';
import { PrismaStateStore } from './db/state-store';
import { PrismaTermDatesStore } from './db/term-dates-store';
import type { FlowDeps } from './flows/deps';
import type { Feature } from './flows/feature';
import { features as allFeatures, loadAll } from './flows/index';
import { handleEvent } from './flows/router';
import { afterEvent, homeFor, homeRefreshSource, welcomeOnInstall } from './flows/home/index';
import { createLogger } from './logger';
import { BotMetrics } from './ops/metrics';
import { metricsRoute } from './ops/metrics-route';
import { feedForToken } from './meetings/feed';
import { startScheduler, type Scheduler, type SchedulerOptions } from './scheduler/index';
import { housekeepingSource } from './scheduler/housekeeping-source';
import { createHoldCheck } from './scheduler/quiet-rules';
import { SchoolDaysCache } from './scheduler/school-days';
import { fileLinkSecret, SignedFileLinks } from './http/file-links';
import { InFlight } from './ops/in-flight';
import { createHttpServer } from './server';
import { platformAddressing } from './wiring/addressing';
import { featureServices } from './wiring/feature-services';

export interface RunningBot {
  /** Base URL the server listens on, e.g. http://127.0.0.1:3978 */
  url: string;
  database: Database;
  deps: FlowDeps;
  metrics: BotMetrics;
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
  scheduler?: Partial<
    Pick<SchedulerOptions, 'cron' | 'sleep' | 'pollMs' | 'rates' | 'pace' | 'worker' | 'onUncertain' | 'sources' | 'random'>
  >;
  /** The features to run (default: every feature in src/flows/index.ts); tests add their own. */
  features?: readonly Feature[];
}

/** Wiring only: config -> database -> core -> adapters -> server. */
export async function startBot(options: StartOptions): Promise<RunningBot> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  // The outbox depth is read only when Prometheus scrapes, by then the database is open.
  const metrics = new BotMetrics(() => outboxDepthReader(db)());
  const database =
    options.database ??
    (await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir }, {
      onStatement: () => metrics.dbStatements.inc(),
    }));
  const db = database.prisma;
  const logger = metrics.countErrors(options.logger ?? createLogger());
  const outbox = new PrismaOutbox(db, clock, platformAddressing);
  let listeningUrl = '';
  const files = new SignedFileLinks(
    new PrismaFileStore(db, () => clock.now()),
    fileLinkSecret(config.fileLinkSecret, [config.teams.appPassword, config.slack?.signingSecret ?? ''], () =>
      randomBytes(32).toString('base64url'),
    ),
    () => config.publicUrl ?? listeningUrl,
    clock,
  );
  const termDates = new PrismaTermDatesStore(db);
  const deps: FlowDeps = {
    identities: new PrismaIdentityRepo(db, clock),
    state: new PrismaStateStore(db, clock),
    receipts: new PrismaReceiptStore(db, clock),
    rateLimits: new PrismaRateLimiter(db),
    audit: new PrismaAuditLog(db, clock),
    roster: prismaRosterServices(db, outbox, { mode: config.mode, adminEmails: config.adminEmails }, clock),
    outbox,
    nudges: new PrismaNudgePreferences(db),
    termDates,
    clock,
    logger,
    ...featureServices({ db, termDates, logger, publicUrl: () => config.publicUrl ?? listeningUrl }),
  };
  const loaded = loadAll(options.features ?? allFeatures);
  const registry = loaded.registry;
  const handle = async (event: InboundEvent, accepted?: () => void) => {
    const replies = await handleEvent(event, registry, deps, accepted);
    // What the person did may change what they owe (their Teams home card follows a press; Slack
    // re-publishes its tab) and what their leaders see (pushed within a minute).
    await afterEvent(event, registry, deps).catch((error) => logger.warn('home refresh failed', { error: String(error) }));
    return replies;
  };
  const members = async (event: MembersEvent) => {
    await loaded.onMembers(event, deps);
    await welcomeOnInstall(event, registry, deps).catch((error) => logger.warn('welcome failed', { error: String(error) }));
  };
  const { sendTimeoutMs } = config;
  const teams = createTeamsBot({ config: config.teams, logger, clock, handle, members, files, sendTimeoutMs });
  // Bolt and its web client are loaded only when Slack is configured (about 125 ms of start-up).
  const slack = config.slack
    ? (await import('../adapters/slack/slack-bot')).createSlackBot({
        config: config.slack,
        logger,
        clock,
        handle,
        home: (event, tab) => homeFor(event, registry, deps, tab),
        sendTimeoutMs,
      })
    : null;
  if (slack) deps.roster.directories.push(slack.directory);
  const health = new PrismaHealthCheck(db);
  const inFlight = new InFlight();
  const server = createHttpServer(
    {
      health: async () => {
        const up = await health.ping();
        return { healthy: up, details: { database: up ? 'up' : 'down', databaseKind: database.kind, slack: Boolean(slack) } };
      },
      teams: teams.handleHttp,
      slack: slack ? slack.handleHttp : null,
      files: files.handler(logger),
      calendarFeed: (token) => feedForToken(deps.meetings.repo, token, clock.now()),
      metrics: metricsRoute(metrics, config.metricsToken, logger),
      observeInbound: (platform, status, seconds) => metrics.inbound.observe({ platform, status: String(status) }, seconds),
    },
    logger,
    inFlight,
  );
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${address.port}`;
  listeningUrl = url;
  logger.info('bot listening', { url, mode: config.mode, database: database.kind, slack: Boolean(slack) });
  const scheduler = startScheduler({
    instanceId: config.instanceId,
    clock,
    logger,
    queue: new PrismaDeliveryQueue(db),
    claims: new PrismaJobClaims(db),
    senders: (slack ? [teams.sender, slack.sender] : [teams.sender]).map((sender) => metrics.countSends(sender)),
    reachability: new PrismaReachability(db),
    // Replicas share a PostgreSQL server, so they share one pacing budget per bucket (issue 18).
    ...(database.kind === 'postgres' ? { pace: new PrismaPaceStore(db) } : {}),
    holdCheck: createHoldCheck({ nudges: deps.nudges, schoolDays: new SchoolDaysCache(termDates, clock, logger) }),
    ...options.scheduler,
  });
  for (const source of loaded.dueWork(deps)) scheduler.register(source);
  scheduler.register(homeRefreshSource(deps, registry));
  scheduler.register(housekeepingSource(new PrismaHousekeeping(db), logger));
  return {
    url,
    database,
    deps,
    metrics,
    scheduler,
    stop: async () => {
      // Stop taking requests and stop the scheduler together: inbound work already under way
      // (including what a Slack handler does after its answer: the reply, the Home refresh) and
      // sends already under way finish, unstarted rows go back, and only then does the database
      // close under them. main() bounds the whole (25 s).
      await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), inFlight.idle(), scheduler.stop()]);
      if (!options.database) await database.close();
    },
  };
}

/** The process entry point: `node dist/src/main.js`, or scripts/start.js (`npm start`). */
export async function main(): Promise<void> {
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
    // A send stuck past its own timeouts must not keep the process from ever exiting.
    setTimeout(() => {
      console.error('Shutdown took over 25 s: exiting with work unfinished (it resumes at the next start).');
      process.exit(1);
    }, 25_000).unref();
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

/** Runs the bot; a start-up failure is one clear line and exit code 1. */
export function runMain(): void {
  main().catch((error) => {
    console.error(`The bot failed to start: ${(error as Error).message}`);
    process.exit(1);
  });
}

if (require.main === module) runMain();
