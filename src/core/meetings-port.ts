import type { MeetingMode, MeetingOccurrence, MeetingSeries, RsvpAnswer } from './meetings/model';

/**
 * Storage for network meetings (issue 11). Every call names the trust: an id from another trust
 * reads as "not found" and writes nothing. Which dates are allowed, who is invited and what the
 * cards say are decided elsewhere (src/meetings, flows); this only keeps the rows.
 */

export interface NewSeries {
  trustId: string;
  title: string;
  perTerm: 1 | 2;
  weekday: number;
  time: string;
  durationMinutes: number;
  mode: MeetingMode;
  venue: string | null;
  joinUrl: string | null;
  schoolIds: readonly string[];
  leaderId: string;
  yearLabel: string;
}

export interface NewOccurrence {
  key: string;
  date: string;
  time: string;
  durationMinutes: number;
  startsAt: Date;
  endsAt: Date;
  schoolsOff: readonly string[];
}

/** What a leader may change on a live series without moving its dates. */
export interface SeriesDetailsChange {
  title: string;
  mode: MeetingMode;
  venue: string | null;
  joinUrl: string | null;
}

export type ChangeOutcome =
  | 'updated'
  /** The stored row already has this sequence: the same change arrived twice. */
  | 'unchanged'
  /** Someone else changed it first (stored sequence is not the one before this change). */
  | 'stale'
  | 'not-found';

export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'not-found';

export interface Rsvp {
  personId: string;
  answer: RsvpAnswer | null;
  attended: boolean;
}

export interface AgendaTopic {
  id: string;
  occurrenceId: string;
  text: string;
  proposedBy: string | null;
  slot: 'discussion' | 'school-strength' | null;
  votes: number;
}

export interface MeetingNotes {
  occurrenceId: string;
  notes: string;
  actions: string[];
  postedBy: string;
  postedAt: Date;
}

/** An occurrence with its series, as the feed and the "meetings" list need them. */
export interface OccurrenceWithSeries {
  occurrence: MeetingOccurrence;
  series: MeetingSeries;
}

export interface FeedOwner {
  trustId: string;
  personId: string;
}

export interface MeetingsRepo {
  /** Creates the series and its occurrences (sequence 0) together. */
  createSeries(
    series: NewSeries,
    occurrences: readonly NewOccurrence[],
    at: Date,
  ): Promise<{ series: MeetingSeries; occurrences: MeetingOccurrence[] }>;
  getSeries(trustId: string, seriesId: string): Promise<MeetingSeries | null>;
  /** Marks the series cancelled; its occurrences are cancelled one by one with saveOccurrence. */
  cancelSeries(trustId: string, seriesId: string, at: Date): Promise<'updated' | 'unchanged' | 'not-found'>;
  /**
   * Sets the title, mode, venue and link of a live series, compare-and-set on the values read:
   * 'unchanged' when it already has them (a double press), 'stale' when another edit won,
   * 'not-found' for another trust's or a cancelled series.
   */
  updateSeriesDetails(
    trustId: string,
    seriesId: string,
    details: SeriesDetailsChange,
  ): Promise<'updated' | 'unchanged' | 'stale' | 'not-found'>;
  listOccurrences(trustId: string, seriesId: string): Promise<MeetingOccurrence[]>;
  getOccurrence(trustId: string, occurrenceId: string): Promise<OccurrenceWithSeries | null>;
  /**
   * Stores a changed occurrence (from core/meetings/changes.ts) only if the stored sequence is
   * the one just before it: two leaders moving the same meeting at once cannot both win.
   */
  saveOccurrence(trustId: string, next: MeetingOccurrence, at: Date): Promise<ChangeOutcome>;
  /** Occurrences of series whose audience includes the person's current school, or which they lead. */
  occurrencesFor(trustId: string, personId: string): Promise<OccurrenceWithSeries[]>;
  /** Scheduled occurrences of live series, of every trust, starting in `from < startsAt <= upTo` (reminders, late invitations). */
  upcomingOccurrences(from: Date, upTo: Date): Promise<OccurrenceWithSeries[]>;

  setRsvp(trustId: string, occurrenceId: string, personId: string, answer: RsvpAnswer, at: Date): Promise<WriteOutcome>;
  markAttended(trustId: string, occurrenceId: string, personId: string, at: Date): Promise<WriteOutcome>;
  listRsvps(trustId: string, occurrenceId: string): Promise<Rsvp[]>;

  /** Adds a topic; the same words (ignoring case and spacing) return the existing topic. */
  addTopic(
    trustId: string,
    occurrenceId: string,
    text: string,
    personId: string | null,
    at: Date,
  ): Promise<{ topic: AgendaTopic; created: boolean } | null>;
  vote(trustId: string, topicId: string, personId: string, at: Date): Promise<WriteOutcome>;
  setTopicSlot(trustId: string, topicId: string, slot: AgendaTopic['slot']): Promise<WriteOutcome>;
  listTopics(trustId: string, occurrenceId: string): Promise<AgendaTopic[]>;

  saveNotes(
    trustId: string,
    occurrenceId: string,
    notes: { notes: string; actions: readonly string[] },
    postedBy: string,
    at: Date,
  ): Promise<WriteOutcome>;
  getNotes(trustId: string, occurrenceId: string): Promise<MeetingNotes | null>;

  /** Stores a new feed token's hash and revokes the person's earlier tokens. */
  issueFeedToken(owner: FeedOwner, tokenHash: string, at: Date): Promise<void>;
  /** Revokes every live token of the person; returns how many were live. */
  revokeFeedTokens(owner: FeedOwner, at: Date): Promise<number>;
  /** The owner of a live token; null for unknown or revoked ones. */
  findFeedToken(tokenHash: string): Promise<FeedOwner | null>;
}
