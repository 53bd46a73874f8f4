import type { BuddyRepo } from '../../core/buddies-port';

/** What buddying needs beyond the shared plumbing; people and schools come from `deps.roster`. */
export interface BuddiesDeps {
  repo: BuddyRepo;
}

declare module '../deps' {
  interface FeatureServices {
    /** Buddying new SENCOs with experienced ones (issue 12). */
    buddies: BuddiesDeps;
  }
}
