import type { SchoolCalendar } from '../../calendar';
import type { MeetingsRepo } from '../../core/meetings-port';

/** What network meetings need beyond the shared plumbing (schools and people come from `deps.roster`). */
export interface MeetingsDeps {
  repo: MeetingsRepo;
  /** One school's calendar around `now` (its own term dates over the trust's; the default pattern where none). */
  schoolCalendar(trustId: string, schoolId: string | null, now: Date): Promise<SchoolCalendar>;
  /** Base URL of the bot as people reach it (PUBLIC_URL), for calendar subscription links. */
  publicUrl(): string;
}

declare module '../deps' {
  interface FeatureServices {
    /** Termly SENCO network meetings (issue 11). */
    meetings: MeetingsDeps;
  }
}
