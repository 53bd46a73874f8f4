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
    // Most messages come from someone already known with nothing new to record: read, and
    // write only what changed (or `lastSeenAt`, at most once a minute), so a message does not
    // cost a write and its commit.
    const known = await this.db.chatIdentity.findUnique({ where, select: knownSelect });
    if (known) {
      const changes = changesOf(known, input, email, now);
      if (changes) await this.db.chatIdentity.update({ where: { id: known.id }, data: changes });
      const personId = known.personId ?? (await this.linkByEmail(known.id, email ?? known.email));
      return this.actorFor(input, personId);
    }
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

/** How often `lastSeenAt` is rewritten for someone whose identity is otherwise unchanged. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

const knownSelect = {
  id: true,
  personId: true,
  email: true,
  displayName: true,
  conversationRef: true,
  unreachableAt: true,
  lastSeenAt: true,
} as const;

type Known = Prisma.ChatIdentityGetPayload<{ select: typeof knownSelect }>;

/**
 * What a message changes in a known identity (as the upsert wrote it: name, email, reachable
 * again, the address of a 1:1 chat, last seen), or null when nothing worth a write has. A
 * Teams reference names the message it came from (`activityId`); a new one alone is no change,
 * but it is written with anything else.
 */
function changesOf(known: Known, input: ResolveInput, email: string | null, now: Date): Prisma.ChatIdentityUpdateInput | null {
  const changes: Prisma.ChatIdentityUpdateInput = {};
  if (known.displayName !== input.userName) changes.displayName = input.userName;
  if (email && known.email !== email) changes.email = email;
  if (known.unreachableAt) changes.unreachableAt = null;
  const moved = input.direct && !sameAddress(known.conversationRef, input.address);
  const stale = now.getTime() - known.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
  if (!stale && !moved && Object.keys(changes).length === 0) return null;
  // Written anyway: the 1:1 address as it came, as the upsert always did.
  return { ...changes, ...(input.direct ? { conversationRef: input.address as Prisma.InputJsonValue } : {}), lastSeenAt: now };
}

function sameAddress(stored: Prisma.JsonValue, address: unknown): boolean {
  return equalJson(withoutActivityId(stored), withoutActivityId(JSON.parse(JSON.stringify(address ?? null)) as unknown));
}

function withoutActivityId(address: unknown): unknown {
  const reference = (address as { reference?: unknown } | null)?.reference;
  if (!reference || typeof reference !== 'object') return address;
  const { activityId: _activityId, ...rest } = reference as Record<string, unknown>;
  return { ...(address as object), reference: rest };
}

/** Deep equality of JSON values, key order aside (jsonb stores keys in its own order). */
function equalJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => equalJson(x, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => equalJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
