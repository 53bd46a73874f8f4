import type { WebClient } from '@slack/web-api';
import type { ChatDirectory, ChatMember } from '../../src/core/roster-port';
import { slackAddress } from './to-event';

/**
 * Finds roster people in the Slack workspace by email (users.lookupByEmail, needs
 * users:read.email) and opens their DM, so the bot can message them before they write.
 * https://api.slack.com/methods/users.lookupByEmail
 */
export class SlackDirectory implements ChatDirectory {
  readonly platform = 'slack' as const;
  private teamId: string | null = null;

  constructor(private readonly client: WebClient) {}

  async lookupByEmail(email: string): Promise<ChatMember | null> {
    let user:
      { id?: string; team_id?: string; real_name?: string; name?: string; profile?: { email?: string; real_name?: string } } | undefined;
    try {
      user = (await this.client.users.lookupByEmail({ email })).user as typeof user;
    } catch (error) {
      if ((error as { data?: { error?: string } }).data?.error === 'users_not_found') return null;
      throw error;
    }
    if (!user?.id) return null;
    const teamId = user.team_id ?? (await this.workspace());
    // Opening the DM only finds (or creates) the channel; nothing is posted.
    const opened = await this.client.conversations.open({ users: user.id }).catch(() => null);
    return {
      platform: 'slack',
      tenantId: teamId,
      userId: user.id,
      name: user.profile?.real_name ?? user.real_name ?? user.name ?? null,
      email: user.profile?.email?.toLowerCase() ?? email,
      address: slackAddress(teamId, user.id, opened?.channel?.id ?? null),
    };
  }

  private async workspace(): Promise<string> {
    this.teamId ??= String((await this.client.auth.test()).team_id ?? '');
    return this.teamId;
  }
}
