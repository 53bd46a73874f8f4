/**
 * The database side of each feature's own services (`FeatureServices`, src/flows/deps.ts).
 * A feature that needs a repository of its own adds one entry here; main.ts does not change.
 */
import type { Logger } from '../core/ports';
import { PrismaBulletinRepo } from '../db/bulletin-repo';
import { PrismaBuddyRepo } from '../db/buddy-repo';
import { PrismaCheckinRepo } from '../db/checkin-repo';
import type { Db } from '../db/database';
import { PrismaDigestRepo } from '../db/digest-repo';
import { PrismaHomeStore } from '../db/home-store';
import { PrismaMeetingAgendaRepo } from '../db/meeting-agenda-repo';
import { PrismaMeetingsRepo } from '../db/meetings-repo';
import { PrismaSelfEvalRepo } from '../db/selfeval-repo';
import { PrismaTermDatesStore } from '../db/term-dates-store';
import type { FeatureServices } from '../flows/deps';
import '../flows/bulletins/deps';
import '../flows/buddies/deps';
import '../flows/checkin/deps';
import '../flows/digest/deps';
import '../flows/home/deps';
import '../flows/meetings/agenda-deps';
import '../flows/meetings/deps';
import '../flows/selfeval/deps';
import { buildSchoolCalendar } from '../scheduler/school-days';

export interface WiringContext {
  db: Db;
  termDates: PrismaTermDatesStore;
  logger: Logger;
  /** The bot's base URL as people reach it (PUBLIC_URL, else where it listens). */
  publicUrl: () => string;
}

export function featureServices(ctx: WiringContext): FeatureServices {
  return {
    buddies: { repo: new PrismaBuddyRepo(ctx.db), calendar: trustCalendar(ctx.termDates, ctx.logger) },
    checkin: { repo: new PrismaCheckinRepo(ctx.db), calendar: trustCalendar(ctx.termDates, ctx.logger) },
    digest: { repo: new PrismaDigestRepo(ctx.db) },
    home: { store: new PrismaHomeStore(ctx.db) },
    meetings: { repo: new PrismaMeetingsRepo(ctx.db), schoolCalendar: schoolCalendar(ctx.termDates, ctx.logger), publicUrl: ctx.publicUrl },
    meetingAgenda: { repo: new PrismaMeetingAgendaRepo(ctx.db) },
    bulletins: { repo: new PrismaBulletinRepo(ctx.db), calendar: trustCalendar(ctx.termDates, ctx.logger) },
    selfeval: { repo: new PrismaSelfEvalRepo(ctx.db), schoolCalendar: schoolCalendar(ctx.termDates, ctx.logger) },
  };
}

/** One school's calendar (its own dates over the trust's); invalid stored dates fall back to the default pattern. */
function schoolCalendar(store: PrismaTermDatesStore, logger: Logger) {
  return async (trustId: string, schoolId: string | null, now: Date) => {
    const stored = await store.load(trustId, schoolId);
    try {
      return buildSchoolCalendar(stored, now);
    } catch (error) {
      logger.error('invalid term dates: the school uses the default pattern', { trustId, schoolId, error: (error as Error).message });
      return buildSchoolCalendar({ trustYears: [], schoolYears: [], extraBankHolidays: stored.extraBankHolidays }, now);
    }
  };
}

/** A trust's calendar for check-in rounds; invalid stored dates fall back to the default pattern. */
function trustCalendar(store: PrismaTermDatesStore, logger: Logger) {
  return async (trustId: string, now: Date) => {
    const stored = await store.load(trustId, null);
    try {
      return buildSchoolCalendar(stored, now);
    } catch (error) {
      logger.error('invalid term dates: check-ins use the default pattern', { trustId, error: (error as Error).message });
      return buildSchoolCalendar({ trustYears: [], schoolYears: [], extraBankHolidays: stored.extraBankHolidays }, now);
    }
  };
}
