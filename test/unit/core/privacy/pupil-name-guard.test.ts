import { checkPupilNames } from '../../../../src/core/privacy/pupil-name-guard';

const names = (text: string): string[] => checkPupilNames(text).hits.map((h) => h.name);

describe('checkPupilNames', () => {
  it.each([
    ['We moved Tom onto the reading intervention because the pupil was struggling.', ['Tom']],
    ['Aisha in Year 4 now has an EHCP.', ['Aisha']],
    ["Oliver's EHCP review is next week.", ['Oliver']],
    ['Our Y6 child Jake Thompson was referred to CAMHS.', ['Jake Thompson']],
    ['The student, Zoë, has an autism diagnosis.', ['Zoë']],
    ['Reception pupil Priya needs a SaLT referral.', ['Priya']],
    ['Two girls in yr 3 (Maisie and Lily) need support.', ['Maisie', 'Lily']],
  ])('warns about %j', (text, expected) => {
    expect(checkPupilNames(text).flagged).toBe(true);
    expect(names(text)).toEqual(expected);
  });

  it.each([
    'All pupils on SEN support have a plan reviewed three times a year.',
    'Parents of children with EHCPs said the reviews felt more useful.',
    'Mrs Patel trains teaching assistants on phonics interventions for Year 2.',
    'We met Sarah from the local authority about EHCP timescales.',
    'Pupils in Leeds schools wait a long time for an EP.',
    'Our SENCO, Dan, leads staff training every half term.',
    'Provision map updated in September; EHCP reviews booked for autumn.',
    '',
  ])('stays quiet for %j', (text) => {
    expect(checkPupilNames(text)).toEqual({ flagged: false, hits: [] });
  });

  it('says where the name is and which word made it look like a pupil', () => {
    expect(checkPupilNames('Good progress. Then Ben in Year 5 joined.').hits).toEqual([{ name: 'Ben', near: 'Year 5', index: 20 }]);
  });
});
