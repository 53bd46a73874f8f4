/**
 * Each school's calendar for the quiet rules, built from the stored term dates and cached for
 * a few minutes (one nudge fan-out asks for the same few schools thousands of times).
 */
import { DEFAULT_BANK_HOLIDAYS, englandAndWalesBankHolidaysByRule, mergeBankHolidays } from '../calendar/bank-holidays';
import { defaultAcademicYear } from '../calendar/default-pattern';
import { localDateParts } from '../calendar/local-date';
import { localDateOf } from '../calendar/london-time';
import { SchoolCalendar } from '../calendar/school-calendar';
import { academicYearLabel, type AcademicYear } from '../calendar/term-dates';
import type { SchoolDays, SchoolDaysSource, StoredTermDates, TermDatesStore } from '../core/nudge-port';
import type { Clock, Logger } from '../core/ports';

/**
 * The school's calendar around `now`: the trust's years with the school's overrides, and the
 * default English pattern for any of last, this and next academic year the trust has not set
 * (so nudges keep to term time even before a trust enters its dates).
 */
export function buildSchoolCalendar(stored: StoredTermDates, now: Date): SchoolCalendar {
  const { year, month } = localDateParts(localDateOf(now));
  const thisStartYear = month >= 9 ? year : year - 1;
  const trustYears = stored.trustYears as AcademicYear[];
  const overrides = stored.schoolYears as AcademicYear[];
  const labels = new Set([...trustYears, ...overrides].map((y) => y.label));
  const defaults = [thisStartYear - 1, thisStartYear, thisStartYear + 1]
    .filter((start) => !labels.has(academicYearLabel(start)))
    .map((start) => defaultAcademicYear(start));
  const byRule = [thisStartYear - 1, thisStartYear, thisStartYear + 1, thisStartYear + 2].flatMap((y) =>
    englandAndWalesBankHolidaysByRule(y).map((h) => h.date),
  );
  const bankHolidays = mergeBankHolidays(mergeBankHolidays(DEFAULT_BANK_HOLIDAYS, byRule), stored.extraBankHolidays);
  return new SchoolCalendar({ years: [...trustYears, ...defaults], overrides, bankHolidays });
}

const TTL_MS = 10 * 60_000;

export class SchoolDaysCache implements SchoolDaysSource {
  private readonly entries = new Map<string, { days: SchoolDays; until: number }>();

  constructor(
    private readonly store: TermDatesStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async forSchool(trustId: string, schoolId: string | null): Promise<SchoolDays> {
    const key = `${trustId}:${schoolId ?? ''}`;
    const now = this.clock.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now.getTime()) return hit.days;
    const days = await this.build(trustId, schoolId, now);
    if (this.entries.size > 5_000) this.entries.clear();
    this.entries.set(key, { days, until: now.getTime() + TTL_MS });
    return days;
  }

  private async build(trustId: string, schoolId: string | null, now: Date): Promise<SchoolDays> {
    const stored = await this.store.load(trustId, schoolId);
    try {
      return buildSchoolCalendar(stored, now);
    } catch (error) {
      // Invalid stored dates must not silence every nudge of the trust: fall back to the
      // default pattern, and say so loudly so someone fixes the dates.
      this.logger.error('invalid term dates: using the default pattern', { trustId, schoolId, error: (error as Error).message });
      return buildSchoolCalendar({ trustYears: [], schoolYears: [], extraBankHolidays: stored.extraBankHolidays }, now);
    }
  }
}
