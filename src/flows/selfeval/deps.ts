import type { SelfEvalRepo } from '../../core/selfeval-port';

/** What self-evaluation needs beyond the shared plumbing (schools and people come from `deps.roster`). */
export interface SelfEvalDeps {
  repo: SelfEvalRepo;
}

declare module '../deps' {
  interface FeatureServices {
    /** Conversational self-evaluation (issue 13). */
    selfeval: SelfEvalDeps;
  }
}
