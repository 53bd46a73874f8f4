/**
 * Network meeting cards as neutral messages, ready for the invitation and RSVP flows: the
 * invitee's card (date, time, mode, venue or link, Going / Can't go / Maybe), the leader's card
 * with live counts, and the proposed dates of a new series. Pure: data in, message out; the same
 * data always gives the same card, so updating a card in place is re-rendering it.
 */
import { TERM_NAMES, localTimeOf, weekdayOf } from '../calendar';
import { formatDate } from '../core/dates';
import type { MeetingOccurrence, MeetingSeries, RsvpAnswer, RsvpCounts } from '../core/meetings/model';
import type { Block, Button, OutboundMessage } from '../core/message';
import { t } from '../i18n/en-GB';
import type { MoveError } from './move-occurrence';
import type { SeriesProposal } from './propose-dates';

export const MEETING_VERBS = {
  rsvp: 'meetings.rsvp',
  attended: 'meetings.attended',
  move: 'meetings.move',
  cancel: 'meetings.cancel',
  confirmSeries: 'meetings.series.confirm',
  changeSeries: 'meetings.series.change',
} as const;

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export type SeriesDetails = Pick<MeetingSeries, 'title' | 'mode' | 'venue' | 'joinUrl'>;

export interface InvitationView {
  occurrence: MeetingOccurrence;
  series: SeriesDetails;
  myAnswer: RsvpAnswer | null;
  attended: boolean;
  /** Agenda lines once the leader has set them. */
  agenda?: readonly string[];
  /** Names of audience schools not in school that day. */
  schoolsOffNames?: readonly string[];
  now: Date;
}

export interface LeaderView {
  occurrence: MeetingOccurrence;
  series: SeriesDetails;
  counts: RsvpCounts;
  attended: number;
  schoolsOffNames?: readonly string[];
  now: Date;
}

/** 'Tuesday 13 October 2026, 15:45 to 17:15 (UK time)' */
export function whenText(occurrence: Pick<MeetingOccurrence, 'date' | 'startsAt' | 'endsAt'>): string {
  return t('meetings.whenValue', {
    day: DAY_NAMES[weekdayOf(occurrence.date)]!,
    date: formatDate(occurrence.date),
    start: localTimeOf(occurrence.startsAt),
    end: localTimeOf(occurrence.endsAt),
  });
}

export function whereText(series: SeriesDetails): string {
  if (series.mode === 'online') return t('meetings.mode.online');
  if (series.mode === 'in-person') return t('meetings.mode.inPerson', { venue: series.venue ?? '' });
  return t('meetings.mode.hybrid', { venue: series.venue ?? '' });
}

const ANSWER_KEYS = { going: 'meetings.answer.going', 'not-going': 'meetings.answer.notGoing', maybe: 'meetings.answer.maybe' } as const;

export function answerLabel(answer: RsvpAnswer): string {
  return t(ANSWER_KEYS[answer]);
}

function detailFacts(occurrence: MeetingOccurrence, series: SeriesDetails): Block {
  const facts = [
    { label: t('meetings.when'), value: whenText(occurrence) },
    { label: t('meetings.where'), value: whereText(series) },
  ];
  if (series.mode !== 'in-person' && series.joinUrl) facts.push({ label: t('meetings.link'), value: series.joinUrl });
  return { type: 'facts', facts };
}

function title(occurrence: MeetingOccurrence, series: SeriesDetails): string {
  return occurrence.status === 'cancelled' ? t('meetings.cancelledTitle', { title: series.title }) : series.title;
}

/** The sequence travels with the buttons, so an answer to an outdated card can be recognised. */
function buttonData(occurrence: MeetingOccurrence, extra: Record<string, string> = {}): Record<string, string> {
  return { occurrenceId: occurrence.id, sequence: String(occurrence.sequence), ...extra };
}

export function invitationCard(view: InvitationView): OutboundMessage {
  const { occurrence, series } = view;
  const blocks: Block[] = [{ type: 'heading', text: title(occurrence, series) }, detailFacts(occurrence, series)];
  if (occurrence.status === 'cancelled') {
    blocks.push({ type: 'text', text: t('meetings.cancelled') });
    return { summary: `${title(occurrence, series)}: ${whenText(occurrence)}`, blocks };
  }
  if (occurrence.sequence > 0) blocks.push({ type: 'text', text: t('meetings.moved'), muted: true });
  if (view.schoolsOffNames && view.schoolsOffNames.length > 0) {
    blocks.push({ type: 'text', text: t('meetings.schoolsOff', { schools: view.schoolsOffNames.join(', ') }), muted: true });
  }
  if (view.agenda && view.agenda.length > 0) {
    blocks.push({ type: 'heading', text: t('meetings.agenda') }, { type: 'text', text: view.agenda.map((line) => `- ${line}`).join('\n') });
  }
  const started = view.now.getTime() >= occurrence.startsAt.getTime();
  if (started) {
    if (view.attended) blocks.push({ type: 'text', text: t('meetings.attendedThanks') });
    else
      blocks.push({
        type: 'buttons',
        buttons: [{ label: t('meetings.attended'), verb: MEETING_VERBS.attended, data: buttonData(occurrence), style: 'primary' }],
      });
  } else {
    blocks.push({
      type: 'text',
      text: view.myAnswer ? t('meetings.yourAnswer', { answer: answerLabel(view.myAnswer) }) : t('meetings.ask'),
    });
    const buttons: Button[] = (['going', 'not-going', 'maybe'] as const).map((answer) => ({
      label: answerLabel(answer),
      verb: MEETING_VERBS.rsvp,
      data: buttonData(occurrence, { answer }),
      ...(view.myAnswer === answer ? { style: 'primary' as const } : {}),
    }));
    blocks.push({ type: 'buttons', buttons });
  }
  return { summary: `${series.title}: ${whenText(occurrence)}`, blocks };
}

