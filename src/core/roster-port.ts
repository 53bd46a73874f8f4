import type { ConversationAddress } from './events';
import type { OutboundMessage } from './message';
import type { Person, Platform, Role, School, SencoProfile, Trust } from './model';
import type { AuditEntryInput } from './ports';
import type { Result } from './result';

/**
 * Ports for the roster: trusts, schools, people, chat identities, approvals, imports, the
 * audit trail and personal data. Every read and write names the trust: implementations must
 * filter by it, so an id from another trust reads as "not found" and writes nothing.
 */

/** A person as stored, for writing back whole (roles are replaced on write). */
export type PersonRecord = Omit<Person, 'erased'>;

/** One transactional write: everything in it happens, or nothing does. */
export interface RosterWrite {
  /**
   * A new trust. `onlyIfFirst`: the write is refused ('not-first') when any trust exists by
   * the time it commits (first-run set-up, where the first person also becomes admin).
   */
  trust?: Trust & { onlyIfFirst?: boolean };
  /** Created or updated by id; an id of another trust aborts the write. */
  schools?: School[];
  people?: PersonRecord[];
  /** Chat identities to link to people (approved join requests, first-run set-up). */
  links?: Array<{ identityId: string; personId: string }>;
  /** Link each written, active person's unlinked chat identities with the same email. */
  linkByEmail?: boolean;
  /** Decide a pending request in the same transaction; aborts if it was already decided. */
  decide?: { requestId: string; status: 'approved' | 'rejected'; deciderId: string | null };
  /** Mark a previewed import applied (and drop its file) in the same transaction. */
  importApplied?: string;
  audit: AuditEntryInput[];
}

/**
 * `email-claimed`: a live person of another trust already has that email (one trust per
 * email, checked under a per-email lock). `last-leader`: the write would leave the trust with no active SEND leader or admin (checked
 * inside the transaction, under the trust's lock). `not-first`: see RosterWrite.trust.
 */
export type WriteError =
  'duplicate-school' | 'duplicate-email' | 'email-claimed' | 'duplicate-trust' | 'last-leader' | 'not-first' | 'conflict';

export interface RosterRepo {
  listTrusts(): Promise<Trust[]>;
  getTrust(id: string): Promise<Trust | null>;
  findTrustByName(name: string): Promise<Trust | null>;
  listSchools(trustId: string, options?: { includeArchived?: boolean }): Promise<School[]>;
  getSchool(trustId: string, id: string): Promise<School | null>;
  /** Case-insensitive. */
  findSchoolByName(trustId: string, name: string): Promise<School | null>;
  listPeople(trustId: string, options?: { schoolId?: string; includeArchived?: boolean }): Promise<Person[]>;
  getPerson(trustId: string, id: string): Promise<Person | null>;
  findPersonByEmail(trustId: string, email: string): Promise<Person | null>;
  /** The live person holding this email in any trust (the first claim), for resolving a second claim. */
  emailHolder?(email: string): Promise<{ trustId: string; personId: string } | null>;
  write(trustId: string, write: RosterWrite): Promise<Result<void, WriteError>>;
}

export type { SencoProfile };

/** A chat account as a platform reports it (install, member lookup, first contact). */
export interface ChatMember {
  platform: Platform;
  tenantId: string;
  userId: string;
  name: string | null;
  /** Only ever from the platform, never typed by a person: it links accounts to people. */
  email: string | null;
  address: ConversationAddress;
}

export interface IdentityRecord {
  id: string;
  platform: Platform;
  tenantId: string;
  userId: string;
  personId: string | null;
  email: string | null;
  displayName: string | null;
}

/** How one person can be reached. */
export interface Contact {
  personId: string;
  platform: Platform;
  address: ConversationAddress;
  reachable: boolean;
}

export interface IdentityLinks {
  /**
   * Records members (creating or refreshing identities; a 1:1 conversation reference is
   * never replaced by a weaker address) and links unlinked ones to the single live person
   * with their email. Returns how many are linked to someone after this.
   */
  recordMembers(members: ChatMember[]): Promise<{ recorded: number; linked: number }>;
  find(platform: Platform, tenantId: string, userId: string): Promise<IdentityRecord | null>;
  getById(id: string): Promise<IdentityRecord | null>;
  /** Every identity of these people (of one trust). */
  contacts(trustId: string, personIds?: string[]): Promise<Contact[]>;
  /** Which of these people have any chat account linked, with or without an address (campaign reach reports). */
  linkedPeople(trustId: string, personIds: readonly string[]): Promise<string[]>;
  /** Trusts whose people use this tenant (Teams tenant, Slack workspace). */
  trustsOfTenant(platform: Platform, tenantId: string): Promise<string[]>;
}

