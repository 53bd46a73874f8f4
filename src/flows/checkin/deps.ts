import type { SchoolCalendar } from '../../calendar';
import type { CheckinRepo } from '../../core/checkin-port';

/**
 * What compliance check-ins need beyond the shared plumbing. Schools, people and contacts
 * come from the roster's services (`deps.roster`).
 */
export interface CheckinDeps {
  repo: CheckinRepo;
  /** The trust's calendar around `now`: its term dates, the default pattern where it has none. */
  calendar(trustId: string, now: Date): Promise<SchoolCalendar>;
}

declare module '../deps' {
  interface FeatureServices {
    /** Compliance check-ins (issue 5). */
    checkin: CheckinDeps;
  }
}
