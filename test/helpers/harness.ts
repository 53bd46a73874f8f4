import { loadConfig, type Config } from '../../src/config';
import type { Clock } from '../../src/core/ports';
import { memoryLogger } from '../../src/logger';
import { startBot, type RunningBot, type StartOptions } from '../../src/main';
import { FakeSlackApi } from '../fakes/fake-slack-api';
import { FakeTeamsConnector } from '../fakes/fake-teams-connector';
import { slackHeaders } from '../fixtures/slack/factory';
import { createTestDatabase, type TestDatabase } from './databases';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface Harness {
  bot: RunningBot;
  db: TestDatabase;
  teams: FakeTeamsConnector;
  slack: FakeSlackApi;
  logger: ReturnType<typeof memoryLogger>;
  config: Config;
  postTeams(activity: unknown): Promise<Response>;
  postSlack(body: string, contentType?: string, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * The real bot on a free port, on a fresh database, with a fake Teams connector and a fake
 * Slack API on loopback. Tests talk HTTP to it and assert on what the fakes received.
 */
export async function startHarness(
  kind: 'pglite' | 'postgres',
  env: Record<string, string> = {},
  clock?: Clock,
  options: Pick<StartOptions, 'features'> & { database?: TestDatabase; teams?: FakeTeamsConnector } = {},
): Promise<Harness> {
  const { database, teams: givenTeams, ...startOptions } = options;
  const teams = givenTeams ?? (await new FakeTeamsConnector().start());
  const slack = await new FakeSlackApi().start();
  // A database the test opened itself (its own PostgreSQL server, a second replica's view).
  const db = database ?? (await createTestDatabase(kind));
  const loaded = loadConfig({
    PORT: '1',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: slack.apiUrl,
    ...env,
  });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const config = { ...loaded.config, port: 0 };
  const logger = memoryLogger();
  // No background tick or delivery loop: tests drive the scheduler with bot.scheduler.runOnce().
  const bot = await startBot({ config, logger, database: db, clock, scheduler: { cron: false, sleep: sleeperOf(clock) }, ...startOptions });
  return {
    bot,
    db,
    teams,
    slack,
    logger,
    config,
    postTeams: (activity) =>
      fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      }),
    postSlack: (body, contentType = 'application/json', headers = {}) =>
      fetch(`${bot.url}/slack/events`, {
        method: 'POST',
        headers: { ...slackHeaders(SIGNING_SECRET, body, contentType), ...headers },
        body,
      }),
    stop: async () => {
      await bot.stop();
      await db.destroy();
      await teams.stop();
      await slack.stop();
      // Strict fakes: a message real Teams or Slack would refuse fails the test that sent it.
      const refused = [...teams.refused.map((r) => `Teams ${r.refusal.status}: ${r.refusal.messages.join('; ')}`)];
      refused.push(...slack.refused.map((r) => `Slack ${r.method} ${r.refusal.error}: ${r.refusal.messages.join('; ')}`));
      if (refused.length) throw new Error(`The platforms would refuse ${refused.length} message(s):\n${refused.slice(0, 5).join('\n')}`);
    },
  };
}

/** A fake clock's sleep (it advances the clock), so paced deliveries do not wait real time. */
function sleeperOf(clock: Clock | undefined): ((ms: number) => Promise<void>) | undefined {
  const sleep = (clock as { sleep?: unknown } | undefined)?.sleep;
  return typeof sleep === 'function' ? (sleep as (ms: number) => Promise<void>) : undefined;
}
