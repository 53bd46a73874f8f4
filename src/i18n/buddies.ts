/**
 * Buddying wording (issue 12): the reasons behind a proposed pair and why someone is on the
 * waiting list, in plain en-GB for the SEND leader and the pair; and the flows' messages
 * (`buddyMessages`, registered in en-GB.ts).
 */
import type { MatchReason, UnmatchedReason } from '../core/buddies/model';
import type { SchoolPhase } from '../core/model';

export const BUDDY_TAG_LABELS: Record<string, string> = {
  'ehcp-applications': 'EHCP applications',
  'annual-reviews': 'annual reviews',
  'provision-mapping': 'provision mapping',
  semh: 'SEMH',
  'communication-interaction': 'communication and interaction',
  'local-authority': 'working with the local authority',
  'staff-training': 'leading staff training',
  parents: 'working with parents',
  'graduated-approach': 'the graduated approach',
  transition: 'transition',
  npq: 'the NPQ for SENCOs',
};

const PHASE_LABELS: Record<SchoolPhase, string> = {
  primary: 'primary',
  secondary: 'secondary',
  'all-through': 'all-through',
  special: 'special school',
  'alternative-provision': 'alternative provision',
  nursery: 'nursery school',
};

export function tagLabel(tag: string): string {
  return BUDDY_TAG_LABELS[tag] ?? tag.replace(/-/g, ' ');
}

function years(n: number): string {
  return n === 1 ? '1 year' : `${n} years`;
}

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export interface PairNames {
  buddy: string;
  mentee: string;
}

/** One reason as a short sentence, e.g. "Sam has 8 years as a SENCO; Alex has 1 year." */
export function describeReason(reason: MatchReason, names: PairNames): string {
  switch (reason.code) {
    case 'experience':
      return `${names.buddy} has ${years(reason.buddyYears)} as a SENCO; ${names.mentee} has ${years(reason.menteeYears)}.`;
    case 'qualified':
      return `${names.buddy} holds the SENCO qualification and can talk through the NPQ.`;
    case 'new-senco':
      return `${names.mentee} is new to the role, so comes first for a buddy.`;
    case 'needs':
      return `${names.buddy} can help with what ${names.mentee} asked about: ${list(reason.tags.map(tagLabel))}.`;
    case 'same-la':
      return `Both work with ${reason.localAuthority}, so the paperwork is the same.`;
    case 'same-phase':
      return `Both work in ${PHASE_LABELS[reason.phase]} settings.`;
    case 'cross-phase':
      return `Different phases (${PHASE_LABELS[reason.menteePhase]} and ${PHASE_LABELS[reason.buddyPhase]}): useful for transition and a fresh view.`;
    case 'specialist':
      return `${names.buddy} brings special school or AP expertise, as ${names.mentee} asked.`;
    case 'light-load':
      return `${names.buddy} has no one to buddy at the moment.`;
    case 'waited':
      return `${names.mentee} has been waiting for ${reason.rounds === 1 ? 'one round' : `${reason.rounds} rounds`}.`;
    case 'repeat-agreed':
      return `They have been paired before; you agreed to a repeat as no one else was free.`;
  }
}

/** Why someone has no buddy this round, for them and for the leader's waiting list. */
export function describeUnmatched(reason: UnmatchedReason): string {
  switch (reason) {
    case 'opted-out':
      return 'They have opted out of buddying, so no buddy was looked for.';
    case 'no-buddies':
      return 'No buddy has a free place at the moment. They are on the waiting list and come first next time.';
    case 'same-school-only':
      return 'The only buddies with room work in the same school. They are on the waiting list.';
    case 'no-eligible-buddy':
      return 'The buddies with room are in the same school or ruled out (for example their line manager). They are on the waiting list.';
    case 'only-previous-buddies':
      return 'The only buddies with room have buddied them before. You can agree to a repeat, or they wait for someone new.';
    case 'no-capacity':
      return 'Everyone who could help was needed by others this round. They are on the waiting list and come first next time.';
  }
}

