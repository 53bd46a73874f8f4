import ICAL from 'ical.js';
import { MeetingOccurrence } from '../../../src/core/meetings/model';
import { cancelOccurrence, rescheduleOccurrence } from '../../../src/core/meetings/changes';
import { IcsEvent, feedIcs, occurrenceIcs, occurrenceUid } from '../../../src/meetings/ics';

const stamp = new Date('2026-10-01T09:00:00Z');

function occurrence(id: string, date: string, startsAtIso: string): MeetingOccurrence {
  const startsAt = new Date(startsAtIso);
  return {
    id,
    seriesId: 's1',
    key: `k-${id}`,
    date,
    time: '15:45',
    durationMinutes: 90,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60_000),
    status: 'scheduled',
    sequence: 0,
    schoolsOff: [],
  };
}

const details = {
  title: 'SENCO network: provision maps',
  mode: 'hybrid' as const,
  venue: 'Oak Academy, Room 4',
  joinUrl: 'https://teams.example/join/1',
};

/** Parses with ical.js (independent of the writer) and returns the calendar and its events. */
function parse(text: string): { calendar: ICAL.Component; events: ICAL.Component[] } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

function dtstart(event: ICAL.Component): { tzid: unknown; local: string; utc: string } {
  const property = event.getFirstProperty('dtstart')!;
  const value = property.getFirstValue() as ICAL.Time;
  return { tzid: property.getParameter('tzid'), local: value.toString(), utc: value.toJSDate().toISOString() };
}

describe('occurrence .ics', () => {
  // 15:45 BST on 20 October 2026 is 14:45Z; 15:45 GMT on 17 November 2026 is 15:45Z.
  const bst = occurrence('o1', '2026-10-20', '2026-10-20T14:45:00Z');
  const gmt = occurrence('o2', '2026-11-17', '2026-11-17T15:45:00Z');

  it('writes an invitation with UID, SEQUENCE and London wall-clock times with the zone defined', () => {
    const { calendar, events } = parse(occurrenceIcs({ occurrence: bst, details }, stamp));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const zone = calendar.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Europe/London');
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.getFirstPropertyValue('uid')).toBe(occurrenceUid('o1'));
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.getFirstPropertyValue('summary')).toBe(details.title);
    expect(event.getFirstPropertyValue('location')).toBe(details.venue);
    expect(dtstart(event)).toEqual({ tzid: 'Europe/London', local: '2026-10-20T15:45:00', utc: '2026-10-20T14:45:00.000Z' });
  });

  it('resolves the zone through the VTIMEZONE in winter too', () => {
    const { calendar, events } = parse(occurrenceIcs({ occurrence: gmt, details }, stamp));
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
    try {
      const start = events[0]!.getFirstPropertyValue('dtstart') as ICAL.Time;
      expect(start.toString()).toBe('2026-11-17T15:45:00');
      expect(start.toJSDate().toISOString()).toBe('2026-11-17T15:45:00.000Z');
    } finally {
      ICAL.TimezoneService.remove('Europe/London');
    }
  });

  it('keeps the UID and raises the SEQUENCE when the meeting moves', () => {
    const moved = rescheduleOccurrence(bst, {
      date: '2026-11-17',
      time: '15:45',
      durationMinutes: 90,
      startsAt: gmt.startsAt,
      endsAt: gmt.endsAt,
      schoolsOff: [],
    });
    const [event] = parse(occurrenceIcs({ occurrence: moved, details }, stamp)).events;
    expect(event!.getFirstPropertyValue('uid')).toBe(occurrenceUid('o1'));
    expect(event!.getFirstPropertyValue('sequence')).toBe(1);
    expect(dtstart(event!).local).toBe('2026-11-17T15:45:00');
  });

  it('cancels the same event: METHOD:CANCEL, STATUS:CANCELLED, same UID, higher SEQUENCE', () => {
    const { calendar, events } = parse(occurrenceIcs({ occurrence: cancelOccurrence(bst), details }, stamp));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(events[0]!.getFirstPropertyValue('uid')).toBe(occurrenceUid('o1'));
    expect(events[0]!.getFirstPropertyValue('sequence')).toBe(1);
    expect(events[0]!.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('writes DTSTAMP in UTC from the given clock time', () => {
    const [event] = parse(occurrenceIcs({ occurrence: bst, details }, stamp)).events;
    const value = event!.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(value.zone?.tzid).toBe('UTC');
    expect(value.toJSDate().toISOString()).toBe(stamp.toISOString());
  });

  it('puts the join link as the location of an online meeting', () => {
    const online = { ...details, mode: 'online' as const, venue: null };
    const [event] = parse(occurrenceIcs({ occurrence: bst, details: online }, stamp)).events;
    expect(event!.getFirstPropertyValue('location')).toBe(online.joinUrl);
    expect(event!.getFirstPropertyValue('url')).toBe(online.joinUrl);
  });
});

describe('subscription feed', () => {
  it('lists every occurrence in date order, keeps cancelled ones as CANCELLED, one VTIMEZONE', () => {
    const events: IcsEvent[] = [
      { occurrence: occurrence('b', '2027-03-16', '2027-03-16T15:45:00Z'), details },
      { occurrence: cancelOccurrence(occurrence('a', '2026-10-20', '2026-10-20T14:45:00Z')), details },
      { occurrence: occurrence('c', '2027-06-15', '2027-06-15T14:45:00Z'), details },
    ];
    const { calendar, events: parsed } = parse(feedIcs('SENCO network meetings', events, stamp));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
    expect(
      parsed.map((e) => [e.getFirstPropertyValue('uid'), e.getFirstPropertyValue('status'), e.getFirstPropertyValue('sequence')]),
    ).toEqual([
      [occurrenceUid('a'), 'CANCELLED', 1],
      [occurrenceUid('b'), 'CONFIRMED', 0],
      [occurrenceUid('c'), 'CONFIRMED', 0],
    ]);
    expect(parsed.map((e) => dtstart(e).local)).toEqual(['2026-10-20T15:45:00', '2027-03-16T15:45:00', '2027-06-15T15:45:00']);
  });

  it('is a valid empty calendar when there is nothing to show', () => {
    const { calendar, events } = parse(feedIcs('SENCO network meetings', [], stamp));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(events).toEqual([]);
  });
});