/** Platform user directory, for linking roster people before they write (Slack users.lookupByEmail). */
export interface ChatDirectory {
  readonly platform: Platform;
  /** Null when no account has this email; throws on a platform failure. */
  lookupByEmail(email: string): Promise<ChatMember | null>;
}

export interface JoinDetails {
  name: string;
  email: string | null;
  schoolId: string | null;
  role: Role;
}

export interface ApprovalRequest {
  id: string;
  trustId: string;
  kind: 'join' | 'erase';
  identityId: string | null;
  personId: string | null;
  details: JoinDetails | null;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: Date;
}

export interface ApprovalRepo {
  /**
   * Null when an equal request is already pending (same kind and subject: a join per chat
   * account, an erasure per person), however many arrive at once.
   */
  create(request: Omit<ApprovalRequest, 'id' | 'status' | 'createdAt'>): Promise<ApprovalRequest | null>;
  get(trustId: string, id: string): Promise<ApprovalRequest | null>;
  pending(trustId: string): Promise<ApprovalRequest[]>;
  /** A pending request from this identity, in any trust. */
  pendingForIdentity(identityId: string): Promise<ApprovalRequest | null>;
  pendingErasure(trustId: string, personId: string): Promise<ApprovalRequest | null>;
  /** Decides a pending request; false when it was not pending (a second tap). */
  decide(trustId: string, id: string, status: 'approved' | 'rejected', deciderId: string | null): Promise<boolean>;
}

export interface RosterImportRecord {
  id: string;
  trustId: string;
  actorId: string | null;
  fileName: string;
  content: string | null;
  planHash: string;
  status: 'previewed' | 'applied' | 'cancelled';
  createdAt: Date;
}

export interface ImportStore {
  create(record: Omit<RosterImportRecord, 'status' | 'createdAt'> & { summary: unknown }): Promise<void>;
  get(trustId: string, id: string): Promise<RosterImportRecord | null>;
  /** previewed -> cancelled, dropping the file; false when no longer previewed. */
  cancel(trustId: string, id: string): Promise<boolean>;
}

export interface AuditRecord {
  at: Date;
  actorId: string | null;
  /** Null when the actor was the CLI or has been erased. */
  actorName: string | null;
  action: string;
  subject: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditTrail {
  recent(trustId: string, limit: number): Promise<AuditRecord[]>;
}

/** Everything the bot holds about one person (for `my data`). */
export interface PersonalData {
  person: Person;
  schoolName: string | null;
  identities: Array<{
    platform: Platform;
    userId: string;
    email: string | null;
    displayName: string | null;
    lastSeenAt: Date;
    reachable: boolean;
  }>;
  requests: Array<{ kind: string; status: string; createdAt: Date }>;
  auditEntriesAboutOrBy: number;
  /** Each feature's data about them (meetings, buddying, ...), keyed by feature, as plain JSON. */
  features: Record<string, Record<string, unknown>>;
}

export interface PrivacyRepo {
  personalData(trustId: string, personId: string): Promise<PersonalData | null>;
  /**
   * Removes a person's personal data in one transaction: name replaced, email, profile and
   * roles cleared, chat identities (ids, emails, conversation references) and conversation
   * state deleted, and each feature's data erased as it declares (src/db/erasers/). The row
   * stays as an anonymous id so counts and the audit trail hold.
   */
  erase(
    trustId: string,
    personId: string,
    decide: { requestId: string; deciderId: string | null },
    audit: AuditEntryInput[],
  ): Promise<Result<void, 'conflict'>>;
}

/** Sends a proactive message to people (through the delivery outbox). */
export interface Notifier {
  /** Queues `message` to each person on their preferred reachable platform, once per `key`. */
  notify(trustId: string, personIds: string[], key: string, message: OutboundMessage): Promise<{ queued: number; unreachable: number }>;
}

export interface RosterSettings {
  mode: 'local' | 'production';
  /** ADMIN_EMAILS, lower-case: who may set up trusts. */
  adminEmails: readonly string[];
}

/** The roster's services, one field on FlowDeps. */
export interface RosterServices {
  repo: RosterRepo;
  identities: IdentityLinks;
  approvals: ApprovalRepo;
  imports: ImportStore;
  privacy: PrivacyRepo;
  auditTrail: AuditTrail;
  directories: ChatDirectory[];
  /** Null until an outbox is wired: leaders then see requests with `requests`. */
  notifier: Notifier | null;
  settings: RosterSettings;
}