/** Buddying messages by key, registered in en-GB.ts. */
export const buddyMessages = {
  'buddy.ask.title': 'Ask for a buddy',
  'buddy.ask.intro':
    'A buddy is an experienced SENCO in another school of the trust who you can call or message for advice. Pick what you would most like help with.',
  'buddy.ask.newIntro':
    'Welcome to the role. New SENCOs in the trust can have a buddy: an experienced SENCO in another school to call or message for advice. Would you like one?',
  'buddy.ask.first': 'Most want help with',
  'buddy.ask.second': 'Also (optional)',
  'buddy.ask.specialist': 'Special school or AP experience',
  'buddy.ask.specialistNo': 'Not needed',
  'buddy.ask.specialistYes': 'Yes, please',
  'buddy.ask.submit': 'Ask for a buddy',
  'buddy.ask.none': 'Please pick at least one thing you would like help with.',
  'buddy.ask.done':
    'Thanks. You are on the list for a buddy (help with {needs}). Your MAT SEND leader matches buddies and you will hear as soon as you have one.',
  'buddy.ask.already': 'You have already asked for a buddy (help with {needs}), and you are on the list. Type **buddy stop** to withdraw.',
  'buddy.ask.active': 'You already have a buddy: {name}. Type **buddy stop** if you no longer want one.',
  'buddy.ask.optedOut': 'You had opted out of buddying; asking for a buddy has turned that off.',
  'buddy.offer.usage':
    'Type **buddy offer** and how many SENCOs you could buddy at once, then what you are strong in, for example **buddy offer 2 EHCP applications, SEMH**. Areas: {tags}.',
  'buddy.offer.badCapacity': 'How many SENCOs could you buddy at once? Give a number from 1 to 4, for example **buddy offer 2 SEMH**.',
  'buddy.offer.done':
    'Thank you. You are offering to buddy up to {capacity} at once, strong in {strengths}. Type **buddy stop** to stop offering.',
  'buddy.offer.noStrengths': 'anything asked',
  'buddy.stop.done': 'Done: you are out of buddying (no requests, no offers). Type **buddy** or **buddy offer** any time to come back.',
  'buddy.stop.withActive':
    ' Your current buddying with {names} carries on until it ends; press "This isn\'t working" on its card to end it sooner.',
  'buddies.title': 'Buddies',
  'buddies.current': 'Current pairs ({count})',
  'buddies.proposed': 'Waiting for your approval ({count})',
  'buddies.waiting': 'Waiting list ({count})',
  'buddies.notMet': 'Not met yet ({count})',
  'buddies.feedback': 'Feedback',
  'buddies.nothing': 'No one has asked for a buddy yet. SENCOs type **buddy** to ask; experienced SENCOs type **buddy offer** to help.',
  'buddies.pairLine': '{mentee} with {buddy} (since {since}, until {until}){met}',
  'buddies.metYes': ', met',
  'buddies.waitLine': '{name}: {reason}',
  'buddies.waitNew': 'not matched yet. Type **buddies match** to look for a buddy.',
  'buddies.hint': 'Type **buddies match** to propose buddies for everyone waiting.',
  'buddies.match.none': 'No one is waiting for a buddy, so there is nothing to match.',
  'buddies.match.title': 'Proposed buddies ({count})',
  'buddies.match.proposal': '{mentee} with {buddy}',
  'buddies.match.unmatched': 'No buddy this time for {count}: they have been told and are on the waiting list.',
  'buddies.match.unmatchedLine': '{name}: {reason}',
  'buddies.approve': 'Approve',
  'buddies.decline': 'Decline',
  'buddies.approveAll': 'Approve all ({count})',
  'buddies.approveAll.confirm': 'Approve all {count} proposed pairs? Each person gets an introduction.',
  'buddies.approveAll.yes': 'Yes, approve all',
  'buddies.approveAll.done': 'Approved {count}. Introductions are on their way.',
  'buddies.approved': 'Approved: {mentee} with {buddy}. Both get an introduction.',
  'buddies.alreadyDone': 'That proposal has already been dealt with ({status}), so nothing changed.',
  'buddies.declined': 'Declined: {mentee} with {buddy}. {mentee} stays on the waiting list for the next round.',
  'buddies.notFound': 'I could not find that pair. Type **buddies** to see the current ones.',
  'buddies.auto.on': 'Auto-approve is on: proposals from **buddies match** are approved straight away and introductions sent.',
  'buddies.auto.off': 'Auto-approve is off: you approve each proposal.',
  'buddies.auto.usage': 'Type **buddies auto-approve on** or **buddies auto-approve off**.',
  'buddies.auto.approved': 'Auto-approve is on, so these are approved and introductions are on their way.',
  'buddies.match.usage':
    'Type **buddies match** for pairs, or **buddies match clusters 3** (or 4) for small groups of one experienced SENCO with two or three newer ones.',
  'buddies.match.clusters': 'Clusters of {size}: one buddy with up to {others} SENCOs each.',
  'buddy.new.usage': 'Type **buddy new** and the name or email of a SENCO new to the role, for example **buddy new nia@oak.org.uk**.',
  'buddy.new.notFound': 'I could not find "{name}" on the roster. Use their email, or their full name as it is on the roster.',
  'buddy.new.notSenco': '{name} is not a SENCO on the roster, so buddying does not apply.',
  'buddy.new.done': 'Marked {name} as new to the role.',
  'buddy.new.already': '{name} was already marked as new to the role.',
  'buddy.new.offered': 'They have been offered a buddy.',
  'buddy.new.notOffered': 'No new offer sent: they have been offered one before, have asked, have a buddy or have opted out.',
  'buddy.waiting.title': 'No buddy yet',
  'buddy.waiting.text': 'We looked for a buddy for you but could not find one this time. {reason} You stay on the list.',
  'buddy.intro.title': 'Meet your buddy',
  'buddy.intro.mentee': 'Your buddy is **{buddy}** ({school}). They have offered to help, so get in touch when it suits you both.',
  'buddy.intro.buddy': 'You are buddying **{mentee}** ({school}), who is {newness}. Thank you for offering.',
  'buddy.intro.group':
    '**{mentee}** ({menteeSchool}), meet **{buddy}** ({buddySchool}), your buddy. This chat is for the two of you (and me, for the follow-ups): get in touch here when it suits you both.',
  'buddy.intro.new': 'new to the SENCO role',
  'buddy.intro.notNew': 'looking for a fellow SENCO to talk to',
  'buddy.intro.why': 'Why you were paired',
  'buddy.intro.first':
    'A good first conversation (20 minutes, a call is fine): what each of your settings is like, {topic}, and how you would like to keep in touch (a call each half-term works for many).',
  'buddy.intro.topic.default': 'what the first term has been like',
  'buddy.intro.until': 'Buddying runs until {until}. I will check in with you both after 2 and 6 weeks.',
  'buddy.met': "We've met",
  'buddy.notWorking': "This isn't working",
  'buddy.met.done': 'Great, noted that you have met. I will check in later in the term.',
  'buddy.met.already': 'Already noted that you have met.',
  'buddy.notYours': 'That buddy pair is not one of yours, so nothing changed.',
  'buddy.notWorking.done': 'Thanks for saying. I have ended this buddying and asked your MAT SEND leader to find {who} a new buddy.',
  'buddy.notWorking.already': 'This buddying has already ended.',
  'buddy.notWorking.leader':
    '{who} says buddying {mentee} with {buddy} is not working. {mentee} is back on the waiting list: type **buddies match** to rematch.',
  'buddy.followUp.title': 'How is buddying going?',
  'buddy.followUp.week2': 'It is two weeks since you were introduced to {other}. Have you met yet?',
  'buddy.followUp.week6': 'It is six weeks since you were introduced to {other}. Is it helping?',
  'buddy.followUp.snooze': 'Ask me next week',
  'home.buddy.heading': 'Buddying',
  'home.buddy.yourBuddy': 'Your buddy is {name} ({school}), until {until}.',
  'home.buddy.buddying': 'You are buddying {name} ({school}), until {until}.',
  'home.buddy.haveYouMet': 'Have you met yet? Press the button once you have.',
  'home.buddy.waiting': 'You are on the list for a buddy (help with {needs}). You will hear as soon as there is one.',
  'home.buddies.heading': 'Buddies across the trust',
  'home.buddies.line': 'Waiting for a buddy: {waiting}. Pairs not met yet: {notMet}. Type **buddies** for the details.',
  'home.buddies.proposed': 'Proposed pairs waiting for your approval: {count}.',
  'digest.buddies.title': 'Buddies',
  'digest.buddies.headline': 'Pairs buddying: {pairs}. Waiting for a buddy: {waiting}.',
  'digest.buddies.notMet': 'Not met yet: {mentee} with {buddy}',
  'digest.buddies.notMetCount': 'Pairs not met yet: {count}',
  'digest.buddies.proposed': 'Proposed pairs waiting for approval: {count}',
  'digest.buddies.waiting': 'Waiting: {names}',
  'digest.buddies.feedback': 'Feedback from {name}: {line}',
  'digest.buddies.feedbackCount': 'Lines of feedback (the SEND leader reads them): {count}',
  'buddy.followUp.later': 'All right, I will ask again on {until}. Buddy follow-ups wait until then.',
  'buddy.end.title': 'Buddying has ended',
  'buddy.end.text': 'Your buddying with {other} ended on {until}. Thank you both. In one line, what did it help with?',
  'buddy.end.field': 'One line of feedback',
  'buddy.end.submit': 'Send',
  'buddy.end.thanks': 'Thank you, your feedback is saved for your MAT SEND leader.',
  'buddy.end.empty': 'Please write a line of feedback, or ignore this message.',
} as const;
