import { TeamsInfo, TurnContext, type Activity, type TeamsChannelAccount } from 'botbuilder';
import type { MembersEvent } from '../../src/core/events';
import { tenantOf } from './to-event';

/** Members fetched per page; Teams allows up to 500. */
const PAGE_SIZE = 100;

/**
 * Turns a `conversationUpdate` with `membersAdded` into the accounts to record:
 * - the bot installed for one person (personal scope): that person, with this 1:1 chat;
 * - the bot added to a team or group chat: every member (TeamsInfo.getPagedMembers), each
 *   with a `member` address the sender uses to open a 1:1 chat later;
 * - people joining a team the bot is in: those people.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context
 */
export async function membersFromUpdate(
  context: TurnContext,
  lookupEmail: (id: string) => Promise<string | null>,
): Promise<MembersEvent | null> {
  const activity = context.activity as Activity;
  const added = activity.membersAdded ?? [];
  if (added.length === 0) return null;
  const tenantId = tenantOf(activity);
  const botAdded = added.some((m) => m.id === activity.recipient?.id);
  if (activity.conversation?.conversationType === 'personal' || !activity.conversation?.conversationType) {
    if (!botAdded || !activity.from?.id || activity.from.id === activity.recipient?.id) return null;
    const reference = TurnContext.getConversationReference(activity) as Record<string, unknown>;
    return {
      platform: 'teams',
      tenantId,
      personalInstall: true,
      members: [
        {
          userId: activity.from.aadObjectId ?? activity.from.id,
          name: activity.from.name ?? null,
          email: await lookupEmail(activity.from.id),
          address: { kind: 'reference', reference },
        },
      ],
    };
  }
  const accounts = botAdded
    ? await allMembers(context)
    : await someMembers(
        context,
        added.map((m) => m.id).filter((id) => id !== activity.recipient?.id),
      );
  return {
    platform: 'teams',
    tenantId,
    members: accounts.map((m) => ({
      userId: m.aadObjectId ?? m.id,
      name: m.name ?? null,
      email: m.email ?? m.userPrincipalName ?? null,
      address: { kind: 'member', serviceUrl: activity.serviceUrl, tenantId, memberId: m.id, channelId: activity.channelId },
    })),
  };
}

async function allMembers(context: TurnContext): Promise<TeamsChannelAccount[]> {
  const members: TeamsChannelAccount[] = [];
  let token: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, token);
    members.push(...page.members);
    token = page.continuationToken || undefined;
  } while (token);
  return members;
}

async function someMembers(context: TurnContext, ids: string[]): Promise<TeamsChannelAccount[]> {
  const found = await Promise.all(ids.map((id) => TeamsInfo.getMember(context, id).catch(() => null)));
  return found.filter((m): m is TeamsChannelAccount => m !== null);
}