export function leaderCard(view: LeaderView): OutboundMessage {
  const { occurrence, series, counts } = view;
  const blocks: Block[] = [{ type: 'heading', text: title(occurrence, series) }, detailFacts(occurrence, series)];
  if (view.schoolsOffNames && view.schoolsOffNames.length > 0) {
    blocks.push({ type: 'text', text: t('meetings.schoolsOff', { schools: view.schoolsOffNames.join(', ') }), muted: true });
  }
  const facts = [
    { label: t('meetings.leader.going'), value: String(counts.going) },
    { label: t('meetings.leader.notGoing'), value: String(counts.notGoing) },
    { label: t('meetings.leader.maybe'), value: String(counts.maybe) },
    { label: t('meetings.leader.noAnswer'), value: String(counts.noAnswer) },
  ];
  const started = view.now.getTime() >= occurrence.startsAt.getTime();
  if (started) facts.push({ label: t('meetings.leader.attended'), value: String(view.attended) });
  blocks.push({ type: 'heading', text: t('meetings.leader.counts') }, { type: 'facts', facts });
  if (occurrence.status === 'cancelled') blocks.push({ type: 'text', text: t('meetings.cancelled') });
  else if (!started) {
    blocks.push({
      type: 'buttons',
      buttons: [
        { label: t('meetings.leader.move'), verb: MEETING_VERBS.move, data: buttonData(occurrence) },
        { label: t('meetings.leader.cancel'), verb: MEETING_VERBS.cancel, data: buttonData(occurrence), style: 'danger' },
      ],
    });
  }
  const summary = `${title(occurrence, series)}: ${counts.going} going, ${counts.notGoing} can't go, ${counts.maybe} maybe, ${counts.noAnswer} no answer`;
  return { summary, blocks };
}

/** Counts from answers; everyone invited without an answer counts as "no answer". */
export function countAnswers(invited: number, answers: ReadonlyArray<RsvpAnswer | null>): RsvpCounts {
  const going = answers.filter((a) => a === 'going').length;
  const notGoing = answers.filter((a) => a === 'not-going').length;
  const maybe = answers.filter((a) => a === 'maybe').length;
  return { going, notGoing, maybe, noAnswer: Math.max(0, invited - going - notGoing - maybe) };
}

/** The leader's preview of a new series: every proposed date, and the meetings that could not be placed. */
export function proposalCard(input: {
  title: string;
  yearLabel: string;
  proposal: SeriesProposal;
  schoolNames: ReadonlyMap<string, string>;
}): OutboundMessage {
  const termLabel = (term: 'autumn' | 'spring' | 'summer'): string => t(`meetings.term.${term}`);
  const rows = [
    ...input.proposal.occurrences.map((o) => ({
      order: TERM_NAMES.indexOf(o.term) * 10 + o.index,
      row: [
        termLabel(o.term),
        whenText(o),
        o.schoolsOff.length === 0
          ? t('meetings.proposal.everyone')
          : t('meetings.proposal.off', { schools: o.schoolsOff.map((id) => input.schoolNames.get(id) ?? id).join(', ') }),
      ],
    })),
    ...input.proposal.skipped.map((s) => ({
      order: TERM_NAMES.indexOf(s.term) * 10 + s.index,
      row: [termLabel(s.term), '-', s.reason === 'already-passed' ? t('meetings.proposal.passed') : t('meetings.proposal.noDay')],
    })),
  ].sort((a, b) => a.order - b.order);
  const heading = t('meetings.proposal.title', { title: input.title, year: input.yearLabel });
  return {
    summary: heading,
    blocks: [
      { type: 'heading', text: heading },
      { type: 'text', text: t('meetings.proposal.intro') },
      {
        type: 'table',
        columns: [t('meetings.proposal.col.term'), t('meetings.proposal.col.date'), t('meetings.proposal.col.note')],
        rows: rows.map((r) => r.row),
      },
      {
        type: 'buttons',
        buttons: [
          { label: t('meetings.proposal.confirm'), verb: MEETING_VERBS.confirmSeries, style: 'primary' },
          { label: t('meetings.proposal.change'), verb: MEETING_VERBS.changeSeries },
        ],
      },
    ],
  };
}

/** en-GB text for a refused series or move. */
export function meetingErrorText(error: MoveError, detail?: string): string {
  return t(`meetings.error.${error}`, { detail: detail ?? '' });
}
