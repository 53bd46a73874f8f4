/**
 * The facts of a round for the SEND leader: completion by school, every answer that raised
 * something (with the SENCO's note and follow-up), what falls due within 60 days, and what
 * changed since the school's previous round. Pure data; src/digest turns it into a message.
 */
import { addMonths, type LocalDate } from '../dates';
import type { SchoolPhase } from '../model';
import { countsOf, needsFollowUp } from './answers';
import { findItem } from './checklist';
import type { AnswerType, CheckinAnswer, Checklist, FollowUp, SchoolCheckin, SencoFacts, Strength } from './model';
import { progressOf } from './progress';
import { qualificationStatus } from '../qualification';

export const DUE_SOON_DAYS = 60;

export interface SchoolRoundData {
  schoolId: string;
  schoolName: string;
  phase: SchoolPhase;
  /** Null when the school had no check-in this round (e.g. no SENCO when it opened). */
  checkin: SchoolCheckin | null;
  answers: readonly CheckinAnswer[];
  /** The school's answers in its previous round, with that round's checklist. */
  previous: { answers: readonly CheckinAnswer[]; checklist: Checklist } | null;
  sencos: readonly SencoFacts[];
}

export interface CompletionRow {
  schoolId: string;
  schoolName: string;
  answered: number;
  total: number;
  complete: boolean;
  /** No check-in (no SENCO on the roster when the round opened). */
  missing: boolean;
}

export interface Concern {
  schoolName: string;
  itemId: string;
  question: string;
  strength: Strength;
  value: string;
  answerType: AnswerType;
  note: string | null;
  followUp: FollowUp | null;
}

export type DueSoon =
  | { kind: 'review-date'; schoolName: string; itemId: string; question: string; due: LocalDate; overdue: boolean }
  | { kind: 'count'; schoolName: string; itemId: string; question: string; count: number }
  | { kind: 'qualification'; schoolName: string; sencoName: string; due: LocalDate; overdue: boolean }
  | { kind: 'enrol'; schoolName: string; sencoName: string; appointedOn: LocalDate };

export interface Change {
  schoolName: string;
  itemId: string;
  question: string;
  answerType: AnswerType;
  from: string;
  to: string;
}

export interface RoundSummary {
  completion: CompletionRow[];
  concerns: Concern[];
  dueSoon: DueSoon[];
  changes: Change[];
  /** True when no school has a previous round: there is nothing to compare with yet. */
  firstRound: boolean;
  schools: number;
  complete: number;
}

/** `date` + `days` (calendar days), for the 60-day window. */
export function plusDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function dueSoonOf(school: SchoolRoundData, checklist: Checklist, today: LocalDate): DueSoon[] {
  const horizon = plusDays(today, DUE_SOON_DAYS);
  const out: DueSoon[] = [];
  for (const answer of school.answers) {
    const item = findItem(checklist, answer.itemId);
    if (!item) continue;
    if (item.answer === 'date' && item.renewMonths !== null) {
      const due = addMonths(answer.value, item.renewMonths);
      if (due <= horizon)
        out.push({
          kind: 'review-date',
          schoolName: school.schoolName,
          itemId: item.id,
          question: item.question,
          due,
          overdue: due < today,
        });
    }
    // A 'counts' item's second number is the one falling due (e.g. overdue, then due soon).
    const count = item.answer === 'counts' ? countsOf(answer.value)[1] : item.answer === 'number' ? Number(answer.value) : 0;
    if (item.countsDueSoon && count > 0) {
      out.push({ kind: 'count', schoolName: school.schoolName, itemId: item.id, question: item.question, count });
    }
  }
  for (const senco of school.sencos) {
    const status = qualificationStatus(senco, today);
    if ((status.status === 'due' || status.status === 'in-progress' || status.status === 'overdue') && status.deadline <= horizon) {
      out.push({
        kind: 'qualification',
        schoolName: school.schoolName,
        sencoName: senco.name,
        due: status.deadline,
        overdue: status.deadline < today,
      });
    } else if (status.status === 'due' && status.enrolLate && senco.appointedOn) {
      out.push({ kind: 'enrol', schoolName: school.schoolName, sencoName: senco.name, appointedOn: senco.appointedOn });
    }
  }
  return out;
}

function changesOf(school: SchoolRoundData, checklist: Checklist): Change[] {
  if (!school.previous) return [];
  const before = new Map(school.previous.answers.map((a) => [a.itemId, a]));
  const out: Change[] = [];
  for (const answer of school.answers) {
    const old = before.get(answer.itemId);
    const item = findItem(checklist, answer.itemId) ?? findItem(school.previous.checklist, answer.itemId);
    if (!old || !item || old.value === answer.value) continue;
    out.push({
      schoolName: school.schoolName,
      itemId: item.id,
      question: item.question,
      answerType: item.answer,
      from: old.value,
      to: answer.value,
    });
  }
  return out;
}

export function summariseRound(checklist: Checklist, schools: readonly SchoolRoundData[], today: LocalDate): RoundSummary {
  const sorted = [...schools].sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'en-GB'));
  const completion: CompletionRow[] = sorted.map((s) => {
    if (!s.checkin) return { schoolId: s.schoolId, schoolName: s.schoolName, answered: 0, total: 0, complete: false, missing: true };
    const p = progressOf(s.checkin, s.answers);
    return { schoolId: s.schoolId, schoolName: s.schoolName, answered: p.answered, total: p.total, complete: p.complete, missing: false };
  });
  const concerns: Concern[] = [];
  for (const school of sorted) {
    const order = school.checkin?.itemIds ?? [];
    const answers = [...school.answers].sort((a, b) => order.indexOf(a.itemId) - order.indexOf(b.itemId));
    for (const answer of answers) {
      const item = findItem(checklist, answer.itemId);
      if (!item || !needsFollowUp(item, answer.value, today)) continue;
      concerns.push({
        schoolName: school.schoolName,
        itemId: item.id,
        question: item.question,
        strength: item.strength,
        value: answer.value,
        answerType: item.answer,
        note: answer.note,
        followUp: answer.followUp,
      });
    }
  }
  return {
    completion,
    concerns,
    dueSoon: sorted.flatMap((s) => dueSoonOf(s, checklist, today)),
    changes: sorted.flatMap((s) => changesOf(s, checklist)),
    firstRound: sorted.every((s) => !s.previous),
    schools: completion.length,
    complete: completion.filter((c) => c.complete).length,
  };
}
