/**
 * iCalendar files for network meetings, written with ical-generator (not glued strings).
 *
 * What makes Outlook and Google Calendar replace an event instead of adding a second one: the
 * same UID for every version of an occurrence, a SEQUENCE that rises with each change, and, for
 * a cancellation, METHOD:CANCEL with STATUS:CANCELLED on that same UID. Times are written as
 * Europe/London wall-clock with the zone defined in a VTIMEZONE, so a meeting at 15:45 stays at
 * 15:45 across the clock changes whatever zone the reader's device is in.
 *
 * Start and end are passed as TZDate in London: ical-generator otherwise formats TZID times in
 * the host's zone.
 */
import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { MeetingMode, MeetingOccurrence } from '../core/meetings/model';

export const MEETING_TIME_ZONE = 'Europe/London';
const UID_DOMAIN = 'senco-network-bot';
const PRODUCT = { company: 'SENCO Network Bot', product: 'Network meetings', language: 'EN' } as const;

/** What an event says besides its time: from the series, plus the agenda once set. */
export interface MeetingDetails {
  title: string;
  mode: MeetingMode;
  venue: string | null;
  joinUrl: string | null;
  description?: string;
}

export interface IcsEvent {
  occurrence: MeetingOccurrence;
  details: MeetingDetails;
}

/** The UID of an occurrence: derived from its id only, so it never changes when the meeting does. */
export function occurrenceUid(occurrenceId: string): string {
  return `meeting-${occurrenceId}@${UID_DOMAIN}`;
}

/** The VTIMEZONE text per zone: built once, it is the same for every file. */
const vtimezones = new Map<string, string | null>();
function vtimezone(zone: string): string | null {
  if (!vtimezones.has(zone)) vtimezones.set(zone, getVtimezoneComponent(zone) ?? null);
  return vtimezones.get(zone) ?? null;
}

function newCalendar(method: ICalCalendarMethod, name?: string): ICalCalendar {
  const calendar = ical({ prodId: PRODUCT, method, ...(name ? { name } : {}) });
  // name: null keeps DTSTAMP in UTC (a calendar-wide zone would write it as local time);
  // the generator still adds the VTIMEZONE for every zone the events use.
  calendar.timezone({ name: null, generator: vtimezone });
  return calendar;
}

function addEvent(calendar: ICalCalendar, { occurrence, details }: IcsEvent, stamp: Date): void {
  const cancelled = occurrence.status === 'cancelled';
  calendar.createEvent({
    id: occurrenceUid(occurrence.id),
    sequence: occurrence.sequence,
    stamp,
    start: new TZDate(occurrence.startsAt.getTime(), MEETING_TIME_ZONE),
    end: new TZDate(occurrence.endsAt.getTime(), MEETING_TIME_ZONE),
    timezone: MEETING_TIME_ZONE,
    summary: cancelled ? `Cancelled: ${details.title}` : details.title,
    description: details.description ?? null,
    location: details.mode === 'online' ? (details.joinUrl ?? null) : details.venue,
    url: details.joinUrl,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/**
 * The file attached to an invitation or an update (METHOD:REQUEST), or to a cancellation
 * (METHOD:CANCEL) when the occurrence is cancelled. `stamp` is the Clock's now.
 */
export function occurrenceIcs(event: IcsEvent, stamp: Date): string {
  const method = event.occurrence.status === 'cancelled' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = newCalendar(method);
  addEvent(calendar, event, stamp);
  return calendar.toString();
}

/**
 * A person's subscription feed (METHOD:PUBLISH): every occurrence they are invited to.
 * Cancelled ones stay in the feed with STATUS:CANCELLED so subscribed calendars drop them.
 */
export function feedIcs(name: string, events: readonly IcsEvent[], stamp: Date): string {
  const calendar = newCalendar(ICalCalendarMethod.PUBLISH, name);
  calendar.ttl(60 * 60);
  for (const event of [...events].sort((a, b) => a.occurrence.startsAt.getTime() - b.occurrence.startsAt.getTime())) {
    addEvent(calendar, event, stamp);
  }
  return calendar.toString();
}
