import type { DigestRepo } from '../../core/digest-port';

/** What the weekly digest needs beyond the shared plumbing (the check-in's services give its facts and calendar). */
export interface DigestDeps {
  repo: DigestRepo;
}

declare module '../deps' {
  interface FeatureServices {
    /** The weekly digest for trust leaders (issue 15). */
    digest: DigestDeps;
  }
}
