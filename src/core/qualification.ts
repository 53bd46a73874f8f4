import { addMonths, addYears, type LocalDate } from './dates';
import type { SencoProfile } from './model';

/**
 * The mandatory SENCO qualification (SEND Regulations 2014, reg 49(4)-(7) as amended; see
 * docs/domain-brief §4 row 3 and
 * https://www.gov.uk/government/publications/mandatory-qualification-for-sencos/transition-to-national-professional-qualification-for-special-educational-needs-co-ordinators):
 * - a SENCO new to the role (at most 12 months' SENCO service before) must hold it by the
 *   third anniversary of appointment;
 * - since 1 September 2024 that is the NPQ for SENCOs; a NASENCO award counts only if it was
 *   started before 1 September 2024 and completed by 1 September 2027;
 * - the NPQ takes 18-22 months, so we flag anyone not enrolled 12 months after appointment.
 */
export const NPQ_REPLACED_NASENCO_ON: LocalDate = '2024-09-01';
export const NASENCO_COMPLETE_BY: LocalDate = '2027-09-01';
export const NEW_TO_ROLE_MAX_PRIOR_MONTHS = 12;
export const YEARS_TO_QUALIFY = 3;
export const ENROL_WITHIN_MONTHS = 12;

export type QualificationStatus =
  /** Holds a qualification that counts. */
  | { status: 'met'; via: 'npq' | 'nasenco' }
  /** More than 12 months as a SENCO before this appointment: the 3-year rule does not start again. */
  | { status: 'not-required' }
  /** We cannot tell until this is filled in. */
  | { status: 'unknown'; missing: 'appointed_on' | 'prior_service' | 'qualification_dates' }
  /** Studying for a qualification that will count if finished by `deadline`. */
  | { status: 'in-progress'; via: 'npq' | 'nasenco'; deadline: LocalDate }
  /** Not yet studying; `enrolBy` is our advisory date to start the NPQ in time. */
  | { status: 'due'; deadline: LocalDate; enrolBy: LocalDate; enrolLate: boolean; nasencoDoesNotCount: boolean }
  | { status: 'overdue'; deadline: LocalDate; nasencoDoesNotCount: boolean };

type Profile = Pick<
  SencoProfile,
  'appointedOn' | 'priorSencoMonths' | 'qualification' | 'qualificationStartedOn' | 'qualificationCompletedOn'
>;

/** Whether a NASENCO counts: started before 1 Sep 2024 and completed by 1 Sep 2027. */
export function nasencoCounts(startedOn: LocalDate | null, completedOn: LocalDate | null): boolean | 'unknown' {
  if (!startedOn || !completedOn) return 'unknown';
  return startedOn < NPQ_REPLACED_NASENCO_ON && completedOn <= NASENCO_COMPLETE_BY;
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
  if (profile.priorSencoMonths === null) return { status: 'unknown', missing: 'prior_service' };
  if (profile.priorSencoMonths > NEW_TO_ROLE_MAX_PRIOR_MONTHS) return { status: 'not-required' };
  if (!profile.appointedOn) return { status: 'unknown', missing: 'appointed_on' };
  const deadline = qualificationDeadline(profile.appointedOn);
  if (q === 'npq-enrolled')
    return today > deadline ? { status: 'overdue', deadline, nasencoDoesNotCount } : { status: 'in-progress', via: 'npq', deadline };
  if (q === 'nasenco-enrolled') {
    const started = profile.qualificationStartedOn;
    if (!started) return { status: 'unknown', missing: 'qualification_dates' };
    const nasencoDeadline = deadline < NASENCO_COMPLETE_BY ? deadline : NASENCO_COMPLETE_BY;
    if (started < NPQ_REPLACED_NASENCO_ON && today <= nasencoDeadline)
      return { status: 'in-progress', via: 'nasenco', deadline: nasencoDeadline };
    nasencoDoesNotCount = true;
  }
  if (today > deadline) return { status: 'overdue', deadline, nasencoDoesNotCount };
  const enrolBy = addMonths(profile.appointedOn, ENROL_WITHIN_MONTHS);
  return { status: 'due', deadline, enrolBy, enrolLate: today > enrolBy, nasencoDoesNotCount };
}

/** Third anniversary of appointment (29 February -> 28 February, never later). */
export function qualificationDeadline(appointedOn: LocalDate): LocalDate {
  return addYears(appointedOn, YEARS_TO_QUALIFY);
}
