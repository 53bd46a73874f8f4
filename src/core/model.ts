/** The platform-neutral domain model shared by every flow. */

export const PLATFORMS = ['teams', 'slack'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const ROLES = ['senco', 'send-leader', 'trust-leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A school's phase, which also gives its setting type for the statutory checklist: mainstream
 * (primary, secondary, all-through), special, alternative provision, or a maintained nursery
 * school (the SENCO duties bind mainstream schools and maintained nurseries, not the others).
 */
export const SCHOOL_PHASES = ['primary', 'secondary', 'all-through', 'special', 'alternative-provision', 'nursery'] as const;
export type SchoolPhase = (typeof SCHOOL_PHASES)[number];

/**
 * The mandatory SENCO qualification: the NPQ for SENCOs since 1 September 2024, the NASENCO
 * award before it (see src/core/qualification.ts for what counts when).
 */
export const QUALIFICATIONS = ['none', 'npq-enrolled', 'npq', 'nasenco-enrolled', 'nasenco'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

/** A role held by a person; a SENCO's role is tied to one school. */
export interface RoleGrant {
  role: Role;
  schoolId: string | null;
}

/** Who is talking to the bot, resolved from their chat identity. */
export interface Actor {
  platform: Platform;
  tenantId: string;
  userId: string;
  displayName: string | null;
  /** Null until the chat identity is linked to a person on the roster. */
  personId: string | null;
  trustId: string | null;
  roles: RoleGrant[];
}

export interface Trust {
  id: string;
  name: string;
}

export interface School {
  id: string;
  trustId: string;
  name: string;
  phase: SchoolPhase;
  localAuthority: string | null;
  region: string | null;
  hasResourceBase: boolean;
  /** The school's own day ('HH:MM', London); null or absent = the default 08:00-17:30. */
  dayStart?: string | null;
  dayEnd?: string | null;
  archived: boolean;
}

/** A SENCO's profile; dates are 'YYYY-MM-DD'. Feeds buddying, compliance and digests. */
export interface SencoProfile {
  appointedOn: string | null;
  /** SENCO service before this appointment (the 12-month rule). */
  priorSencoMonths: number | null;
  qualification: Qualification | null;
  qualificationStartedOn: string | null;
  qualificationCompletedOn: string | null;
  /** Strengths and interests, lower-case. */
  tags: string[];
}

export interface Person {
  id: string;
  trustId: string;
  name: string;
  email: string | null;
  schoolId: string | null;
  roles: RoleGrant[];
  preferredPlatform: Platform | null;
  profile: SencoProfile;
  archived: boolean;
  erased: boolean;
}

export function hasRole(actor: Pick<Actor, 'roles'>, role: Role): boolean {
  return actor.roles.some((r) => r.role === role);
}
