import type { BulletinRepo } from '../../core/bulletin';
import type { CalendarOf } from '../campaigns/kind';

/** What bulletins need beyond the shared plumbing (schools, people and contacts come from `deps.roster`). */
export interface BulletinDeps {
  repo: BulletinRepo;
  /** The trust's school calendar: the automatic reminder goes on a school day. */
  calendar: CalendarOf;
}

declare module '../deps' {
  interface FeatureServices {
    /** Bulletins from the MAT SEND leader (issue 14). */
    bulletins: BulletinDeps;
  }
}
