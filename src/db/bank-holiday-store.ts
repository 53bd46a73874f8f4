import type { Db } from './database';

/** Bank holidays added on top of the shipped 2024-2030 list (read by PrismaTermDatesStore). */
export class PrismaBankHolidayStore {
  constructor(private readonly db: Db) {}

  /** Adds dates not yet stored; returns how many were new. */
  async add(dates: readonly string[], title: string): Promise<number> {
    const result = await this.db.bankHoliday.createMany({ data: dates.map((date) => ({ date, title })), skipDuplicates: true });
    return result.count;
  }
}
