/**
 * A person's say over nudges: snooze one kind for a while, or pause them all until a date.
 * The scheduler reads these at send time, so a snooze set after a nudge was queued still
 * holds it.
 */

/** Snoozing this kind snoozes every kind of nudge. */
export const ALL_NUDGES = '*';

/** What may hold one nudge for one person, and where the person's school days come from. */
export interface NudgeHolds {
  trustId: string;
  /** Null for trust-wide people (a MAT SEND leader): the trust's own calendar applies. */
  schoolId: string | null;
  pausedUntil: Date | null;
  /** The later of the snooze of this kind and the snooze of every kind. */
  snoozedUntil: Date | null;
  /** The person's school's own day, if it has one set (else the default school hours). */
  schoolHours?: { start: string; end: string } | null;
}

export interface NudgePreferences {
  /** Holds nudges of `kind` (or ALL_NUDGES) until `until`; replaces an earlier snooze of it. */
  snooze(personId: string, kind: string, until: Date): Promise<void>;
  /** Holds every nudge until `until`. */
  pause(personId: string, until: Date): Promise<void>;
  /** Clears the pause and every snooze; reports what was in force at `now`. */
  resume(personId: string, now: Date): Promise<{ wasPaused: boolean; snoozesCleared: number }>;
  /** Null when the person is no longer on the roster (archived or erased): do not nudge. */
  holdsFor(personId: string, kind: string): Promise<NudgeHolds | null>;
}

/** "Is this a school day for this school?" (a SchoolCalendar answers it). */
export interface SchoolDays {
  /** `date` is a London date 'YYYY-MM-DD'. */
  isSchoolDay(date: string): boolean;
}

/** Each school's calendar: the trust's term dates with the school's overrides. */
export interface SchoolDaysSource {
  forSchool(trustId: string, schoolId: string | null): Promise<SchoolDays>;
}

/** Term dates as stored: validated and completed by whoever builds the calendar from them. */
export interface StoredTermDates {
  /** The trust's academic years (AcademicYear JSON, see src/calendar/term-dates.ts). */
  trustYears: unknown[];
  /** The school's own years, each replacing the trust year with the same label. */
  schoolYears: unknown[];
  /** Bank holidays loaded from the gov.uk feed on top of the shipped list. */
  extraBankHolidays: string[];
}

export interface TermDatesStore {
  load(trustId: string, schoolId: string | null): Promise<StoredTermDates>;
  /** Saves one academic year (AcademicYear JSON, already validated) for the trust or one school. */
  save(trustId: string, schoolId: string | null, label: string, year: unknown): Promise<void>;
}
