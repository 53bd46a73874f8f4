import type { Framework, SelfEvalAnswer, SelfEvalCycle } from './selfeval/model';
import type { Result } from './result';

/**
 * Storage for self-evaluation (issue 13). Every call names the trust: an id of another trust
 * reads as "not found" and writes nothing. Times come from the caller's Clock. Visibility
 * (SENCO and SEND leader see a school's answers; trust leaders aggregates) is decided in the
 * flows, never here.
 */

export type SaveSelfEvalOutcome = 'created' | 'updated' | 'unchanged';
export type SaveSelfEvalError = 'not-found' | 'closed';

export interface SelfEvalRepo {
  /** The trust's latest framework (the shipped selfeval-v1 until the trust changes it). */
  framework(trustId: string): Promise<Framework>;
  /** One version; version 1 is the shipped default when the trust has not stored it. */
  frameworkVersion(trustId: string, version: number): Promise<Framework | null>;
  /** Stores a new version; 'conflict' when that version number exists (a concurrent change). */
  saveFramework(trustId: string, framework: Framework, createdBy: string | null, at: Date): Promise<Result<void, 'conflict'>>;

  /**
   * Opens a cycle with the framework version in force, linked to the trust's latest earlier
   * cycle for comparison. 'exists' when the trust has a cycle with that label.
   */
  openCycle(trustId: string, label: string, createdBy: string | null, at: Date): Promise<Result<SelfEvalCycle, 'exists'>>;
  /** open -> closed; false when it was not open. */
  closeCycle(trustId: string, cycleId: string, at: Date): Promise<boolean>;
  getCycle(trustId: string, cycleId: string): Promise<SelfEvalCycle | null>;
  /** The trust's cycles, newest first. */
  cycles(trustId: string): Promise<SelfEvalCycle[]>;

  /** Saves an answer (one row per cycle, school and statement); refused when the cycle is closed. */
  saveAnswer(trustId: string, answer: SelfEvalAnswer): Promise<Result<SaveSelfEvalOutcome, SaveSelfEvalError>>;
  /** A cycle's answers, of one school or all; in school then statement order. */
  answers(trustId: string, cycleId: string, schoolId?: string): Promise<SelfEvalAnswer[]>;

  /**
   * Shares a school's summary for a cycle with the trust leaders; true when it was not shared
   * before (a second share changes nothing).
   */
  share(trustId: string, cycleId: string, schoolId: string, sharedBy: string | null, at: Date): Promise<boolean>;
  /** Withdraws the share; true when there was one. */
  unshare(trustId: string, cycleId: string, schoolId: string): Promise<boolean>;
  /** The ids of the schools whose summary is shared in this cycle. */
  sharedSchools(trustId: string, cycleId: string): Promise<string[]>;
}
