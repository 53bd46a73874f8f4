/**
 * The checklist a round asks when it opens: the trust's latest version, first moved to the
 * newest shipped default if it is still on an older one (issue 19: a trust on v1 moves to v2 at
 * its next round). The move is stored as a new version, so history keeps v1.
 */
import type { Checklist } from '../../core/checkin/model';
import { upgradeChecklist } from '../../core/checkin/upgrade';
import type { CheckinRepo } from '../../core/checkin-port';

export async function checklistInForce(repo: CheckinRepo, trustId: string): Promise<Checklist> {
  // A conflict means another replica (or a leader's change) stored that version first: read again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await repo.checklist(trustId);
    const next = upgradeChecklist(current);
    if (!next) return current;
    if ((await repo.saveChecklist(trustId, next, null)).ok) return next;
  }
  return repo.checklist(trustId);
}
