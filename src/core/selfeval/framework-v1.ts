/**
 * The shipped framework, `selfeval-v1`: the five areas of the MAT SEND review (domain brief
 * §3.1), with statements written in our own words for a school. Statements are deliberately
 * not numbered in the wording, so no order of importance is implied (brief §3.3). Never edit a
 * statement here once cycles have used it; publish a new version instead.
 */
import type { Framework, RatingLevel, Statement } from './model';

export const DEFAULT_FRAMEWORK_ID = 'selfeval-v1';

export const RATING_LEVELS: readonly RatingLevel[] = Object.freeze([
  { id: 'not-yet', label: 'Not yet in place', descriptor: 'We have not started on this, or it happens only by chance.' },
  { id: 'developing', label: 'Developing', descriptor: 'We have started; it works in places but not yet consistently.' },
  { id: 'established', label: 'Established', descriptor: 'It works well across the school and we can show it.' },
  { id: 'strong', label: 'Strong', descriptor: 'It works well, we review it, and we could help another school do it.' },
]);

const EVIDENCE = 'What shows this? One line is plenty (a document, data, or what staff, pupils or parents say).';
const HELP = 'What would help most to move this on?';

function s(id: string, text: string, evidencePrompt = EVIDENCE, helpPrompt = HELP): Statement {
  return { id, text, evidencePrompt, helpPrompt };
}

export const FRAMEWORK_V1: Framework = Object.freeze({
  base: DEFAULT_FRAMEWORK_ID,
  version: 1,
  note: null,
  ratings: [...RATING_LEVELS],
  areas: [
    {
      id: 'leadership',
      title: 'Leadership',
      intro: 'How SEND is led and championed in your school.',
      statements: [
        s('leadership-vision', 'Senior leaders share an ambitious vision for pupils with SEND, and staff can say what it means for them.'),
        s('leadership-plan', 'Our development plan names SEND priorities, with who does what and by when.'),
        s('leadership-governance', 'A named governor or trustee asks us challenging questions about SEND provision and outcomes.'),
        s('leadership-senco', 'The SENCO has the time, standing and support to lead SEND across the school.'),
      ],
    },
    {
      id: 'identification',
      title: 'Identification',
      intro: 'How you spot needs early and accurately.',
      statements: [
        s('identification-early', 'We identify needs early, and staff know what to look for and who to tell.'),
        s('identification-accurate', 'Our SEN register is accurate and reviewed, so pupils are neither missed nor over-identified.'),
        s('identification-patterns', 'We look at patterns of need across the school and use them to plan provision.'),
        s('identification-voice', 'Pupils and parents are part of deciding what the need is and what will help.'),
      ],
    },
    {
      id: 'outcomes',
      title: 'Tracking progress and outcomes',
      intro: 'How you know what difference your provision makes.',
      statements: [
        s('outcomes-progress', 'We track the progress and attainment of pupils with SEND and compare it with their peers.'),
        s('outcomes-use', 'What we learn from tracking changes teaching and interventions.'),
        s('outcomes-wider', 'We record wider outcomes too: independence, wellbeing, attendance and personal targets.'),
      ],
    },
    {
      id: 'teaching',
      title: 'High-quality teaching and intervention',
      intro: 'What happens in classrooms and in extra support.',
      statements: [
        s('teaching-first', 'High-quality, adapted teaching is our first response to additional needs.'),
        s('teaching-graduated', 'The graduated approach (assess, plan, do, review) runs well for every pupil on SEN support.'),
        s('teaching-interventions', 'Our interventions are chosen on evidence, and we check whether they work.'),
        s('teaching-staff', 'Teachers and teaching assistants get the training and guidance they need for SEND.'),
      ],
    },
    {
      id: 'provision',
      title: 'Developing provision',
      intro: 'Working with families, other professionals and other schools.',
      statements: [
        s('provision-parents', 'Parents and carers feel listened to and are involved in planning and reviews.'),
        s('provision-agencies', 'We commission outside support (EP, SaLT, CAMHS and others) and know the difference it makes.'),
        s('provision-sharing', 'We share practice with other schools in the trust and learn from beyond it.'),
      ],
    },
  ],
} satisfies Framework) as Framework;
