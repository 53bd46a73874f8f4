import { schoolHoursOf } from '../core/school-hours';
import { ALL_NUDGES, type NudgeHolds, type NudgePreferences } from '../core/nudge-port';
import type { Db } from './database';

/** Snoozes (one row per person and kind) and the person's pause, on the roster tables. */
export class PrismaNudgePreferences implements NudgePreferences {
  constructor(private readonly db: Db) {}

  async snooze(personId: string, kind: string, until: Date): Promise<void> {
    await this.db.snooze.upsert({ where: { personId_kind: { personId, kind } }, create: { personId, kind, until }, update: { until } });
  }

  async pause(personId: string, until: Date): Promise<void> {
    await this.db.person.update({ where: { id: personId }, data: { pausedUntil: until } });
  }

  async resume(personId: string, now: Date): Promise<{ wasPaused: boolean; snoozesCleared: number }> {
    return this.db.$transaction(async (tx) => {
      const person = await tx.person.findUnique({ where: { id: personId }, select: { pausedUntil: true } });
      const active = await tx.snooze.count({ where: { personId, until: { gt: now } } });
      await tx.snooze.deleteMany({ where: { personId } });
      await tx.person.updateMany({ where: { id: personId }, data: { pausedUntil: null } });
      return { wasPaused: Boolean(person?.pausedUntil && person.pausedUntil > now), snoozesCleared: active };
    });
  }

  async holdsFor(personId: string, kind: string): Promise<NudgeHolds | null> {
    const person = await this.db.person.findUnique({
      where: { id: personId },
      select: {
        trustId: true,
        schoolId: true,
        pausedUntil: true,
        archivedAt: true,
        erasedAt: true,
        school: { select: { dayStart: true, dayEnd: true } },
      },
    });
    if (!person || person.archivedAt || person.erasedAt) return null;
    const snoozes = await this.db.snooze.findMany({ where: { personId, kind: { in: [kind, ALL_NUDGES] } }, select: { until: true } });
    const latest = snoozes.reduce<Date | null>((max, s) => (!max || s.until > max ? s.until : max), null);
    return {
      trustId: person.trustId,
      schoolId: person.schoolId,
      pausedUntil: person.pausedUntil,
      snoozedUntil: latest,
      schoolHours: person.school ? schoolHoursOf(person.school) : null,
    };
  }
}
