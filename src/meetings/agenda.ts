/**
 * The agenda of a network meeting, pure: when each step happens (topics asked two weeks
 * before, the agenda out a week before, the presenter reminded the school day before, the
 * after-meeting prompts at the end) and how suggested topics rank by votes.
 */
import { addDays, toInstant, type LocalDate, type SchoolCalendar } from '../calendar';
import type { MeetingOccurrence } from '../core/meetings/model';

/** The topics people can pick without typing (issue 11, item 4). */
export const AGENDA_PRESETS = [
  'Provision maps',
  'EHCP applications',
  'Difficult conversations with parents',
  'Identification of SEND',
  'SEN information reports',
] as const;

/** Longest topic a person may type (it is shown on cards and in the agenda). */
export const TOPIC_MAX = 120;
/** Longest "what the school presents". */
export const STRENGTH_TITLE_MAX = 120;
/** Most discussion topics on one agenda. */
export const AGENDA_MAX_TOPICS = 5;

/** Agenda steps run at this London time on a school day (as the meeting reminders). */
export const STEP_TIME = '08:30';

export type AgendaStep = 'topics' | 'agenda' | 'presenter-day' | 'after';

/** How far back a step may move to find a school day (over a half-term or the Christmas holiday). */
const LOOK_BACK_DAYS = 42;

/** The school day on or before `date`, looking back over holidays; `date` itself when none is found. */
export function schoolDayOnOrBefore(calendar: Pick<SchoolCalendar, 'isSchoolDay'>, date: LocalDate): LocalDate {
  for (let back = 0; back <= LOOK_BACK_DAYS; back += 1) {
    const day = addDays(date, -back);
    if (calendar.isSchoolDay(day)) return day;
  }
  return date;
}

/**
 * When each agenda step of one meeting runs. Topics: 08:30 on the school day on or before two
 * weeks before; the agenda: the school day on or before a week before; the presenter's reminder:
 * the school day before; the after-meeting prompts: when it ends. When a holiday pushes the
 * agenda back onto (or before) the topics day, the topics are asked the school day before that,
 * so people always have at least a day to suggest and vote. Steps are in order and each
 * `occasion` carries the meeting's date and time, so a moved meeting runs its steps again.
 */
export function agendaSteps(
  occurrence: Pick<MeetingOccurrence, 'date' | 'time' | 'startsAt' | 'endsAt'>,
  calendar: Pick<SchoolCalendar, 'isSchoolDay'>,
): Array<{ step: AgendaStep; occasion: string; day: LocalDate; at: Date }> {
  const agendaDay = schoolDayOnOrBefore(calendar, addDays(occurrence.date, -7));
  let topicsDay = schoolDayOnOrBefore(calendar, addDays(occurrence.date, -14));
  if (topicsDay >= agendaDay) topicsDay = schoolDayOnOrBefore(calendar, addDays(agendaDay, -1));
  const presenterDay = schoolDayOnOrBefore(calendar, addDays(occurrence.date, -1));
  const tag = `${occurrence.date}-${occurrence.time.replace(':', '')}`;
  const steps = [
    { step: 'topics' as const, day: topicsDay, at: toInstant(topicsDay, STEP_TIME) },
    { step: 'agenda' as const, day: agendaDay, at: toInstant(agendaDay, STEP_TIME) },
    { step: 'presenter-day' as const, day: presenterDay, at: toInstant(presenterDay, STEP_TIME) },
  ].filter((s) => s.at.getTime() < occurrence.startsAt.getTime());
  return [
    ...steps.map((s) => ({ ...s, occasion: `${s.step}-${tag}` })),
    { step: 'after', occasion: `after-${tag}`, day: occurrence.date, at: occurrence.endsAt },
  ];
}

export interface RankableTopic {
  id: string;
  text: string;
  votes: number;
}

/**
 * Topics by votes, most first; ties keep the order given (the order they were suggested) and
 * share a rank ("1, 2, 2, 4"), so the leader sees which are level.
 */
export function rankTopics<T extends RankableTopic>(topics: readonly T[]): Array<{ rank: number; topic: T }> {
  const sorted = topics.map((topic, index) => ({ topic, index })).sort((a, b) => b.topic.votes - a.topic.votes || a.index - b.index);
  const out: Array<{ rank: number; topic: T }> = [];
  sorted.forEach(({ topic }, i) => {
    const previous = out[i - 1];
    out.push({ rank: previous && previous.topic.votes === topic.votes ? previous.rank : i + 1, topic });
  });
  return out;
}

/** A typed topic, tidied: spaces collapsed; null when empty. Length is checked by the caller (TOPIC_MAX). */
export function tidyTopic(text: string): string | null {
  const tidy = text.replace(/\s+/g, ' ').trim();
  return tidy.length === 0 ? null : tidy;
}

/**
 * The leader's chosen topic ids in order, from form fields `item1`..`itemN`: blanks skipped,
 * a topic chosen twice kept at its first place, unknown ids dropped.
 */
export function chosenOrder(fields: readonly string[], known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const id of fields) if (id && known.has(id) && !out.includes(id)) out.push(id);
  return out;
}
