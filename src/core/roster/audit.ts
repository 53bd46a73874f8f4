import type { Actor } from '../model';
import type { AuditEntryInput } from '../ports';

/**
 * Audit entries name people and schools by id only, never by name or email, so erasing a
 * person leaves nothing personal behind in the log (docs/data-and-privacy.md).
 */
export function audit(
  actor: Pick<Actor, 'personId' | 'trustId'>,
  action: string,
  subject: string | null,
  details?: Record<string, unknown>,
): AuditEntryInput {
  return { trustId: actor.trustId, actorId: actor.personId, action, subject, ...(details ? { details } : {}) };
}
