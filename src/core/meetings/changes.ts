/**
 * Changes to one occurrence. Every real change raises the iCalendar SEQUENCE so Outlook and
 * Google Calendar replace the event they hold; repeating the same change (a double press, a
 * redelivered event) changes nothing and keeps the sequence, so nobody gets a second update.
 */
import { MeetingOccurrence } from './model';

export interface Reschedule {
  date: string;
  time: string;
  durationMinutes: number;
  startsAt: Date;
  endsAt: Date;
  schoolsOff: string[];
}

export function rescheduleOccurrence(occurrence: MeetingOccurrence, to: Reschedule): MeetingOccurrence {
  const same =
    occurrence.status === 'scheduled' &&
    occurrence.date === to.date &&
    occurrence.time === to.time &&
    occurrence.durationMinutes === to.durationMinutes;
  if (same) return occurrence;
  return { ...occurrence, ...to, schoolsOff: [...to.schoolsOff], status: 'scheduled', sequence: occurrence.sequence + 1 };
}

export function cancelOccurrence(occurrence: MeetingOccurrence): MeetingOccurrence {
  if (occurrence.status === 'cancelled') return occurrence;
  return { ...occurrence, status: 'cancelled', sequence: occurrence.sequence + 1 };
}

/** The series' title, mode, venue or link changed: a scheduled occurrence gets a new SEQUENCE, a cancelled one stays as it is. */
export function reviseOccurrence(occurrence: MeetingOccurrence): MeetingOccurrence {
  if (occurrence.status === 'cancelled') return occurrence;
  return { ...occurrence, sequence: occurrence.sequence + 1 };
}
