import { startBot } from '../../src/main';
import { slackHeaders } from '../fixtures/slack/factory';
import type { FakeClock } from './fake-clock';
import { SIGNING_SECRET, type Harness } from './harness';

/** The bot on the same database again, as after a deploy or a crash: nothing is kept in memory. */
export async function restart(h: Harness, clock: FakeClock): Promise<void> {
  await h.bot.stop();
  const bot = await startBot({ config: h.config, logger: h.logger, database: h.db, clock, scheduler: { cron: false, sleep: clock.sleep } });
  h.bot = bot;
  h.postTeams = (activity) =>
    fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  h.postSlack = (body, contentType = 'application/json', headers = {}) =>
    fetch(`${bot.url}/slack/events`, { method: 'POST', headers: { ...slackHeaders(SIGNING_SECRET, body, contentType), ...headers }, body });
}
