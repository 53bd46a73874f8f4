import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { createProactiveAdapter } from '../../adapters/teams/proactive-adapter';
import { SlackSender } from '../../adapters/slack/slack-sender';
import { TeamsSender } from '../../adapters/teams/teams-sender';
import type { ConversationAddress } from '../../src/core/events';
import { textMessage } from '../../src/core/message';
import { slackBucket, teamsBucket, type OutboxEntry } from '../../src/core/outbox-port';
import type { Clock } from '../../src/core/ports';
import type { Db } from '../../src/db/database';
import { PrismaJobClaims } from '../../src/db/job-claims';
import { PrismaNudgePreferences } from '../../src/db/nudge-preferences';
import { PrismaDeliveryQueue } from '../../src/db/outbox-delivery-repo';
import { PrismaOutbox } from '../../src/db/outbox-repo';
import { PrismaReachability } from '../../src/db/reachability-repo';
import { PrismaTermDatesStore } from '../../src/db/term-dates-store';
import { memoryLogger } from '../../src/logger';
import { startScheduler, type Scheduler, type SchedulerOptions } from '../../src/scheduler/index';
import { createHoldCheck } from '../../src/scheduler/quiet-rules';
import { SchoolDaysCache } from '../../src/scheduler/school-days';
import { FakeSlackApi } from '../fakes/fake-slack-api';
import { FakeTeamsConnector } from '../fakes/fake-teams-connector';
import { createTestDatabase, type TestDatabase } from './databases';

/** A fresh database with a fake Teams connector and a fake Slack API beside it. */
export interface DeliveryRig {
  db: TestDatabase;
  teams: FakeTeamsConnector;
  slack: FakeSlackApi;
  stop(): Promise<void>;
}

export async function startDeliveryRig(kind: 'pglite' | 'postgres'): Promise<DeliveryRig> {
  const db = await createTestDatabase(kind);
  const teams = await new FakeTeamsConnector().start();
  const slack = await new FakeSlackApi().start();
  return {
    db,
    teams,
    slack,
    stop: async () => {
      await db.destroy();
      await teams.stop();
      await slack.stop();
    },
  };
}

/** The real senders pointed at the fakes: Teams in local (unauthenticated) mode; `sendTimeoutMs` per call (default 30 s). */
export function realSenders(teams: FakeTeamsConnector, slack: FakeSlackApi, sendTimeoutMs?: number) {
  const logger = memoryLogger();
  return [
    new TeamsSender(createProactiveAdapter({}, new ConfigurationServiceClientCredentialFactory({}), sendTimeoutMs), '', logger),
    new SlackSender({ signingSecret: 'unused', botToken: 'xoxb-test', apiUrl: slack.apiUrl }, logger, sendTimeoutMs),
  ];
}

/** A scheduler with the production wiring (Prisma ports, real senders, quiet rules), cron off. */
export function testScheduler(
  db: Db,
  clock: Clock & { sleep?: (ms: number) => Promise<void> },
  teams: FakeTeamsConnector,
  slack: FakeSlackApi,
  overrides: Partial<SchedulerOptions> = {},
): Scheduler & { logger: ReturnType<typeof memoryLogger> } {
  const logger = memoryLogger();
  const nudges = new PrismaNudgePreferences(db);
  const scheduler = startScheduler({
    instanceId: 'worker-1',
    clock,
    logger,
    queue: new PrismaDeliveryQueue(db),
    claims: new PrismaJobClaims(db),
    senders: realSenders(teams, slack),
    reachability: new PrismaReachability(db),
    holdCheck: createHoldCheck({ nudges, schoolDays: new SchoolDaysCache(new PrismaTermDatesStore(db), clock, logger) }),
    cron: false,
    sleep: clock.sleep,
    random: () => 0.5,
    ...overrides,
  });
  return Object.assign(scheduler, { logger });
}

export function outboxFor(db: Db, clock: Clock): PrismaOutbox {
  return new PrismaOutbox(db, clock);
}

/** A stored 1:1 conversation reference, as the Teams adapter keeps it. */
export function teamsAddress(teams: FakeTeamsConnector, conversationId: string, tenantId = 'tenant-1'): ConversationAddress {
  return {
    kind: 'reference',
    reference: {
      channelId: 'msteams',
      serviceUrl: `${teams.url}/`,
      conversation: { id: conversationId, tenantId, conversationType: 'personal' },
      bot: { id: '28:senco-bot', name: 'SENCO Network' },
      user: { id: `29:${conversationId}`, name: 'Someone' },
    },
  };
}

export function teamsEntry(teams: FakeTeamsConnector, key: string, extra: Partial<OutboxEntry> = {}): OutboxEntry {
  const conversationId = `a:${key}`;
  return {
    key,
    platform: 'teams',
    target: teamsAddress(teams, conversationId),
    content: textMessage(`Hello ${key}`),
    bucket: teamsBucket('tenant-1'),
    ...extra,
  };
}

export function slackEntry(channel: string, key: string, extra: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    key,
    platform: 'slack',
    target: { kind: 'slack-user', teamId: 'T0001', userId: 'U0ANN', channel },
    content: textMessage(`Hello ${key}`),
    bucket: slackBucket('T0001', channel),
    ...extra,
  };
}

/** A trust, a school and a person with a Teams identity, for nudge and reachability tests. */
export async function seedPerson(db: Db, name = 'Ann') {
  const trust = await db.trust.create({ data: { name: `Oak Trust ${Math.random().toString(36).slice(2)}` } });
  const school = await db.school.create({ data: { trustId: trust.id, name: 'Oak Primary', phase: 'primary' } });
  const person = await db.person.create({
    data: {
      trustId: trust.id,
      schoolId: school.id,
      name,
      email: `${name.toLowerCase()}-${Math.random().toString(36).slice(2)}@oak.sch.uk`,
    },
  });
  await db.chatIdentity.create({ data: { platform: 'teams', tenantId: 'tenant-1', userId: `29:${name}`, personId: person.id } });
  return { trust, school, person };
}
