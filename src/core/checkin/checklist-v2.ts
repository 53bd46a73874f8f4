/**
 * `checklist-v2` (issue 19): checklist-v1 corrected after a legal review, item by item against
 * the legislation and the SEND Code of Practice (docs/checkin.md lists every item with its
 * source and says which readings are cautious). v1 stays as it was, so answers given under it
 * keep their wording; a trust on v1 moves to v2 at its next round (./upgrade.ts).
 *
 * Applicability is by setting type, read from the school's phase: mainstream (primary,
 * secondary, all-through), special, alternative provision (AP academies and PRUs) and
 * maintained nursery schools. Wording stays "reflection, not inspection"; "must" marks a legal
 * duty, "should" guidance. Never edit an item here once rounds have used it: publish v3.
 */
import type { SchoolPhase } from '../model';
import type { Checklist, ChecklistItem } from './model';

export const CHECKLIST_V2_ID = 'checklist-v2';

const MAINSTREAM: readonly SchoolPhase[] = ['primary', 'secondary', 'all-through'];
/** Where CFA 2014 s.67 and reg 49 bind: mainstream schools and maintained nursery schools. */
const SENCO_DUTY: readonly SchoolPhase[] = [...MAINSTREAM, 'nursery'];
/** Schools, not maintained nursery schools (e.g. CFA s.100 and the designated teacher). */
const SCHOOLS: readonly SchoolPhase[] = [...MAINSTREAM, 'special', 'alternative-provision'];
const ALL: readonly SchoolPhase[] = [...SCHOOLS, 'nursery'];
/** Settings that may have pupils in Year 9 and above. */
const YEAR_9_UP: readonly SchoolPhase[] = ['secondary', 'all-through', 'special', 'alternative-provision'];
const EXAM_CENTRES: readonly SchoolPhase[] = ['secondary', 'all-through'];

const PROBLEMS = { kind: 'choices', values: ['no', 'partly'] } as const;

function item(
  fields: Omit<ChecklistItem, 'enabled' | 'origin' | 'hint' | 'renewMonths' | 'countsDueSoon' | 'derived'> & Partial<ChecklistItem>,
): ChecklistItem {
  return { hint: null, renewMonths: null, countsDueSoon: false, derived: null, enabled: true, origin: 'default', ...fields };
}

