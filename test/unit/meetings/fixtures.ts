/** Audience schools for the meeting tests: the default term pattern, real bank holidays. */
import { AcademicYear, DEFAULT_BANK_HOLIDAYS, LocalDate, SchoolCalendar, defaultAcademicYear } from '../../../src/calendar';
import { AudienceSchool } from '../../../src/meetings/day-check';

export const Y2026 = defaultAcademicYear(2026);

export function school(
  id: string,
  options: { overrides?: AcademicYear[]; inset?: LocalDate[]; years?: AcademicYear[] } = {},
): AudienceSchool {
  const calendar = new SchoolCalendar({
    years: options.years ?? [defaultAcademicYear(2026), defaultAcademicYear(2027)],
    bankHolidays: DEFAULT_BANK_HOLIDAYS,
    overrides: options.overrides,
    extraInsetDays: options.inset,
  });
  return { id, name: `School ${id.toUpperCase()}`, calendar };
}

/** London wall-clock of an instant, by Intl (shares nothing with src/calendar's conversions). */
export function londonClock(instant: Date): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}
