import { randomUUID } from 'node:crypto';
import type { Actor, Person, Role } from '../model';
import { isLeader } from '../permissions';
import { fail, ok, type Result } from '../result';
import type { ApprovalRepo, ApprovalRequest, IdentityLinks, JoinDetails, RosterRepo } from '../roster-port';
import { audit } from './audit';
import { EMPTY_PROFILE, grantsFor, toRecord } from './save-person';

/** Roles a stranger may ask for; admin is only ever given by a leader. */
export const JOINABLE_ROLES: readonly Role[] = ['senco', 'send-leader', 'trust-leader'];

type Ports = { repo: RosterRepo; identities: IdentityLinks; approvals: ApprovalRepo };

export type JoinError = 'already-linked' | 'already-pending' | 'unknown-identity' | 'unknown-school' | 'school-required' | 'bad-role';

/** Someone not on the roster asks to join a trust; a SEND leader approves with one tap. */
export async function requestToJoin(
  ports: Ports,
  who: Pick<Actor, 'platform' | 'tenantId' | 'userId'>,
  trustId: string,
  details: JoinDetails,
): Promise<Result<ApprovalRequest, JoinError>> {
  const identity = await ports.identities.find(who.platform, who.tenantId, who.userId);
  if (!identity) return fail('unknown-identity');
  if (identity.personId) return fail('already-linked');
  if (await ports.approvals.pendingForIdentity(identity.id)) return fail('already-pending');
  if (!JOINABLE_ROLES.includes(details.role)) return fail('bad-role');
  if (details.role === 'senco' && !details.schoolId) return fail('school-required');
  if (details.schoolId) {
    const school = await ports.repo.getSchool(trustId, details.schoolId);
    if (!school || school.archived) return fail('unknown-school');
  }
  const request = await ports.approvals.create({ trustId, kind: 'join', identityId: identity.id, personId: null, details });
  // Null: a parallel press already filed the same request.
  return request ? ok(request) : fail('already-pending');
}

export type DecideError = 'forbidden' | 'not-found' | 'already-decided' | 'identity-gone' | 'archived' | 'conflict';

/**
 * A leader approves or rejects a join request. Approval links the chat account to the person
 * with the typed email (if the trust has one) or adds a new person with the requested role.
 */
export async function decideJoin(
  ports: Ports,
  actor: Actor,
  requestId: string,
  approve: boolean,
): Promise<Result<{ request: ApprovalRequest; person: Person | null }, DecideError>> {
  if (!isLeader(actor) || !actor.trustId) return fail('forbidden');
  const trustId = actor.trustId;
  const request = await ports.approvals.get(trustId, requestId);
  if (!request || request.kind !== 'join') return fail('not-found');
  if (request.status !== 'pending') return fail('already-decided');
  if (!approve) {
    const written = await ports.repo.write(trustId, {
      decide: { requestId, status: 'rejected', deciderId: actor.personId },
      audit: [audit(actor, 'join.reject', requestId)],
    });
    return written.ok ? ok({ request, person: null }) : fail('already-decided');
  }
  const identity = request.identityId ? await ports.identities.getById(request.identityId) : null;
  const details = request.details;
  if (!identity || !details) return fail('identity-gone');
  const existing = details.email ? await ports.repo.findPersonByEmail(trustId, details.email) : null;
  if (existing?.archived) return fail('archived');
  const person: Person = existing ?? {
    id: randomUUID(),
    trustId,
    name: details.name,
    email: details.email,
    schoolId: details.schoolId,
    roles: grantsFor([details.role], details.schoolId),
    preferredPlatform: identity.platform,
    profile: EMPTY_PROFILE,
    archived: false,
    erased: false,
  };
  const written = await ports.repo.write(trustId, {
    people: existing ? [] : [toRecord(person)],
    links: [{ identityId: identity.id, personId: person.id }],
    decide: { requestId, status: 'approved', deciderId: actor.personId },
    audit: [
      audit(actor, 'join.approve', requestId, { person: person.id, existing: Boolean(existing) }),
      ...(existing ? [] : [audit(actor, 'person.add', person.id, { roles: [details.role], via: 'join' })]),
      audit(actor, 'identity.link', person.id, { platform: identity.platform }),
    ],
  });
  if (!written.ok) return fail(written.error === 'conflict' ? 'already-decided' : 'conflict');
  return ok({ request, person });
}
