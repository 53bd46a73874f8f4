import { DEFAULT_BANK_HOLIDAYS } from '../../../src/calendar/bank-holidays';
import { defaultAcademicYear } from '../../../src/calendar/default-pattern';
import { SchoolCalendar } from '../../../src/calendar/school-calendar';
import type { ClaimedMessage } from '../../../src/core/outbox-port';
import { createHoldCheck, decideHold } from '../../../src/scheduler/quiet-rules';
import { memoryNudges } from '../../fakes/memory-nudges';

const calendar = new SchoolCalendar({ years: [defaultAcademicYear(2026)], bankHolidays: DEFAULT_BANK_HOLIDAYS });
const at = (iso: string) => new Date(iso);
const free = { pausedUntil: null, snoozedUntil: null, schoolDays: calendar };

describe('decideHold', () => {
  it('lets a nudge go on a school day in school hours', () => {
    expect(decideHold(at('2026-11-24T10:00:00Z'), free)).toEqual({ action: 'send' });
  });

  it('holds an early-morning nudge to 08:00 the same day', () => {
    expect(decideHold(at('2026-11-24T06:30:00Z'), free)).toEqual({
      action: 'hold',
      until: at('2026-11-24T08:00:00Z'),
      reason: 'quiet-hours',
    });
  });

  it('holds an evening nudge to 08:00 on the next school day, over the weekend', () => {
    expect(decideHold(at('2026-11-24T18:00:00Z'), free)).toMatchObject({ until: at('2026-11-25T08:00:00Z') });
    expect(decideHold(at('2026-11-27T17:30:00Z'), free)).toMatchObject({ until: at('2026-11-30T08:00:00Z') });
  });

  it('holds through half-term and the October clock change to 08:00 GMT', () => {
    // Saturday 24 October 2026 (BST); half-term 26-30 October; clocks go back on the 25th.
    const decision = decideHold(at('2026-10-24T09:00:00Z'), free);
    expect(decision).toEqual({ action: 'hold', until: at('2026-11-02T08:00:00Z'), reason: 'quiet-hours' });
  });

  it('uses 08:00 British Summer Time in summer', () => {
    expect(decideHold(at('2027-05-04T06:00:00Z'), free)).toMatchObject({ until: at('2027-05-04T07:00:00Z') });
  });

  it('holds a paused person until the pause ends, then to school hours', () => {
    const decision = decideHold(at('2026-11-24T10:00:00Z'), { ...free, pausedUntil: at('2026-12-01T00:00:00Z') });
    expect(decision).toEqual({ action: 'hold', until: at('2026-12-01T08:00:00Z'), reason: 'paused' });
  });

  it('holds a snoozed kind until the snooze ends', () => {
    const decision = decideHold(at('2026-11-24T10:00:00Z'), { ...free, snoozedUntil: at('2026-11-25T00:00:00Z') });
    expect(decision).toEqual({ action: 'hold', until: at('2026-11-25T08:00:00Z'), reason: 'snoozed' });
  });

  it('ignores a pause or snooze that has ended', () => {
    expect(
      decideHold(at('2026-11-24T10:00:00Z'), {
        ...free,
        pausedUntil: at('2026-11-20T00:00:00Z'),
        snoozedUntil: at('2026-11-23T00:00:00Z'),
      }),
    ).toEqual({ action: 'send' });
  });

  it('with no school day known ahead, looks again in a day instead of dropping the nudge', () => {
    const never = { isSchoolDay: () => false };
    expect(decideHold(at('2026-11-24T10:00:00Z'), { ...free, schoolDays: never })).toEqual({
      action: 'hold',
      until: at('2026-11-25T10:00:00Z'),
      reason: 'no-school-day-known',
    });
  });
});

describe('createHoldCheck', () => {
  const message = (extra: Partial<ClaimedMessage>): ClaimedMessage => ({
    id: '1',
    key: 'k',
    platform: 'teams',
    target: {},
    content: { summary: '', blocks: [] },
    bucket: 'teams:t',
    op: 'send',
    of: null,
    sentTo: null,
    kind: null,
    personId: null,
    trustId: null,
    attempts: 0,
    notBefore: at('2026-11-24T00:00:00Z'),
    ...extra,
  });
  const schoolDays = { forSchool: async () => calendar };

  it('lets messages that are not nudges go at any hour', async () => {
    const check = createHoldCheck({ nudges: memoryNudges(), schoolDays });
    expect(await check(message({ personId: 'p1' }), at('2026-11-28T22:00:00Z'))).toEqual({ action: 'send' });
  });

  it('applies a snooze of the nudge kind and a snooze of all kinds', async () => {
    const nudges = memoryNudges();
    const check = createHoldCheck({ nudges, schoolDays });
    await nudges.snooze('p1', 'checkin-reminder', at('2026-11-26T00:00:00Z'));
    expect(await check(message({ personId: 'p1', kind: 'checkin-reminder' }), at('2026-11-24T10:00:00Z'))).toMatchObject({
      reason: 'snoozed',
      until: at('2026-11-26T08:00:00Z'),
    });
    expect(await check(message({ personId: 'p1', kind: 'digest' }), at('2026-11-24T10:00:00Z'))).toEqual({ action: 'send' });
    await nudges.snooze('p1', '*', at('2026-11-27T00:00:00Z'));
    expect(await check(message({ personId: 'p1', kind: 'digest' }), at('2026-11-24T10:00:00Z'))).toMatchObject({
      until: at('2026-11-27T08:00:00Z'),
    });
  });

  it("uses the school's own day when it has one (08:45-15:30), the default otherwise", async () => {
    const base = memoryNudges();
    const withHours = (hours: { start: string; end: string } | null) => ({
      ...base,
      holdsFor: async (personId: string, kind: string) => ({ ...(await base.holdsFor(personId, kind))!, schoolHours: hours }),
    });
    const own = createHoldCheck({ nudges: withHours({ start: '08:45', end: '15:30' }), schoolDays });
    const nudge = message({ personId: 'p1', kind: 'digest' });
    // Tuesday 24 November 2026 (GMT): 08:30 is before this school's day, 08:45 is in it.
    expect(await own(nudge, at('2026-11-24T08:30:00Z'))).toEqual({
      action: 'hold',
      until: at('2026-11-24T08:45:00Z'),
      reason: 'quiet-hours',
    });
    expect(await own(nudge, at('2026-11-24T08:45:00Z'))).toEqual({ action: 'send' });
    // 15:30 is the end (exclusive): held to 08:45 the next school day.
    expect(await own(nudge, at('2026-11-24T15:30:00Z'))).toMatchObject({ until: at('2026-11-25T08:45:00Z') });
    const standard = createHoldCheck({ nudges: withHours(null), schoolDays });
    expect(await standard(nudge, at('2026-11-24T08:30:00Z'))).toEqual({ action: 'send' });
    expect(await standard(nudge, at('2026-11-24T15:30:00Z'))).toEqual({ action: 'send' });
  });

  it('cancels a nudge to someone no longer on the roster', async () => {
    const nudges = { ...memoryNudges(), holdsFor: async () => null };
    const check = createHoldCheck({ nudges, schoolDays });
    expect(await check(message({ personId: 'gone', kind: 'digest' }), at('2026-11-24T10:00:00Z'))).toMatchObject({ action: 'cancel' });
  });
});
