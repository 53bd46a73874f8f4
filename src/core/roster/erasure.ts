import type { Actor } from '../model';
import { isLeader } from '../permissions';
import { fail, ok, type Result } from '../result';
import type { ApprovalRepo, ApprovalRequest, PrivacyRepo, RosterRepo } from '../roster-port';
import { audit } from './audit';

type Ports = { repo: RosterRepo; approvals: ApprovalRepo; privacy: PrivacyRepo };

/** A person asks for their personal data to be erased; a SEND leader confirms. */
export async function requestErasure(
  ports: Ports,
  actor: Actor,
): Promise<Result<{ request: ApprovalRequest; isNew: boolean }, 'unlinked'>> {
  if (!actor.personId || !actor.trustId) return fail('unlinked');
  const pending = await ports.approvals.pendingErasure(actor.trustId, actor.personId);
  if (pending) return ok({ request: pending, isNew: false });
  const request = await ports.approvals.create({
    trustId: actor.trustId,
    kind: 'erase',
    identityId: null,
    personId: actor.personId,
    details: null,
  });
  if (!request) {
    // Another press won the race: answer as a repeat, without a second notice or audit row.
    const existing = await ports.approvals.pendingErasure(actor.trustId, actor.personId);
    if (existing) return ok({ request: existing, isNew: false });
    return fail('unlinked');
  }
  await ports.repo.write(actor.trustId, { audit: [audit(actor, 'erase.request', actor.personId)] });
  return ok({ request, isNew: true });
}

export type EraseError = 'forbidden' | 'not-found' | 'already-decided' | 'own-request';

/**
 * Confirms or refuses an erasure. A leader may not confirm their own unless nobody else can
 * (no other SEND leader or admin), so one person cannot quietly remove the trust's lead.
 */
export async function decideErasure(
  ports: Ports,
  actor: Actor,
  requestId: string,
  approve: boolean,
): Promise<Result<{ personId: string }, EraseError>> {
  if (!isLeader(actor) || !actor.trustId) return fail('forbidden');
  const trustId = actor.trustId;
  const request = await ports.approvals.get(trustId, requestId);
  if (!request || request.kind !== 'erase' || !request.personId) return fail('not-found');
  if (request.status !== 'pending') return fail('already-decided');
  if (request.personId === actor.personId) {
    const others = (await ports.repo.listPeople(trustId)).filter(
      (p) => p.id !== actor.personId && p.roles.some((r) => r.role === 'send-leader' || r.role === 'admin'),
    );
    if (others.length > 0) return fail('own-request');
  }
  if (!approve) {
    const written = await ports.repo.write(trustId, {
      decide: { requestId, status: 'rejected', deciderId: actor.personId },
      audit: [audit(actor, 'erase.reject', request.personId)],
    });
    return written.ok ? ok({ personId: request.personId }) : fail('already-decided');
  }
  const erased = await ports.privacy.erase(trustId, request.personId, { requestId, deciderId: actor.personId }, [
    audit(actor, 'person.erase', request.personId),
  ]);
  return erased.ok ? ok({ personId: request.personId }) : fail('already-decided');
}
