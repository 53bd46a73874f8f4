import type { Prisma } from '@prisma/client';
import type { AgendaInput, MeetingAgenda, MeetingAgendaRepo } from '../core/meeting-agenda-port';
import type { OccurrenceWithSeries, WriteOutcome } from '../core/meetings-port';
import type { Db } from './database';
import { toOccurrence, toSeries } from './meetings-repo';
import { isUniqueViolation } from './unique-violation';

type AgendaRow = Prisma.MeetingAgendaGetPayload<object>;

function toAgenda(row: AgendaRow): MeetingAgenda {
  return {
    occurrenceId: row.occurrenceId,
    topicIds: row.topicIds,
    strength:
      row.strengthSchoolId && row.strengthPresenterId
        ? { schoolId: row.strengthSchoolId, presenterId: row.strengthPresenterId, title: row.strengthTitle }
        : null,
    version: row.version,
    setBy: row.setBy,
    setAt: row.setAt,
    sentAt: row.sentAt,
  };
}

function sameAgenda(row: AgendaRow, input: AgendaInput): boolean {
  return (
    row.topicIds.join('\n') === input.topicIds.join('\n') &&
    row.strengthSchoolId === (input.strength?.schoolId ?? null) &&
    row.strengthPresenterId === (input.strength?.presenterId ?? null) &&
    row.strengthTitle === (input.strength?.title ?? null)
  );
}

export class PrismaMeetingAgendaRepo implements MeetingAgendaRepo {
  constructor(private readonly db: Db) {}

  async getAgenda(trustId: string, occurrenceId: string): Promise<MeetingAgenda | null> {
    const row = await this.db.meetingAgenda.findFirst({ where: { occurrenceId, trustId } });
    return row ? toAgenda(row) : null;
  }

  async setAgenda(trustId: string, occurrenceId: string, input: AgendaInput, by: string, at: Date) {
    if ((await this.db.meetingOccurrence.count({ where: { id: occurrenceId, trustId } })) === 0) {
      return { outcome: 'not-found' as WriteOutcome, agenda: null };
    }
    const data = {
      topicIds: [...input.topicIds],
      strengthSchoolId: input.strength?.schoolId ?? null,
      strengthPresenterId: input.strength?.presenterId ?? null,
      strengthTitle: input.strength?.title ?? null,
      setBy: by,
      setAt: at,
    };
    // Two tries: the loser of a race to create the row updates it instead.
    for (let attempt = 0; ; attempt += 1) {
      const existing = await this.db.meetingAgenda.findUnique({ where: { occurrenceId } });
      if (existing && sameAgenda(existing, input)) return { outcome: 'unchanged' as WriteOutcome, agenda: toAgenda(existing) };
      try {
        if (existing) {
          // Only if nobody changed it since we read it; else read again.
          const { count } = await this.db.meetingAgenda.updateMany({
            where: { occurrenceId, version: existing.version },
            data: { ...data, version: existing.version + 1 },
          });
          if (count === 0 && attempt < 3) continue;
          const row = await this.db.meetingAgenda.findUniqueOrThrow({ where: { occurrenceId } });
          return { outcome: 'updated' as WriteOutcome, agenda: toAgenda(row) };
        }
        const row = await this.db.meetingAgenda.create({ data: { occurrenceId, trustId, ...data, version: 1 } });
        return { outcome: 'created' as WriteOutcome, agenda: toAgenda(row) };
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }

  async markAgendaSent(trustId: string, occurrenceId: string, at: Date): Promise<boolean> {
    const { count } = await this.db.meetingAgenda.updateMany({ where: { occurrenceId, trustId, sentAt: null }, data: { sentAt: at } });
    return count > 0;
  }

  async votesOf(trustId: string, occurrenceId: string, personId: string): Promise<Set<string>> {
    const rows = await this.db.agendaVote.findMany({
      where: { personId, topic: { occurrenceId, trustId } },
      select: { topicId: true },
    });
    return new Set(rows.map((r) => r.topicId));
  }

  async occurrencesBetween(trustId: string, from: Date, to: Date): Promise<OccurrenceWithSeries[]> {
    const rows = await this.db.meetingOccurrence.findMany({
      where: { trustId, startsAt: { gte: from, lt: to } },
      include: { series: true },
      orderBy: { startsAt: 'asc' },
    });
    return rows.map((row) => ({ occurrence: toOccurrence(row), series: toSeries(row.series) }));
  }
}
