import { tagsIn, tagsText } from '../../../../src/flows/buddies/tags';

describe('reading buddy tags from what people type', () => {
  it('reads ids, labels and common words, in the list order', () => {
    expect(tagsIn('SEMH, EHCP applications')).toEqual(['ehcp-applications', 'semh']);
    expect(tagsIn('working with the local authority and parents')).toEqual(['local-authority', 'parents']);
    expect(tagsIn('provision-mapping')).toEqual(['provision-mapping']);
    expect(tagsIn('autism and the NPQ')).toEqual(['communication-interaction', 'npq']);
  });

  it('does not match parts of words or unknown areas', () => {
    expect(tagsIn('')).toEqual([]);
    expect(tagsIn('lamps and semhx')).toEqual([]);
    expect(tagsIn('gardening')).toEqual([]);
  });

  it('words tags for people', () => {
    expect(tagsText(['ehcp-applications', 'semh', 'staff-training'])).toBe('EHCP applications, SEMH and leading staff training');
  });
});
