import { addMonths, type LocalDate } from './dates';
import type { SencoProfile } from './model';

/**
 * The mandatory SENCO qualification (SEND Regulations 2014, reg 49(4)-(7) as amended by
 * SI 2024/535; see docs/domain-brief §4 row 3, docs/checkin.md and
 * https://www.gov.uk/government/publications/mandatory-qualification-for-sencos/transition-to-national-professional-qualification-for-special-educational-needs-co-ordinators):
 * - a SENCO new to the role (at most 12 months' prior SENCO service at a "relevant school",
 *   reg 2(1): a mainstream school or maintained nursery school) must hold it within three years
 *   of appointment. Service in special, independent, AP or early-years settings does not count,
 *   so the roster's `prior_senco_years` records relevant-school service only;
 * - since 1 September 2024 that is the NPQ for SENCOs; a NASENCO award counts only if it was
 *   started before 1 September 2024 and completed BEFORE 1 September 2027 (that day is too late);
 * - cautious reading (the regulations are unclear whether the three years run from a first
 *   SENCO appointment elsewhere): the deadline is appointment + 3 years - prior qualifying
 *   service, which is never later than the plain reading;
 * - the NPQ takes 18-22 months, so we flag anyone not enrolled 24 months before the deadline.
 */
export const NPQ_REPLACED_NASENCO_ON: LocalDate = '2024-09-01';
/** A NASENCO must be completed strictly before this day (reg 49(7)(a)). */
export const NASENCO_COMPLETE_BEFORE: LocalDate = '2027-09-01';
/** The last day a NASENCO can be completed and still count. */
export const NASENCO_LAST_DAY: LocalDate = '2027-08-31';
export const NEW_TO_ROLE_MAX_PRIOR_MONTHS = 12;
export const YEARS_TO_QUALIFY = 3;
/** With no prior service: enrol within 12 months of appointment (deadline - 24 months). */
export const ENROL_WITHIN_MONTHS = 12;

export type QualificationStatus =
  /** Holds a qualification that counts. */
  | { status: 'met'; via: 'npq' | 'nasenco' }
  /** More than 12 months as a SENCO at a relevant school before this appointment: the 3-year rule does not start again. */
  | { status: 'not-required' }
  /** We cannot tell until this is filled in. */
  | { status: 'unknown'; missing: 'appointed_on' | 'prior_service' | 'qualification_dates' }
  /** Studying for a qualification that will count if finished by `deadline` (the last day). */
  | { status: 'in-progress'; via: 'npq' | 'nasenco'; deadline: LocalDate }
  /** Not yet studying; `enrolBy` is our advisory date to start the NPQ in time. */
  | { status: 'due'; deadline: LocalDate; enrolBy: LocalDate; enrolLate: boolean; nasencoDoesNotCount: boolean }
  | { status: 'overdue'; deadline: LocalDate; nasencoDoesNotCount: boolean };

type Profile = Pick<
  SencoProfile,
  'appointedOn' | 'priorSencoMonths' | 'qualification' | 'qualificationStartedOn' | 'qualificationCompletedOn'
>;

/**
 * Whether a NASENCO counts: completed before 1 Sep 2027 and started before 1 Sep 2024. One
 * completed before 1 Sep 2024 must have started before then, so it needs no start date.
 */
export function nasencoCounts(startedOn: LocalDate | null, completedOn: LocalDate | null): boolean | 'unknown' {
  if (!completedOn) return 'unknown';
  if (completedOn >= NASENCO_COMPLETE_BEFORE) return false;
  if (completedOn < NPQ_REPLACED_NASENCO_ON) return true;
  if (!startedOn) return 'unknown';
  return startedOn < NPQ_REPLACED_NASENCO_ON;
}

/** The SENCO's qualification position on `today` (a date in England). Pure. */
export function qualificationStatus(profile: Profile, today: LocalDate): QualificationStatus {
  const q = profile.qualification ?? 'none';
  if (q === 'npq') return { status: 'met', via: 'npq' };
  let nasencoDoesNotCount = false;
  if (q === 'nasenco') {
    const counts = nasencoCounts(profile.qualificationStartedOn, profile.qualificationCompletedOn);
    if (counts === 'unknown') return { status: 'unknown', missing: 'qualification_dates' };
    if (counts) return { status: 'met', via: 'nasenco' };
    nasencoDoesNotCount = true;
  }
  const prior = profile.priorSencoMonths;
  if (prior === null) return { status: 'unknown', missing: 'prior_service' };
  if (prior > NEW_TO_ROLE_MAX_PRIOR_MONTHS) return { status: 'not-required' };
  if (!profile.appointedOn) return { status: 'unknown', missing: 'appointed_on' };
  const deadline = qualificationDeadline(profile.appointedOn, prior);
  if (q === 'npq-enrolled')
    return today > deadline ? { status: 'overdue', deadline, nasencoDoesNotCount } : { status: 'in-progress', via: 'npq', deadline };
  if (q === 'nasenco-enrolled') {
    const started = profile.qualificationStartedOn;
    if (!started) return { status: 'unknown', missing: 'qualification_dates' };
    const nasencoDeadline = deadline < NASENCO_LAST_DAY ? deadline : NASENCO_LAST_DAY;
    if (started < NPQ_REPLACED_NASENCO_ON && today <= nasencoDeadline)
      return { status: 'in-progress', via: 'nasenco', deadline: nasencoDeadline };
    nasencoDoesNotCount = true;
  }
  if (today > deadline) return { status: 'overdue', deadline, nasencoDoesNotCount };
  const enrolBy = addMonths(profile.appointedOn, Math.max(0, ENROL_WITHIN_MONTHS - prior));
  return { status: 'due', deadline, enrolBy, enrolLate: today > enrolBy, nasencoDoesNotCount };
}

/**
 * The last day to hold the qualification: the third anniversary of appointment, brought
 * forward by any prior SENCO service at a relevant school (the cautious reading). Month
 * arithmetic clamps to the month's end (29 February -> 28 February), never later.
 */
export function qualificationDeadline(appointedOn: LocalDate, priorMonths = 0): LocalDate {
  return addMonths(appointedOn, YEARS_TO_QUALIFY * 12 - Math.max(0, priorMonths));
}
