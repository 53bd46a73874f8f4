import type { BuddyTag, MatchReason } from './buddies/model';
import type { Result } from './result';

/**
 * Storage for buddying (issue 12). Every call names the trust: an id of another trust reads as
 * "not found" and writes nothing. Times come from the caller's Clock. Rules (who needs a buddy,
 * who matches whom) live in src/core/buddies, never in the implementation.
 */

export interface BuddySettings {
  personId: string;
  /** Offers to be a buddy. */
  available: boolean;
  /** No buddying at all, on either side. */
  optedOut: boolean;
  capacity: number;
  strengths: BuddyTag[];
}

export type BuddyRequestStatus = 'open' | 'matched' | 'withdrawn';

export interface BuddyRequest {
  id: string;
  trustId: string;
  personId: string;
  needs: BuddyTag[];
  wantsSpecialist: boolean;
  status: BuddyRequestStatus;
  roundsWaiting: number;
  /** The latest UnmatchedReason when on the waiting list. */
  waitingReason: string | null;
  createdAt: Date;
  closedAt: Date | null;
}

export type BuddyPairStatus = 'proposed' | 'active' | 'declined' | 'ended';
export type FollowUpStage = 'none' | 'week2' | 'week6' | 'closing' | 'done';
export type PairEndReason = 'finished' | 'not-working' | 'declined' | 'left';

export interface BuddyPair {
  id: string;
  trustId: string;
  requestId: string;
  menteeId: string;
  buddyId: string;
  groupId: string;
  status: BuddyPairStatus;
  score: number;
  reasons: MatchReason[];
  repeat: boolean;
  proposedAt: Date;
  approvedAt: Date | null;
  approvedBy: string | null;
  /** 'YYYY-MM-DD' */
  startsOn: string | null;
  endsOn: string | null;
  metAt: Date | null;
  followUp: FollowUpStage;
  menteeFeedback: string | null;
  buddyFeedback: string | null;
  endedAt: Date | null;
  endReason: PairEndReason | null;
}

export interface NewPair {
  requestId: string;
  menteeId: string;
  buddyId: string;
  groupId: string;
  score: number;
  reasons: MatchReason[];
  repeat: boolean;
}

/** A trust's buddying settings; absent means the defaults (`autoApprove: false`). */
export interface BuddyTrustSettings {
  autoApprove: boolean;
}

export interface BuddyRepo {
  trustSettings(trustId: string): Promise<BuddyTrustSettings>;
  saveTrustSettings(trustId: string, settings: BuddyTrustSettings, by: string, at: Date): Promise<void>;
  /**
   * Marks a person new to the role (a SEND leader's word): true when this call marked them,
   * false when they were marked already. Keeps any other settings they have.
   */
  markNew(trustId: string, personId: string, by: string, at: Date): Promise<boolean>;
  /** People marked new by a leader. */
  markedNew(trustId: string): Promise<string[]>;
  settings(trustId: string, personId: string): Promise<BuddySettings | null>;
  /** Every person in the trust with buddy settings. */
  allSettings(trustId: string): Promise<BuddySettings[]>;
  saveSettings(trustId: string, settings: BuddySettings, at: Date): Promise<void>;

  /**
   * Opens a request, or returns the person's open one unchanged (`created: false`): asking
   * twice never makes two.
   */
  openRequest(
    trustId: string,
    request: { personId: string; needs: readonly BuddyTag[]; wantsSpecialist: boolean },
    at: Date,
  ): Promise<{ request: BuddyRequest; created: boolean }>;
  getRequest(trustId: string, requestId: string): Promise<BuddyRequest | null>;
  /** Open requests, oldest first (the waiting list). */
  openRequests(trustId: string): Promise<BuddyRequest[]>;
  /** One more round on the waiting list, with the reason; false when the request is not open. */
  markWaiting(trustId: string, requestId: string, reason: string): Promise<boolean>;
  withdrawRequest(trustId: string, requestId: string, at: Date): Promise<boolean>;

  /**
   * Stores proposals; a request that already has a proposed or active pair is skipped (a second
   * matching run or a double press proposes nothing twice). Returns the pairs created.
   */
  propose(trustId: string, pairs: readonly NewPair[], at: Date): Promise<BuddyPair[]>;
  /** proposed -> active, closing the request; false when the pair was not proposed. */
  approve(trustId: string, pairId: string, by: string, startsOn: string, endsOn: string, at: Date): Promise<boolean>;
  /** proposed -> declined; the request stays open for the next round. */
  decline(trustId: string, pairId: string, at: Date): Promise<boolean>;
  /** Records the first "we've met"; false when already recorded or the pair is not active. */
  markMet(trustId: string, pairId: string, at: Date): Promise<boolean>;
  /** Moves the follow-up stage from `from` to `to` (compare and set, so it is sent once). */
  advanceFollowUp(trustId: string, pairId: string, from: FollowUpStage, to: FollowUpStage): Promise<boolean>;
  /** One line of feedback from either side; replaces an earlier line from the same side. */
  saveFeedback(trustId: string, pairId: string, side: 'mentee' | 'buddy', text: string): Promise<Result<void, 'not-found'>>;
  /** active -> ended; false when it was not active. */
  end(trustId: string, pairId: string, reason: PairEndReason, at: Date): Promise<boolean>;
  getPair(trustId: string, pairId: string): Promise<BuddyPair | null>;
  pairs(trustId: string, statuses?: readonly BuddyPairStatus[]): Promise<BuddyPair[]>;
  /** Pairs that have been together (active or ended), as [menteeId, buddyId]. */
  history(trustId: string): Promise<Array<[string, string]>>;
  /** Per buddy: mentees now (active) and mentees ever given (active or ended). */
  loads(trustId: string): Promise<Map<string, { active: number; past: number }>>;
}
