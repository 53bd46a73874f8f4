import type { OccurrenceWithSeries, WriteOutcome } from './meetings-port';

/**
 * Storage of a network meeting's agenda as the leader sets it (issue 11, item 4), beside the
 * topics and votes of `MeetingsRepo`. Every call names the trust: another trust's id reads as
 * "not found" and writes nothing.
 */

export interface StrengthSlot {
  schoolId: string;
  presenterId: string;
  /** What the school presents, in its own words; null when the leader left it blank. */
  title: string | null;
}

export interface MeetingAgenda {
  occurrenceId: string;
  /** Topic ids in the order they are discussed. */
  topicIds: string[];
  strength: StrengthSlot | null;
  /** 1 when first set, raised by one on every change. */
  version: number;
  setBy: string;
  setAt: Date;
  /** When it went out to the audience; null until then. */
  sentAt: Date | null;
}

export interface AgendaInput {
  topicIds: readonly string[];
  strength: StrengthSlot | null;
}

export interface MeetingAgendaRepo {
  getAgenda(trustId: string, occurrenceId: string): Promise<MeetingAgenda | null>;
  /** Sets the agenda; the same agenda again is 'unchanged' (version kept), a different one raises the version. */
  setAgenda(
    trustId: string,
    occurrenceId: string,
    input: AgendaInput,
    by: string,
    at: Date,
  ): Promise<{ outcome: WriteOutcome; agenda: MeetingAgenda | null }>;
  /** Marks the agenda as sent; true only for the call that marked it (two replicas: one wins). */
  markAgendaSent(trustId: string, occurrenceId: string, at: Date): Promise<boolean>;
  /** Ids of the topics of this meeting the person voted for. */
  votesOf(trustId: string, occurrenceId: string, personId: string): Promise<Set<string>>;
  /** Occurrences of the trust's series (cancelled ones too) starting in `from <= startsAt < to`, earliest first. */
  occurrencesBetween(trustId: string, from: Date, to: Date): Promise<OccurrenceWithSeries[]>;
}
