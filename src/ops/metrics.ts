import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ChatSender, Logger, SendOutcome } from '../core/ports';

/** Counts of outbox rows by status, read when Prometheus scrapes (never on the inbound path). */
export type OutboxDepthReader = () => Promise<Record<string, number>>;

/**
 * The bot's Prometheus metrics, in a registry of its own (not prom-client's global one, so
 * tests can start several bots in one process). Names follow Prometheus conventions:
 * seconds for durations, `_total` for counters.
 */
export class BotMetrics {
  readonly registry = new Registry();
  readonly inbound = new Histogram({
    name: 'senco_inbound_request_duration_seconds',
    help: 'Time to answer an inbound chat request, by platform and HTTP status.',
    labelNames: ['platform', 'status'] as const,
    // Chat platforms time out after a few seconds (Slack: 3 s), so the buckets stop there.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    registers: [this.registry],
  });
  readonly sends = new Counter({
    name: 'senco_outbound_sends_total',
    help: 'Outbound send, update and delete attempts by platform and outcome (sent, retry, unreachable, failed).',
    labelNames: ['platform', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly throttled = new Counter({
    name: 'senco_outbound_throttled_total',
    help: 'Outbound attempts the platform refused with 429 (rate limited).',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });
  readonly dbStatements = new Counter({
    name: 'senco_db_statements_total',
    help: 'SQL statements sent to the database (queries, writes, BEGIN/COMMIT), inbound and background alike.',
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'senco_errors_total',
    help: 'Error log lines written (failed handlers, failed jobs, failed deliveries).',
    registers: [this.registry],
  });

  constructor(outboxDepth?: OutboxDepthReader) {
    collectDefaultMetrics({ register: this.registry });
    if (outboxDepth) {
      new Gauge({
        name: 'senco_outbox_depth',
        help: 'Outbox rows waiting or in flight, by status (queued, held, sending).',
        labelNames: ['status'] as const,
        registers: [this.registry],
        async collect() {
          const counts = await outboxDepth();
          this.reset();
          for (const [status, count] of Object.entries(counts)) this.set({ status }, count);
        },
      });
    }
  }

  /** Wraps a platform sender so every attempt is counted; the outcome is passed on unchanged. */
  countSends(sender: ChatSender): ChatSender {
    const count = (outcome: SendOutcome): SendOutcome => {
      this.sends.inc({ platform: sender.platform, outcome: outcome.status });
      if (outcome.status === 'retry' && isRateLimit(outcome.error)) this.throttled.inc({ platform: sender.platform });
      return outcome;
    };
    return {
      platform: sender.platform,
      send: async (address, message, posted) => count(await sender.send(address, message, posted)),
      update: async (sentTo, message) => count(await sender.update(sentTo, message)),
      delete: async (sentTo, instead) => count(await sender.delete(sentTo, instead)),
    };
  }

  /** Wraps a logger so error lines are counted as well as written. */
  countErrors(logger: Logger): Logger {
    return {
      info: (msg, fields) => logger.info(msg, fields),
      warn: (msg, fields) => logger.warn(msg, fields),
      error: (msg, fields) => {
        this.errors.inc();
        logger.error(msg, fields);
      },
    };
  }
}

/** Teams errors start with the status ("429: ..."); Slack's are `slack_webapi_rate_limited_error` (HTTP 429) or say `ratelimited`. */
function isRateLimit(error: string): boolean {
  return /^429\b|ratelimited|rate_limited|\b429\b/i.test(error);
}
