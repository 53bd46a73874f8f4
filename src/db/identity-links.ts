import type { Prisma } from '@prisma/client';
import type { ConversationAddress } from '../core/events';
import type { Platform } from '../core/model';
import type { Clock } from '../core/ports';
import type { ChatMember, Contact, IdentityLinks, IdentityRecord } from '../core/roster-port';
import type { Db } from './database';

const identitySelect = { id: true, platform: true, tenantId: true, userId: true, personId: true, email: true, displayName: true } as const;

/**
 * Chat identities seen at install time or found by a directory lookup, and who they belong
 * to. A 1:1 conversation reference (Teams personal chat, Slack DM channel) is the best
 * address we can hold, so a member address from a team roster never replaces it.
 */
export class PrismaIdentityLinks implements IdentityLinks {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async recordMembers(members: ChatMember[]): Promise<{ recorded: number; linked: number }> {
    let linked = 0;
    for (const member of members) {
      const email = member.email?.trim().toLowerCase() || null;
      const where = { platform_tenantId_userId: { platform: member.platform, tenantId: member.tenantId, userId: member.userId } };
      const existing = await this.db.chatIdentity.findUnique({ where, select: { id: true, personId: true, conversationRef: true } });
      const keepRef = existing && isDirect(existing.conversationRef as ConversationAddress | null) && !isDirect(member.address);
      const data = {
        ...(member.name ? { displayName: member.name } : {}),
        ...(email ? { email } : {}),
        ...(keepRef ? {} : { conversationRef: member.address as Prisma.InputJsonValue, unreachableAt: null }),
      };
      const identity = existing
        ? await this.db.chatIdentity.update({ where: { id: existing.id }, data, select: { id: true, personId: true } })
        : await this.db.chatIdentity.create({
            // First seen now (by the injected clock); "last seen" starts there too.
            data: { platform: member.platform, tenantId: member.tenantId, userId: member.userId, ...data, ...this.firstSeen() },
            select: { id: true, personId: true },
          });
      let personId = identity.personId;
      if (!personId && email) {
        const people = await this.db.person.findMany({ where: { email, erasedAt: null, archivedAt: null }, select: { id: true }, take: 2 });
        if (people.length === 1) {
          personId = people[0]!.id;
          await this.db.chatIdentity.update({ where: { id: identity.id }, data: { personId } });
        }
      }
      if (personId) linked++;
    }
    return { recorded: members.length, linked };
  }

  private firstSeen(): { createdAt: Date; lastSeenAt: Date } {
    const now = this.clock.now();
    return { createdAt: now, lastSeenAt: now };
  }

  async find(platform: Platform, tenantId: string, userId: string): Promise<IdentityRecord | null> {
    const row = await this.db.chatIdentity.findUnique({
      where: { platform_tenantId_userId: { platform, tenantId, userId } },
      select: identitySelect,
    });
    return row ? toRecord(row) : null;
  }

  async getById(id: string): Promise<IdentityRecord | null> {
    const row = await this.db.chatIdentity.findUnique({ where: { id }, select: identitySelect });
    return row ? toRecord(row) : null;
  }

  async contacts(trustId: string, personIds?: string[]): Promise<Contact[]> {
    const rows = await this.db.chatIdentity.findMany({
      where: { person: { trustId, erasedAt: null }, ...(personIds ? { personId: { in: personIds } } : {}) },
      select: { personId: true, platform: true, conversationRef: true, unreachableAt: true },
      orderBy: { lastSeenAt: 'desc' },
    });
    return rows
      .filter((r) => r.personId && r.conversationRef)
      .map((r) => ({
        personId: r.personId!,
        platform: r.platform as Platform,
        address: r.conversationRef as ConversationAddress,
        reachable: r.unreachableAt === null,
      }));
  }

  async linkedPeople(trustId: string, personIds: readonly string[]): Promise<string[]> {
    if (personIds.length === 0) return [];
    const rows = await this.db.chatIdentity.findMany({
      where: { personId: { in: [...personIds] }, person: { trustId, erasedAt: null } },
      select: { personId: true },
      distinct: ['personId'],
    });
    return rows.map((r) => r.personId).filter((id): id is string => id !== null);
  }

  async trustsOfTenant(platform: Platform, tenantId: string): Promise<string[]> {
    const rows = await this.db.person.findMany({
      where: { erasedAt: null, identities: { some: { platform, tenantId } } },
      select: { trustId: true },
      distinct: ['trustId'],
    });
    return rows.map((r) => r.trustId);
  }
}

/** A Teams 1:1 conversation reference or a Slack DM channel. */
function isDirect(address: ConversationAddress | null): boolean {
  if (!address) return false;
  return address.kind === 'reference' || (address.kind === 'slack-user' && typeof address.channel === 'string');
}

function toRecord(row: {
  id: string;
  platform: string;
  tenantId: string;
  userId: string;
  personId: string | null;
  email: string | null;
  displayName: string | null;
}): IdentityRecord {
  return { ...row, platform: row.platform as Platform };
}
