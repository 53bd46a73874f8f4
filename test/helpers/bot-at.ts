/**
 * A bot process whose clock starts at BOT_CLOCK_START (ISO) and then runs in real time, so
 * process-level tests (kill -9 and restart) see the same school day on any date. Otherwise the
 * same wiring as src/main.ts: config from the environment, every feature, the delivery loop on.
 * Spawned by test/helpers/spawn-bot.ts with `entry: 'test/helpers/bot-at.ts'`.
 */
import '../../src/tz';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../src/config';
import { startBot } from '../../src/main';

const start = new Date(process.env.BOT_CLOCK_START ?? '').getTime();
if (Number.isNaN(start)) throw new Error('BOT_CLOCK_START must be an ISO date');
const origin = performance.now();
const clock = { now: () => new Date(start + (performance.now() - origin)) };

const loaded = loadConfig(process.env);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
startBot({ config: loaded.config, clock }).then(
  (bot) => {
    console.log(`bot ready at ${bot.url}`);
    process.on('SIGTERM', () => void bot.stop().then(() => process.exit(0)));
  },
  (error) => {
    console.error(`The bot failed to start: ${(error as Error).message}`);
    process.exit(1);
  },
);
