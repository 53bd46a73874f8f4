/**
 * The shipped default checklist, `checklist-v1`: statutory duties and Code of Practice
 * expectations a termly light-touch check-in can cover (docs/domain-brief §4, table of duties).
 *
 * Wording is "reflection, not inspection": questions ask how things stand and what would
 * help, never "have you failed to…". "must" marks a legal duty, "should" guidance.
 *
 * These facts were taken from copies of public pages (see the brief's sources): re-verify before
 * launch. Never edit an item here once rounds have used it; publish `checklist-v2` instead, so
 * answers keep the wording they were given under.
 */
import type { SchoolPhase } from '../model';
import type { Checklist, ChecklistItem } from './model';

export const DEFAULT_CHECKLIST_ID = 'checklist-v1';

const ALL: readonly SchoolPhase[] = ['primary', 'secondary', 'all-through', 'special', 'alternative-provision'];
/**
 * The SENCO duties (CFA 2014 s.67, reg 49) apply to mainstream schools and maintained nurseries,
 * not to special schools (or 16-19 academies, which the roster has no phase for).
 */
const NOT_SPECIAL: readonly SchoolPhase[] = ['primary', 'secondary', 'all-through', 'alternative-provision'];

const PROBLEMS = { kind: 'choices', values: ['no', 'partly'] } as const;

function item(
  fields: Omit<ChecklistItem, 'enabled' | 'origin' | 'hint' | 'renewMonths' | 'countsDueSoon' | 'derived'> & Partial<ChecklistItem>,
): ChecklistItem {
  return { hint: null, renewMonths: null, countsDueSoon: false, derived: null, enabled: true, origin: 'default', ...fields };
}

