/**
 * Self-evaluation wording (issue 13): the SENCO's sitting, the leader's commands and the
 * summaries the SEND leader receives. Registered in en-GB.ts.
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
  'selfeval.cmd.summary': 'Self-evaluate your school, one area at a time',
  'selfeval.start.summary': 'Open a new self-evaluation cycle for the trust',
  'selfeval.rollup.cmdSummary': "See every school's self-evaluation at once, with a heat map",
  'selfeval.export.summary': 'Get the school summaries, the roll-up and every answer as files',
  'selfeval.who':
    'Who sees your answers: you, other SENCOs of your school, and the MAT SEND leader. Trust leaders only see figures across schools. This is for reflection, not inspection.',
  'selfeval.noCycle': 'There is no self-evaluation open at the moment. Your MAT SEND leader opens one with **selfeval start**.',
  'selfeval.noSchool': 'You are not down as SENCO of a school yet, so there is nothing to self-evaluate. Ask your MAT SEND leader.',
  'selfeval.otherSchool': 'That self-evaluation is for a school you are not SENCO of, so nothing was saved.',
  'selfeval.closed': 'That self-evaluation cycle has closed, so nothing was saved.',
  'selfeval.badButton': 'That button has expired. Type **selfeval** to carry on where you left off.',
  'selfeval.allDone': 'Your school has finished all five areas for {cycle}. Thank you: your MAT SEND leader has the summary.',
  'selfeval.areaIntro': '**{area}**: {intro}',
  'selfeval.progress': 'Area {area} of {areas}, statement {statement} of {statements}',
  'selfeval.lastCycle': 'Last cycle you said: {rating}.',
  'selfeval.ratingSaved': 'Saved: {rating}.',
  'selfeval.evidenceOffer': 'Want to add a line of evidence for that one? Type it now, or tap a rating below to move on.',
  'selfeval.evidenceOfferLast': 'Want to add a line of evidence for that one? Type it now, or tap **Finish area**.',
  'selfeval.finish': 'Finish area',
  'selfeval.skip': 'Skip',
  'selfeval.help.ask': '{prompt} Type a line, or tap Skip.',
  'selfeval.typed.saved': 'Thanks, saved.',
  'selfeval.tapRating': 'Tap one of the ratings to answer, or type **cancel** to stop for now.',
  'selfeval.areaDone':
    'That is **{area}** done ({done} of {areas} areas). Your MAT SEND leader has the summary. Type **selfeval** when you are ready for the next area.',
  'selfeval.guard.warn':
    'That looks as if it might name a pupil ({names}). Please leave names out of chat. Type it again without the name, or tap **Save anyway** if it is not a pupil.',
  'selfeval.guard.saveAnyway': 'Save anyway',
  'selfeval.describe': 'your self-evaluation of {area}',
  'selfeval.resume': 'type **selfeval** (your answers so far are saved)',
  'selfeval.started': 'Self-evaluation **{label}** is open. SENCOs can type **selfeval** to start; {previous}',
  'selfeval.startedPrevious': 'their answers will be compared with {previous}.',
  'selfeval.startedFirst': "this is the trust's first cycle.",
  'selfeval.exists': 'A cycle called {label} already exists. Pick another name, for example **selfeval start {suggestion}**.',
  'selfeval.badLabel': 'Give the cycle a short name such as 2026-27 (letters, numbers and dashes).',
  'selfeval.invite':
    'Self-evaluation {label} has opened. Tap Start (or type **selfeval**) to begin with {area}: a few taps, one area at a time.',
  'selfeval.begin': 'Start',
  'selfeval.schoolDone.summary': '{school} has finished its self-evaluation for {cycle}',
  'selfeval.schoolDone.title': '{school} has finished all five areas ({cycle})',
  'selfeval.chart.title': 'Schools by rating in each area',
  'selfeval.chart.unit': 'schools',
  'selfeval.chart.file': 'The heat map is attached as a picture.',
  'selfeval.noCycleLeader': 'There is no self-evaluation cycle yet. Open one with **selfeval start 2026-27**.',
  'selfeval.export.done':
    'Here are the self-evaluation files for {cycle}: the roll-up and school summaries (Markdown) and every answer (CSV).',
  'selfeval.export.summaryLine': 'Self-evaluation files for {cycle}',
  'selfeval.nudge':
    'You are part-way through **{area}** in your self-evaluation ({answered} of {total} answered). Type **selfeval** to pick up where you left off.',
} as const;

export type SelfevalKey = keyof typeof selfevalMessages;

export function st(key: SelfevalKey, params: Record<string, string | number> = {}): string {
  return selfevalMessages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
