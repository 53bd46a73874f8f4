/**
 * The people `npm run bench:load` plays: trusts of 40 schools, each school with a SENCO, each
 * trust with two SEND leaders, all linked on Teams and on Slack (addresses at the fake
 * platforms); a check-in round and a self-evaluation cycle open in every trust, started by a
 * leader through the real router as a leader would; and new people on no roster, whom the
 * platforms know by an email the bot has never seen.
 */
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import { loadConfig } from '../../src/config';
import type { InboundEvent } from '../../src/core/events';
import type { OutboundMessage } from '../../src/core/message';
import type { Database } from '../../src/db/database';
import { buildRegistry } from '../../src/flows/index';
import { handleEvent } from '../../src/flows/router';
import { memoryLogger } from '../../src/logger';
import { startBot } from '../../src/main';
import type { FakePlatforms } from './fake-platforms';

export const TEAMS_TENANT = '72f988bf-0000-4000-8000-0000000000aa';
export const SLACK_TEAM = 'T0001';
const SCHOOLS_PER_TRUST = 40;

export type Kind = 'senco' | 'leader' | 'newcomer';

export interface BenchUser {
  kind: Kind;
  platform: 'teams' | 'slack';
  /** Teams: the member id (29:...) and AAD object id; Slack: the user id. */
  teamsId: string;
  aadObjectId: string;
  slackId: string;
  name: string;
}

export const teamsConversation = (u: BenchUser) => `a:1personal-${u.teamsId}`;
export const slackChannel = (u: BenchUser) => `D${u.slackId.replace(/^U/, '')}`;

/** `users` people: 65% SENCOs, 10% SEND leaders, 25% newcomers; platforms alternate. */
export function population(users: number): BenchUser[] {
  return Array.from({ length: users }, (_, i) => {
    const r = i % 20;
    const kind: Kind = r < 13 ? 'senco' : r < 15 ? 'leader' : 'newcomer';
    const hex = i.toString(16).padStart(12, '0');
    return {
      kind,
      platform: i % 2 === 0 ? 'teams' : 'slack',
      teamsId: `29:bench-${i}`,
      aadObjectId: `00000000-0000-4000-8000-${hex}`,
      slackId: `UB${i}`,
      name: `${kind} ${i}`,
    };
  });
}

/** Writes the roster and identities, then opens a round and a cycle per trust through the router. */
export async function seed(database: Database, people: BenchUser[], platforms: FakePlatforms): Promise<void> {
  const db = database.prisma;
  const sencos = people.filter((p) => p.kind === 'senco');
  const leaders = people.filter((p) => p.kind === 'leader');
  const trusts = Math.max(1, Math.ceil(sencos.length / SCHOOLS_PER_TRUST));
  const trustIds = Array.from({ length: trusts }, () => randomUUID());
  await db.trust.createMany({ data: trustIds.map((id, i) => ({ id, name: `Bench Trust ${i + 1}` })) });
  const identities: Prisma.ChatIdentityCreateManyInput[] = [];
  const link = (u: BenchUser, personId: string, email: string) => {
    identities.push(
      {
        platform: 'teams',
        tenantId: TEAMS_TENANT,
        userId: u.aadObjectId,
        personId,
        email,
        displayName: u.name,
        conversationRef: {
          kind: 'reference',
          reference: {
            activityId: '1',
            user: { id: u.teamsId, name: u.name, aadObjectId: u.aadObjectId },
            bot: { id: '28:00000000-0000-4000-8000-00000000b0b0', name: 'SENCO Network' },
            conversation: { id: teamsConversation(u), conversationType: 'personal', tenantId: TEAMS_TENANT },
            channelId: 'msteams',
            serviceUrl: `${platforms.url}/`,
          },
        },
      },
      {
        platform: 'slack',
        tenantId: SLACK_TEAM,
        userId: u.slackId,
        personId,
        email,
        displayName: u.name,
        conversationRef: { kind: 'slack-user', teamId: SLACK_TEAM, userId: u.slackId, channel: slackChannel(u) },
      },
    );
  };
  const schools: Prisma.SchoolCreateManyInput[] = [];
  const persons: Prisma.PersonCreateManyInput[] = [];
  const roles: Prisma.RoleAssignmentCreateManyInput[] = [];
  sencos.forEach((u, i) => {
    const trustId = trustIds[Math.floor(i / SCHOOLS_PER_TRUST)]!;
    const schoolId = randomUUID();
    const personId = randomUUID();
    const email = `${u.slackId.toLowerCase()}@bench.example`;
    schools.push({ id: schoolId, trustId, name: `School ${i + 1}`, phase: 'primary' });
    persons.push({
      id: personId,
      trustId,
      schoolId,
      name: u.name,
      email,
      appointedOn: '2019-09-01',
      priorSencoMonths: 0,
      qualification: 'npq',
    });
    roles.push({ trustId, personId, role: 'senco', schoolId });
    link(u, personId, email);
  });
  const leaderOf = new Map<string, BenchUser>();
  leaders.forEach((u, i) => {
    const trustId = trustIds[i % trusts]!;
    const personId = randomUUID();
    const email = `${u.slackId.toLowerCase()}@bench.example`;
    persons.push({ id: personId, trustId, name: u.name, email });
    roles.push({ trustId, personId, role: 'send-leader', schoolId: null });
    link(u, personId, email);
    if (!leaderOf.has(trustId)) leaderOf.set(trustId, u);
  });
  for (const u of people.filter((p) => p.kind === 'newcomer')) {
    platforms.emails.set(u.teamsId, `${u.slackId.toLowerCase()}@elsewhere.example`);
    platforms.emails.set(u.slackId, `${u.slackId.toLowerCase()}@elsewhere.example`);
  }
  for (const u of people.filter((p) => p.kind !== 'newcomer')) {
    platforms.emails.set(u.teamsId, `${u.slackId.toLowerCase()}@bench.example`);
    platforms.emails.set(u.slackId, `${u.slackId.toLowerCase()}@bench.example`);
  }
  await db.school.createMany({ data: schools });
  await db.person.createMany({ data: persons });
  await db.roleAssignment.createMany({ data: roles });
  await db.chatIdentity.createMany({ data: identities });
  await openCampaigns(database, [...leaderOf.values()]);
}