export const CHECKLIST_V2_ITEMS: readonly ChecklistItem[] = Object.freeze([
  item({
    id: 'senco-in-post',
    title: 'SENCO in post',
    question:
      'Is there a SENCO designated for your school who is a qualified teacher working at the school (induction complete), or the head or acting head?',
    hint: 'Acting or interim arrangements count; say so in a note.',
    strength: 'must',
    basis: 'Children and Families Act 2014 s.67; SEND Regulations 2014 reg 49(1)-(3)',
    phases: SENCO_DUTY,
    frequency: { kind: 'on-change' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: true,
  }),
  item({
    id: 'senco-in-post-ap',
    title: 'SENCO in post',
    question: 'Is there a SENCO (or someone in that role) for your setting at the moment?',
    hint: 'For alternative provision this is guidance, not a legal duty.',
    strength: 'should',
    basis: 'Code of Practice 6.2 (s.67 and reg 49 do not bind AP academies)',
    phases: ['alternative-provision'],
    frequency: { kind: 'on-change' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: true,
  }),
  item({
    id: 'senco-qualification',
    title: 'SENCO qualification (NPQ)',
    question: 'Does the SENCO hold the mandatory SENCO qualification, or are they on track to gain it in time?',
    hint: 'Since 1 September 2024 this is the NPQ for SENCOs (18-22 months). A SENCO new to the role must hold it within three years of appointment, less any earlier SENCO service at a mainstream school or maintained nursery. A NASENCO counts only if started before 1 September 2024 and completed before 1 September 2027.',
    strength: 'must',
    basis: 'SEND Regulations 2014 reg 49(4)-(7) with reg 2(1), as amended by SI 2024/535',
    phases: SENCO_DUTY,
    frequency: { kind: 'every-term' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: true,
    derived: 'qualification',
  }),
  item({
    id: 'senco-time',
    title: 'SENCO time and voice',
    question: 'Does the SENCO have the time, resources and place in the leadership team the role needs this year?',
    hint: 'Ideally the SENCO is part of the school leadership team.',
    strength: 'should',
    basis: 'Code of Practice 6.89-6.91',
    phases: [...SENCO_DUTY, 'alternative-provision'],
    frequency: { kind: 'once-a-year', term: 'autumn' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: false,
  }),
  item({
    id: 'sen-information-report',
    title: 'SEN information report',
    question: 'When was your SEN information report last updated on the school website?',
    hint: 'It is published on the website and updated every year, with changes added promptly. A new SENCO means new contact details in it.',
    strength: 'must',
    basis:
      'Children and Families Act 2014 s.69(2); SEND Regulations 2014 reg 51 and Sch 1 (para 4: SENCO contact details); Code of Practice 6.79-6.83',
    phases: ALL,
    frequency: { kind: 'every-term', alsoOnChange: true },
    answer: 'date',
    followUp: { kind: 'date-older-than', months: 12 },
    prefill: true,
    renewMonths: 12,
  }),
  item({
    id: 'sen-policy',
    title: 'SEN policy',
    question: 'Does your SEN information report describe your SEN policy and how it is put into practice?',
    hint: 'There is no separate duty to keep a stand-alone policy; a trust template adapted for your school is fine.',
    strength: 'must',
    basis: 'Children and Families Act 2014 s.69(3)(a); Code of Practice 6.79',
    phases: ALL,
    frequency: { kind: 'once-a-year', term: 'autumn' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: true,
  }),
  item({
    id: 'accessibility-plan-end',
    title: 'Accessibility plan',
    question: 'When does your current accessibility plan end?',
    hint: 'Plans run in three-year periods counted from April 2012 (April 2024 to 31 March 2027, then April 2027 to 31 March 2030). They cover the curriculum, the building and information.',
    strength: 'must',
    basis: 'Equality Act 2010 Sch 10 para 3 (three-year periods from 1 April 2012)',
    phases: ALL,
    frequency: { kind: 'once-a-year', term: 'autumn' },
    answer: 'date',
    endDate: true,
    followUp: { kind: 'date-passed' },
    prefill: true,
    renewMonths: 0,
  }),
  item({
    id: 'graduated-approach',
    title: 'Graduated approach',
    question: 'For pupils on SEN support, has the assess-plan-do-review cycle run this term, including a meeting with parents?',
    hint: 'Parents of pupils on SEN support should be met at least three times a year.',
    strength: 'should',
    basis: 'Code of Practice 6.44-6.56, 6.65',
    phases: SCHOOLS,
    frequency: { kind: 'every-term' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: false,
  }),
  item({
    id: 'parents-informed',
    title: 'Parents informed',
    question: 'Where a pupil began SEN support this term, were parents told?',
    hint: 'Choose "not applicable" if no pupil began SEN support this term.',
    strength: 'must',
    basis: 'Children and Families Act 2014 s.68',
    phases: ALL,
    frequency: { kind: 'every-term' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: false,
  }),
  item({
    id: 'ehcp-reviews',
    title: 'EHCP annual reviews',
    question:
      'How many EHCP annual reviews are overdue (more than 12 months since the last), including any waiting on the local authority, and how many fall due in the next 60 days?',
    hint: "Numbers only, no names; 0 is a fine answer. Hold each review meeting at about month 11, with two weeks' notice: the local authority must decide within 4 weeks of the meeting and within 12 months of the last review.",
    strength: 'must',
    basis: 'Children and Families Act 2014 s.44; SEND Regulations 2014 regs 18-20; Code of Practice 9.166-9.176',
    phases: ALL,
    frequency: { kind: 'every-term' },
    answer: 'counts',
    followUp: { kind: 'number-above', value: 0 },
    prefill: false,
    countsDueSoon: true,
  }),
  item({
    id: 'preparing-for-adulthood',
    title: 'Preparing for adulthood',
    question: 'Did this year’s EHCP reviews for pupils in Year 9 and above consider preparing for adulthood?',
    hint: 'Employment, independent living, friends and community, and health. Choose "not applicable" if you have no pupils with EHCPs in Year 9 or above.',
    strength: 'must',
    basis: 'SEND Regulations 2014 regs 20(6), 21(6); Code of Practice 8.7-8.10',
    phases: YEAR_9_UP,
    frequency: { kind: 'once-a-year', term: 'summer' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: false,
  }),
  item({
    id: 'phase-transfer-reviews',
    title: 'Phase-transfer reviews',
    question:
      'Are reviews booked this term for pupils with EHCPs moving phase next September, including infant to junior and moves inside an all-through school?',
    hint: 'Transfer plans must be finalised by 15 February (31 March for a move into post-16).',
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
    basis: 'Children and Families Act 2014 s.100; Code of Practice 3.66',
    phases: SCHOOLS,
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
    basis: 'Code of Practice 6.3 (paragraph number uncertain)',
    phases: ALL,
    frequency: { kind: 'once-a-year', term: 'autumn' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: true,
  }),
  item({
    id: 'exam-access-arrangements',
    title: 'Exam access arrangements',
    question: 'Are exam access arrangements for this year’s candidates assessed and applied for, with the SENCO leading them?',
    hint: 'JCQ rules give the SENCO the lead. Choose "not applicable" if you have no exam candidates this year.',
    strength: 'should',
    basis: 'JCQ Access Arrangements and Reasonable Adjustments (exam board rules, not statute)',
    phases: EXAM_CENTRES,
    frequency: { kind: 'once-a-year', term: 'spring' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: false,
  }),
  item({
    id: 'designated-teacher-lac',
    title: 'Designated teacher (looked-after children)',
    question: 'Is there a designated teacher for looked-after and previously looked-after children at your school?',
    hint: 'Often the SENCO, so we ask again when the SENCO changes.',
    strength: 'must',
    basis: 'Children and Young Persons Act 2008 ss.20, 20A; Academies Act 2010 s.2E',
    phases: SCHOOLS,
    frequency: { kind: 'on-change' },
    answer: 'choice',
    followUp: PROBLEMS,
    prefill: true,
  }),
]);

/**
 * v1 items that v2 merged or replaced: the v2 item starts switched off when the trust had
 * switched off every item it replaces. Other customisations of replaced items do not carry.
 */
export const V2_REPLACES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'senco-in-post': ['senco-designated', 'senco-qualified-teacher'],
  'senco-in-post-ap': ['senco-designated', 'senco-qualified-teacher'],
  'ehcp-reviews': ['ehcp-reviews-overdue', 'ehcp-reviews-due-soon'],
  'accessibility-plan-end': ['accessibility-plan'],
});

export const CHECKLIST_V2: Checklist = Object.freeze({
  base: CHECKLIST_V2_ID,
  version: 1,
  items: CHECKLIST_V2_ITEMS,
  note: 'The default checklist, version 2 (corrections from a legal review)',
});
