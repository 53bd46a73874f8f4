/** Where a SENCO is in their check-in, and what to show next. */
import type { CheckinAnswer, SchoolCheckin } from './model';

export interface Progress {
  answered: number;
  total: number;
  /** Pre-filled items not yet confirmed or changed, in order. */
  prefillPending: string[];
  /** Unanswered items that are not pre-filled, in order. */
  unanswered: string[];
  complete: boolean;
}

export type NextStep =
  | { kind: 'prefill'; itemIds: string[] }
  | { kind: 'item'; itemId: string }
  /** Items were skipped: nothing left after the last one; come back later. */
  | { kind: 'paused'; remaining: string[] }
  | { kind: 'done' };

export function progressOf(
  checkin: Pick<SchoolCheckin, 'itemIds' | 'prefill'>,
  answers: readonly Pick<CheckinAnswer, 'itemId'>[],
): Progress {
  const done = new Set(answers.map((a) => a.itemId));
  const open = checkin.itemIds.filter((id) => !done.has(id));
  const prefillPending = open.filter((id) => id in checkin.prefill);
  const unanswered = open.filter((id) => !(id in checkin.prefill));
  const answered = checkin.itemIds.length - open.length;
  return { answered, total: checkin.itemIds.length, prefillPending, unanswered, complete: open.length === 0 };
}

/**
 * The next thing to ask: the pre-filled answers first (one tap confirms them all), then each
 * remaining item in order. `after` is an item just answered or skipped: the next item comes
 * after it, so a skipped item is not asked again straight away.
 */
export function nextStep(
  checkin: Pick<SchoolCheckin, 'itemIds' | 'prefill'>,
  answers: readonly Pick<CheckinAnswer, 'itemId'>[],
  after?: string,
): NextStep {
  const progress = progressOf(checkin, answers);
  if (progress.complete) return { kind: 'done' };
  if (progress.prefillPending.length > 0) return { kind: 'prefill', itemIds: progress.prefillPending };
  const start = after === undefined ? -1 : checkin.itemIds.indexOf(after);
  const next = progress.unanswered.find((id) => checkin.itemIds.indexOf(id) > start);
  if (next !== undefined) return { kind: 'item', itemId: next };
  return { kind: 'paused', remaining: progress.unanswered };
}
