import type { BulletinRepo } from '../../core/bulletin';

/** What bulletins need beyond the shared plumbing (schools, people and contacts come from `deps.roster`). */
export interface BulletinDeps {
  repo: BulletinRepo;
}

declare module '../deps' {
  interface FeatureServices {
    /** Bulletins from the MAT SEND leader (issue 14). */
    bulletins: BulletinDeps;
  }
}
