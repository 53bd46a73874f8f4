import type { Cadence, CheckinAnswer, CheckinRound, Checklist, FollowUp, PastAnswer, RoundPeriod, SchoolCheckin } from './checkin/model';
import type { Result } from './result';

/**
 * Storage for compliance check-ins (issue 5). Every read and write names the trust: an id of
 * another trust reads as "not found" and writes nothing. Rules (what is due, who may answer)
 * live in src/core/checkin and src/flows/checkin, never in the implementation.
 */

export interface CheckinSettings {
  cadence: Cadence;
  /** Weekly rule text rounds open at ("Tuesdays at 15:45"); null = the default. */
  rule: string | null;
}

export interface NewRound {
  trustId: string;
  period: RoundPeriod;
  cadence: Cadence;
  opensAt: Date;
  closesAt: Date;
  rule: string | null;
  createdBy: string | null;
}

export interface NewSchoolCheckin {
  schoolId: string;
  sencoIds: readonly string[];
  itemIds: readonly string[];
  prefill: SchoolCheckin['prefill'];
}

export type SaveAnswerOutcome =
  /** First answer to this item in this check-in. */
  | 'created'
  /** A different answer replaced the earlier one (editable until the round closes). */
  | 'updated'
  /** The same answer again (a card pressed twice): nothing changed. */
  | 'unchanged';

export type SaveAnswerError = 'not-found' | 'closed';

/** A check-in with its round, as answering needs it. */
export interface CheckinWithRound {
  checkin: SchoolCheckin;
  round: CheckinRound;
}

export interface CheckinRepo {
  /** The trust's latest checklist (the shipped checklist-v1 until the trust changes it). */
  checklist(trustId: string): Promise<Checklist>;
  /** One version; version 1 is the shipped default when the trust has not stored it. */
  checklistVersion(trustId: string, version: number): Promise<Checklist | null>;
  /** Stores a new version; 'conflict' when that version number exists (a concurrent change). */
  saveChecklist(trustId: string, checklist: Checklist, createdBy: string | null): Promise<Result<void, 'conflict'>>;

  settings(trustId: string): Promise<CheckinSettings>;
  saveSettings(trustId: string, settings: CheckinSettings): Promise<void>;

  /**
   * Creates a round for the period, status 'scheduled', with the checklist version in force
   * (version 1 is stored on first use). 'exists' when the trust has a round for that period.
   */
  createRound(round: NewRound): Promise<Result<CheckinRound, 'exists'>>;
  /**
   * scheduled -> open with one check-in per school, in one transaction, asking the checklist
   * version in force now (a change made after the round was planned applies). False when the
   * round was not scheduled (already opened by another replica or tap): nothing is written.
   */
  openRound(trustId: string, roundId: string, checklistVersion: number, checkins: readonly NewSchoolCheckin[], at: Date): Promise<boolean>;
  /** open -> closed; false when it was not open. */
  /** `by`: the person who closed it (null at its closing time). */
  closeRound(trustId: string, roundId: string, at: Date, by?: string | null): Promise<boolean>;
  /** A scheduled round that has not opened can be dropped; false otherwise. */
  cancelRound(trustId: string, roundId: string): Promise<boolean>;
  getRound(trustId: string, roundId: string): Promise<CheckinRound | null>;
  /** The trust's rounds, newest period first. */
  listRounds(trustId: string, limit: number): Promise<CheckinRound[]>;
  /**
   * Rounds (all trusts) whose opening ('open': scheduled or open) or closing ('close': open or
   * closed) falls in `from < t <= upTo`. Rounds already past that step are included so a run
   * that died half-way is finished by its retry (the work is idempotent).
   */
  roundsDue(event: 'open' | 'close', from: Date, upTo: Date): Promise<CheckinRound[]>;
  /** Every open round (all trusts), for reminders. */
  openRounds(): Promise<CheckinRound[]>;

  checkinsOfRound(trustId: string, roundId: string): Promise<SchoolCheckin[]>;
  getCheckin(trustId: string, checkinId: string): Promise<CheckinWithRound | null>;
  /** Check-ins of these schools in the trust's open rounds. */
  openCheckins(trustId: string, schoolIds: readonly string[]): Promise<CheckinWithRound[]>;

  answers(trustId: string, checkinId: string): Promise<CheckinAnswer[]>;
  answersOfRound(trustId: string, roundId: string): Promise<CheckinAnswer[]>;
  /**
   * Saves an answer (one row per check-in and item), refusing when the round is not open. The
   * check-in's completion time is set when the last item is answered.
   */
  saveAnswer(trustId: string, answer: CheckinAnswer): Promise<Result<SaveAnswerOutcome, SaveAnswerError>>;
  /** Saves several answers, skipping items already answered; returns how many were new. */
  saveAnswers(trustId: string, checkinId: string, answers: readonly CheckinAnswer[]): Promise<Result<number, SaveAnswerError>>;
  setFollowUp(
    trustId: string,
    checkinId: string,
    itemId: string,
    followUp: FollowUp | null,
  ): Promise<Result<void, SaveAnswerError | 'no-answer'>>;

  /** A school's answers in rounds other than `exceptRoundId`, for due-item selection. */
  history(trustId: string, schoolId: string, exceptRoundId: string | null): Promise<PastAnswer[]>;
  /** The school's check-in in the latest round before `roundId` that it took part in. */
  previousCheckin(trustId: string, schoolId: string, roundId: string): Promise<(CheckinWithRound & { answers: CheckinAnswer[] }) | null>;
  /** `previousCheckin` for several schools at once, by school id (schools with none are absent). */
  previousCheckins(
    trustId: string,
    schoolIds: readonly string[],
    roundId: string,
  ): Promise<Map<string, CheckinWithRound & { answers: CheckinAnswer[] }>>;
}
