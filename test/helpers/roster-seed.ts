import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import type { Role } from '../../src/core/model';
import { PrismaRosterRepo } from '../../src/db/roster-repo';
import base from '../fixtures/teams/personal-message.json';
import type { ChatUser } from './chat';
import type { Harness } from './harness';

export const TEAMS_TENANT = base.conversation.tenantId;

export interface SeededTrust {
  trustId: string;
  schools: Record<string, string>;
  people: Record<string, string>;
}

/**
 * A trust straight into the database: schools by name, people by key with roles (a SENCO's
 * school by name), each linked to their Teams and Slack accounts with addresses that point
 * at the fakes. For tests that start from an existing roster.
 */
export async function seedTrust(
  h: Harness,
  name: string,
  schoolNames: string[],
  people: Record<string, { user: ChatUser; roles: Role[]; school?: string }>,
  options: { link?: boolean } = {},
): Promise<SeededTrust> {
  const trustId = randomUUID();
  const schools = Object.fromEntries(schoolNames.map((s) => [s, randomUUID()]));
  const ids = Object.fromEntries(Object.keys(people).map((k) => [k, randomUUID()]));
  const repo = new PrismaRosterRepo(h.db.prisma, h.bot.deps.clock);
  const written = await repo.write(trustId, {
    trust: { id: trustId, name },
    schools: schoolNames.map((s) => ({
      id: schools[s]!,
      trustId,
      name: s,
      phase: 'primary',
      localAuthority: 'Leeds',
      region: null,
      hasResourceBase: false,
      archived: false,
    })),
    people: Object.entries(people).map(([key, p]) => {
      const schoolId = p.school ? schools[p.school]! : null;
      return {
        id: ids[key]!,
        trustId,
        name: p.user.name,
        email: p.user.email || null,
        schoolId,
        roles: p.roles.map((role) => ({ role, schoolId: role === 'senco' ? schoolId : null })),
        preferredPlatform: null,
        archived: false,
        profile: {
          appointedOn: null,
          priorSencoMonths: null,
          qualification: null,
          qualificationStartedOn: null,
          qualificationCompletedOn: null,
          tags: [],
        },
      };
    }),
    audit: [],
  });
  if (!written.ok) throw new Error(written.error);
  if (options.link !== false) for (const [key, p] of Object.entries(people)) await linkAccounts(h, p.user, ids[key]!);
  return { trustId, schools, people: ids };
}

/** Chat identities for both platforms, with addresses the fakes answer. */
export async function linkAccounts(h: Harness, user: ChatUser, personId: string | null): Promise<void> {
  const teamsRef = {
    kind: 'reference',
    reference: {
      activityId: '1',
      user: { id: user.teams.id, name: user.name, aadObjectId: user.teams.aadObjectId },
      bot: base.recipient,
      conversation: { id: `a:1personal-${user.teams.id}`, conversationType: 'personal', tenantId: TEAMS_TENANT },
      channelId: 'msteams',
      serviceUrl: `${h.teams.url}/`,
    },
  };
  const slackRef = { kind: 'slack-user', teamId: user.slack.teamId, userId: user.slack.id, channel: `D${user.slack.id.replace(/^U/, '')}` };
  const rows = [
    { platform: 'teams', tenantId: TEAMS_TENANT, userId: user.teams.aadObjectId, conversationRef: teamsRef },
    { platform: 'slack', tenantId: user.slack.teamId, userId: user.slack.id, conversationRef: slackRef },
  ];
  for (const row of rows) {
    await h.db.prisma.chatIdentity.create({
      data: {
        ...row,
        conversationRef: row.conversationRef as Prisma.InputJsonValue,
        personId,
        email: user.email || null,
        displayName: user.name,
      },
    });
  }
}
