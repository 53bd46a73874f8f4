/**
 * Termly SENCO network meetings as the rest of the bot sees them: a series (what, for whom, how
 * often) and its occurrences (one concrete date each). Plain data; the date rules live in
 * src/meetings, the storage in src/db.
 */

export type MeetingMode = 'online' | 'in-person' | 'hybrid';

export type RsvpAnswer = 'going' | 'not-going' | 'maybe';

export type OccurrenceStatus = 'scheduled' | 'cancelled';

export interface MeetingSeries {
  id: string;
  trustId: string;
  title: string;
  /** 1 or 2 meetings in each term. */
  perTerm: 1 | 2;
  /** 0 = Sunday ... 6 = Saturday (only Monday to Friday are accepted). */
  weekday: number;
  /** London wall-clock start, 'HH:mm'. */
  time: string;
  durationMinutes: number;
  mode: MeetingMode;
  venue: string | null;
  joinUrl: string | null;
  /** Roster school ids invited (the audience, resolved when the series was created). */
  schoolIds: string[];
  /** Person id of the leader who organises it. */
  leaderId: string;
  /** Academic year label, e.g. '2026-27'. */
  yearLabel: string;
  cancelled: boolean;
}

export interface MeetingOccurrence {
  id: string;
  seriesId: string;
  /** Stable key within the series, e.g. '2026-27/autumn/1'. */
  key: string;
  /** London calendar date 'YYYY-MM-DD'. */
  date: string;
  /** London wall-clock start 'HH:mm'. */
  time: string;
  durationMinutes: number;
  startsAt: Date;
  endsAt: Date;
  status: OccurrenceStatus;
  /** iCalendar SEQUENCE: 0 when first sent, raised by one on every change (move, cancel). */
  sequence: number;
  /** Audience schools not in school that day (empty when everyone can come). */
  schoolsOff: string[];
}

export interface RsvpCounts {
  going: number;
  notGoing: number;
  maybe: number;
  noAnswer: number;
}
