import type { Prisma } from '@prisma/client';
import type { InboundEvent } from '../core/events';
import type { Actor, Role } from '../core/model';
import type { Clock, IdentityRepo } from '../core/ports';
import type { Db } from './database';

type ResolveInput = Pick<InboundEvent, 'platform' | 'tenantId' | 'userId' | 'userName' | 'email' | 'address' | 'direct'>;

/**
 * Chat identities in the database. Records every identity on contact (with its latest
 * conversation reference, for proactive messages) and links it to a roster person by email.
 */
export class PrismaIdentityRepo implements IdentityRepo {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async resolve(input: ResolveInput): Promise<Actor> {
    const email = input.email?.trim().toLowerCase() || null;
    const where = { platform_tenantId_userId: { platform: input.platform, tenantId: input.tenantId, userId: input.userId } };
    const address = { conversationRef: input.address as Prisma.InputJsonValue };
    const now = this.clock.now();
    const data = {
      displayName: input.userName,
      lastSeenAt: now,
      unreachableAt: null,
      ...(email ? { email } : {}),
    };
    // A 1:1 chat's address beats one seen in a channel (an @mention): keep the direct one, so
    // proactive messages continue the existing chat instead of opening another.
    const identity = await this.db.chatIdentity.upsert({
      where,
      create: { platform: input.platform, tenantId: input.tenantId, userId: input.userId, ...data, ...address, createdAt: now },
      update: input.direct ? { ...data, ...address } : data,
      select: { id: true, personId: true, email: true },
    });
    const personId = identity.personId ?? (await this.linkByEmail(identity.id, identity.email));
    return this.actorFor(input, personId);
  }

  /** Links an unlinked identity to the one live person with that email, if there is one. */
  private async linkByEmail(identityId: string, email: string | null): Promise<string | null> {
    if (!email) return null;
    const people = await this.db.person.findMany({
      where: { email, erasedAt: null, archivedAt: null },
      select: { id: true },
      take: 2,
    });
    if (people.length !== 1 || !people[0]) return null;
    await this.db.chatIdentity.update({ where: { id: identityId }, data: { personId: people[0].id } });
    return people[0].id;
  }

  private async actorFor(input: ResolveInput, personId: string | null): Promise<Actor> {
    const base = { platform: input.platform, tenantId: input.tenantId, userId: input.userId, displayName: input.userName };
    if (!personId) return { ...base, personId: null, trustId: null, roles: [] };
    const person = await this.db.person.findUnique({
      where: { id: personId },
      select: { trustId: true, erasedAt: true, archivedAt: true, roles: { select: { role: true, schoolId: true } } },
    });
    if (!person || person.erasedAt || person.archivedAt) return { ...base, personId: null, trustId: null, roles: [] };
    return {
      ...base,
      personId,
      trustId: person.trustId,
      roles: person.roles.map((r) => ({ role: r.role as Role, schoolId: r.schoolId })),
    };
  }
}
