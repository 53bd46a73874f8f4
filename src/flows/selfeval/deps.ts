import type { SchoolCalendar } from '../../calendar';
import type { SelfEvalRepo } from '../../core/selfeval-port';

/** What self-evaluation needs beyond the shared plumbing (schools and people come from `deps.roster`). */
export interface SelfEvalDeps {
  repo: SelfEvalRepo;
  /** One school's calendar around `now` (its own dates over the trust's), for nudges on school days. */
  schoolCalendar(trustId: string, schoolId: string, now: Date): Promise<SchoolCalendar>;
}

declare module '../deps' {
  interface FeatureServices {
    /** Conversational self-evaluation (issue 13). */
    selfeval: SelfEvalDeps;
  }
}
