import type { Prisma } from '@prisma/client';
import type { StoredTermDates, TermDatesStore } from '../core/nudge-port';
import type { Db } from './database';

/** Term dates as a trust (schoolId '') and a school (override) stored them, plus extra bank holidays. */
export class PrismaTermDatesStore implements TermDatesStore {
  constructor(private readonly db: Db) {}

  async load(trustId: string, schoolId: string | null): Promise<StoredTermDates> {
    const [years, holidays] = await Promise.all([
      this.db.academicYearDates.findMany({
        where: { trustId, schoolId: { in: schoolId ? ['', schoolId] : [''] } },
        select: { schoolId: true, dates: true },
        orderBy: { label: 'asc' },
      }),
      this.db.bankHoliday.findMany({ select: { date: true } }),
    ]);
    return {
      trustYears: years.filter((y) => y.schoolId === '').map((y) => y.dates),
      schoolYears: years.filter((y) => y.schoolId !== '').map((y) => y.dates),
      extraBankHolidays: holidays.map((h) => h.date),
    };
  }

  async save(trustId: string, schoolId: string | null, label: string, year: unknown): Promise<void> {
    const key = { trustId, schoolId: schoolId ?? '', label };
    const dates = year as Prisma.InputJsonValue;
    await this.db.academicYearDates.upsert({ where: { trustId_schoolId_label: key }, create: { ...key, dates }, update: { dates } });
  }
}
