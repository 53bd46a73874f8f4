/**
 * Whether a nudge may go now, checked at send time (a pause set after the nudge was queued
 * still holds it). Nudges wait for the recipient school's next school-day window, for the
 * end of a snooze of their kind and for the end of a pause; a held message gets a later
 * `notBefore`, it is never dropped.
 */
import { DEFAULT_SCHOOL_HOURS, nextAllowedInstant, type SchoolHours } from '../calendar/quiet-hours';
import type { NudgePreferences, SchoolDays, SchoolDaysSource } from '../core/nudge-port';
import type { ClaimedMessage } from '../core/outbox-port';

export type HoldReason = 'paused' | 'snoozed' | 'quiet-hours' | 'no-school-day-known';

export type HoldDecision =
  | { action: 'send' }
  | { action: 'hold'; until: Date; reason: HoldReason }
  /** The recipient is no longer on the roster: end the row without sending. */
  | { action: 'cancel'; reason: string };

export interface RecipientHolds {
  pausedUntil: Date | null;
  snoozedUntil: Date | null;
  schoolDays: SchoolDays;
  hours?: SchoolHours;
}

/** With no school day known ahead (a calendar without future years), look again in a day. */
const RECHECK_WITHOUT_CALENDAR_MS = 24 * 60 * 60 * 1000;

/** Pure: the first instant at or after `now` when the nudge may go, and why it waits. */
export function decideHold(now: Date, holds: RecipientHolds): HoldDecision {
  let earliest = now;
  let reason: HoldReason | null = null;
  if (holds.pausedUntil && holds.pausedUntil > earliest) {
    earliest = holds.pausedUntil;
    reason = 'paused';
  }
  if (holds.snoozedUntil && holds.snoozedUntil > earliest) {
    earliest = holds.snoozedUntil;
    reason = 'snoozed';
  }
  const allowed = nextAllowedInstant(earliest, holds.schoolDays, holds.hours ?? DEFAULT_SCHOOL_HOURS);
  if (allowed === null)
    return { action: 'hold', until: new Date(earliest.getTime() + RECHECK_WITHOUT_CALENDAR_MS), reason: 'no-school-day-known' };
  if (allowed.getTime() <= now.getTime()) return { action: 'send' };
  return { action: 'hold', until: allowed, reason: reason ?? 'quiet-hours' };
}

/** The check the outbox worker runs before each send. */
export type HoldCheck = (message: ClaimedMessage, now: Date) => Promise<HoldDecision>;

/** Messages that are not nudges (no kind, or no person) always go. */
export function createHoldCheck(deps: { nudges: NudgePreferences; schoolDays: SchoolDaysSource; hours?: SchoolHours }): HoldCheck {
  return async (message, now) => {
    if (!message.kind || !message.personId) return { action: 'send' };
    const holds = await deps.nudges.holdsFor(message.personId, message.kind);
    if (!holds) return { action: 'cancel', reason: 'recipient is no longer on the roster' };
    const schoolDays = await deps.schoolDays.forSchool(holds.trustId, holds.schoolId);
    // The school's own day (e.g. 08:45-15:30) when set, else the configured default.
    const hours = holds.schoolHours ?? deps.hours;
    return decideHold(now, { pausedUntil: holds.pausedUntil, snoozedUntil: holds.snoozedUntil, schoolDays, hours });
  };
}
