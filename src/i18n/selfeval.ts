/**
 * Self-evaluation wording (issue 13) for the summaries the SEND leader receives. Kept apart
 * from en-GB.ts until the self-evaluation flows register their keys there.
 */
export const selfevalMessages = {
  'selfeval.area.title': '{school}: {area}',
  'selfeval.area.summary': '{school} finished {area}: {strengths} strengths, {development} to develop',
  'selfeval.area.progress': '{answered} of {total} statements answered',
  'selfeval.area.ratings': 'Ratings',
  'selfeval.area.strengths': 'Strengths',
  'selfeval.area.development': 'Development areas',
  'selfeval.area.help': 'What would help',
  'selfeval.area.evidence': 'Evidence offered',
  'selfeval.area.none': 'None this time.',
  'selfeval.col.statement': 'Statement',
  'selfeval.col.rating': 'Rating',
  'selfeval.col.change': 'Since last cycle',
  'selfeval.change.up': 'up from {previous}',
  'selfeval.change.down': 'down from {previous}',
  'selfeval.change.same': 'no change',
  'selfeval.change.new': 'new',
  'selfeval.notAnswered': 'not answered',
  'selfeval.rollup.title': 'Self-evaluation across the trust',
  'selfeval.rollup.summary': 'Self-evaluation: {complete} of {schools} schools finished',
  'selfeval.rollup.matrix': 'Areas by school',
  'selfeval.rollup.school': 'School',
  'selfeval.rollup.common': 'Most common development areas',
  'selfeval.rollup.commonLine': '{text} ({count} schools)',
  'selfeval.rollup.supporters': 'Schools that could support others',
  'selfeval.rollup.supportersLine': '**{area}**: {schools}',
  'selfeval.rollup.noSupporters': 'no school yet',
  'selfeval.rollup.more': '…and {count} more schools (the export has every school).',
  'selfeval.rollup.privacy':
    'Ratings are for reflection, not inspection: share a school summary beyond the SEND leader only with the school.',
} as const;

export type SelfevalKey = keyof typeof selfevalMessages;

export function st(key: SelfevalKey, params: Record<string, string | number> = {}): string {
  return selfevalMessages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