/** Each trust's first leader starts a check-in round and a self-evaluation cycle; the invitations go out. */
async function openCampaigns(database: Database, leaders: BenchUser[]): Promise<void> {
  const loaded = loadConfig({ PORT: '1' });
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const bot = await startBot({
    config: { ...loaded.config, port: 0, host: '127.0.0.1' },
    logger: memoryLogger(),
    database,
    scheduler: { cron: false, sleep: async () => undefined },
  });
  const registry = buildRegistry();
  let n = 0;
  const handle = (u: BenchUser, input: { text?: string; action?: { verb: string; data: Record<string, string> } }) =>
    handleEvent(seedEvent(u, ++n, input), registry, bot.deps);
  try {
    for (const leader of leaders) {
      const [preview] = await handle(leader, { text: 'checkin round start' });
      const start = buttonsOf(preview).find((b) => b.verb === 'checkin.round.start');
      if (!start) throw new Error(`no round start button for ${leader.name}: ${preview?.summary}`);
      await handle(leader, { action: { verb: start.verb, data: start.data ?? {} } });
      await handle(leader, { text: 'selfeval start 2026-27' });
    }
    // Opens the rounds and sends the invitations (to the fake platforms), so the load starts
    // with an empty outbox, as on an ordinary afternoon.
    await bot.scheduler.runOnce();
  } finally {
    await bot.stop();
  }
}

function buttonsOf(message: OutboundMessage | undefined) {
  return (message?.blocks ?? []).flatMap((b) => (b.type === 'buttons' ? b.buttons : b.type === 'form' ? [b.submit] : []));
}

function seedEvent(
  u: BenchUser,
  n: number,
  input: { text?: string; action?: { verb: string; data: Record<string, string> } },
): InboundEvent {
  return {
    platform: 'teams',
    deliveryId: `bench-seed-${n}`,
    tenantId: TEAMS_TENANT,
    userId: u.aadObjectId,
    userName: u.name,
    email: null,
    direct: true,
    address: {
      kind: 'reference',
      reference: {
        conversation: { id: teamsConversation(u), tenantId: TEAMS_TENANT, conversationType: 'personal' },
        user: { id: u.teamsId },
      },
    },
    text: input.text ?? null,
    action: input.action ?? null,
    fromBot: false,
  };
}