export const CHECKLIST_V1_ITEMS: readonly ChecklistItem[] = Object.freeze([
  item({
    id: 'senco-designated',
    title: 'SENCO designated',
    question: 'Is there a SENCO designated for your school at the moment?',
    hint: 'Acting or interim arrangements count; say so in a note.',
    strength: 'must',
    basis: 'Children and Families Act 2014 s.67',
    phases: NOT_SPECIAL,
    frequency: { kind: 'on-change' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: true,
  }),
  item({
    id: 'senco-qualified-teacher',
    title: 'SENCO is a qualified teacher',
    question: 'Is the SENCO a qualified teacher working at the school (induction complete), or the head or acting head?',
    strength: 'must',
    basis: 'SEND Regulations 2014 reg 49(2)-(3)',
    phases: NOT_SPECIAL,
    frequency: { kind: 'on-change' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: true,
  }),
  item({
    id: 'senco-qualification',
    title: 'SENCO qualification (NPQ)',
    question: 'Does the SENCO hold the mandatory SENCO qualification, or are they on track to gain it in time?',
    hint: 'Since 1 September 2024 this is the NPQ for SENCOs (18-22 months). A SENCO new to the role must hold it within three years of appointment; a NASENCO counts only if started before 1 September 2024 and completed by 1 September 2027.',
    strength: 'must',
    basis: 'SEND Regulations 2014 reg 49(4),(7), as amended 2024',
    phases: NOT_SPECIAL,
    frequency: { kind: 'every-term' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: true,
    derived: 'qualification',
  }),
  item({
    id: 'sen-information-report',
    title: 'SEN information report',
    question: 'When was your SEN information report last reviewed and updated on the school website?',
    hint: 'It should be reviewed at least once a year, with changes during the year added promptly.',
    strength: 'must',
    basis: 'Children and Families Act 2014 s.69; SEND Regulations 2014 Sch 1; Code of Practice 6.79-6.83',
    phases: ALL,
    frequency: { kind: 'every-term' },
    answer: 'date',
    followUp: { kind: 'date-older-than', months: 12 },
    prefill: true,
    renewMonths: 12,
  }),
  item({
    id: 'sen-policy',
    title: 'SEN policy',
    question: 'Is your SEN policy in place and reflected in the information report?',
    hint: 'A trust template adapted for your school is fine.',
    strength: 'must',
    basis: 'SEND Regulations 2014 Sch 1; Code of Practice 6.79',
    phases: ALL,
    frequency: { kind: 'once-a-year', term: 'autumn' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: true,
  }),
  item({
    id: 'accessibility-plan',
    title: 'Accessibility plan',
    question: 'Is the accessibility plan (curriculum, physical environment, information) in place and reviewed?',
    hint: 'Plans usually run for three years.',
    strength: 'must',
    basis: 'Equality Act 2010 Sch 10 para 3',
    phases: ALL,
    frequency: { kind: 'once-a-year', term: 'autumn' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: true,
  }),
  item({
    id: 'graduated-approach',
    title: 'Graduated approach',
    question: 'For pupils on SEN support, has the assess-plan-do-review cycle run this term, including a meeting with parents?',
    hint: 'Parents of pupils on SEN support should be met at least three times a year.',
    strength: 'should',
    basis: 'Code of Practice 6.44-6.56, 6.65',
    phases: ALL,
    frequency: { kind: 'every-term' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: false,
  }),
  item({
    id: 'parents-informed',
    title: 'Parents informed',
    question: 'Have parents been told when their child started to receive SEN support this term?',
    strength: 'must',
    basis: 'Children and Families Act 2014 s.68',
    phases: NOT_SPECIAL,
    frequency: { kind: 'every-term' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: false,
  }),
  item({
    id: 'ehcp-reviews-overdue',
    title: 'Overdue EHCP reviews',
    question: 'How many EHCP annual reviews are overdue (more than 12 months since the last one)?',
    hint: 'A number only, no names. 0 is a fine answer.',
    strength: 'must',
    basis: 'Children and Families Act 2014 s.44; SEND Regulations 2014 regs 18-20; Code of Practice 9.166',
    phases: ALL,
    frequency: { kind: 'every-term' },
    answer: 'number',
    followUp: { kind: 'number-above', value: 0 },
    prefill: false,
  }),
  item({
    id: 'ehcp-reviews-due-soon',
    title: 'EHCP reviews due soon',
    question: 'How many EHCP annual reviews fall due in the next 60 days?',
    hint: "So the trust can help with timing; reviews need two weeks' notice.",
    strength: 'should',
    basis: 'Code of Practice 9.166-9.176 (planning)',
    phases: ALL,
    frequency: { kind: 'every-term' },
    answer: 'number',
    followUp: { kind: 'none' },
    prefill: false,
    countsDueSoon: true,
  }),
  item({
    id: 'phase-transfer-reviews',
    title: 'Phase-transfer reviews',
    question: 'Are reviews for pupils with EHCPs moving phase next September booked this term?',
    hint: 'Transfer plans must be finalised by 15 February (31 March for post-16).',
    strength: 'must',
    basis: 'SEND Regulations 2014 reg 18; Code of Practice 9.179',
    phases: ALL,
    frequency: { kind: 'once-a-year', term: 'autumn' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: false,
  }),
  item({
    id: 'census-sen-codes',
    title: 'Census SEN codes',
    question: "Were pupils' SEN codes (E, K, N) checked before this term's census day?",
    hint: 'Census days: about the first Thursday in October, third Thursday in January and third Thursday in May.',
    strength: 'must',
    basis: 'Education Act 1996 s.537A (school census)',
    phases: ALL,
    frequency: { kind: 'every-term' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: false,
  }),
  item({
    id: 'ehcp-admissions',
    title: 'Admissions named in EHCPs',
    question: 'Have pupils whose EHCP names your school been admitted?',
    hint: 'Choose "not applicable" if none were named.',
    strength: 'must',
    basis: 'Children and Families Act 2014 s.43',
    phases: ALL,
    frequency: { kind: 'every-term' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: true,
  }),
  item({
    id: 'medical-conditions',
    title: 'Medical conditions',
    question: 'Are arrangements for supporting pupils with medical conditions in place?',
    strength: 'must',
    basis: 'Children and Families Act 2014 s.100',
    phases: ALL,
    frequency: { kind: 'once-a-year', term: 'autumn' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: true,
  }),
  item({
    id: 'send-governance',
    title: 'SEND governance',
    question: 'Is there a governor, trustee or committee with oversight of SEND for your school?',
    strength: 'should',
    basis: 'Code of Practice 3.66, 6.3',
    phases: ALL,
    frequency: { kind: 'once-a-year', term: 'autumn' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: true,
  }),
]);

/** Version 1 of every trust's checklist until the SEND leader changes it. */
export const CHECKLIST_V1: Checklist = Object.freeze({
  base: DEFAULT_CHECKLIST_ID,
  version: 1,
  items: CHECKLIST_V1_ITEMS,
  note: 'The default checklist',
});
