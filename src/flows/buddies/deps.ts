import type { SchoolCalendar } from '../../calendar';
import type { BuddyRepo } from '../../core/buddies-port';

/** What buddying needs beyond the shared plumbing; people and schools come from `deps.roster`. */
export interface BuddiesDeps {
  repo: BuddyRepo;
  /** The trust's calendar around `now` (term dates, else the default pattern): follow-ups go on school days. */
  calendar(trustId: string, now: Date): Promise<SchoolCalendar>;
}

declare module '../deps' {
  interface FeatureServices {
    /** Buddying new SENCOs with experienced ones (issue 12). */
    buddies: BuddiesDeps;
  }
}
