import type { Prisma } from '@prisma/client';
import type { MeetingMode, MeetingOccurrence, MeetingSeries, OccurrenceStatus, RsvpAnswer } from '../core/meetings/model';
import type {
  AgendaTopic,
  ChangeOutcome,
  FeedOwner,
  MeetingNotes,
  MeetingsRepo,
  NewOccurrence,
  NewSeries,
  OccurrenceWithSeries,
  SeriesDetailsChange,
  Rsvp,
  WriteOutcome,
} from '../core/meetings-port';
import { normalizeTopic } from '../core/meetings/topic';
import type { Db } from './database';

type SeriesRow = Prisma.MeetingSeriesGetPayload<object>;
type OccurrenceRow = Prisma.MeetingOccurrenceGetPayload<object>;

export function toSeries(row: SeriesRow): MeetingSeries {
  return {
    id: row.id,
    trustId: row.trustId,
    title: row.title,
    perTerm: row.perTerm === 2 ? 2 : 1,
    weekday: row.weekday,
    time: row.time,
    durationMinutes: row.durationMinutes,
    mode: row.mode as MeetingMode,
    venue: row.venue,
    joinUrl: row.joinUrl,
    schoolIds: row.schoolIds,
    leaderId: row.leaderId,
    yearLabel: row.yearLabel,
    cancelled: row.cancelledAt !== null,
  };
}

export function toOccurrence(row: OccurrenceRow): MeetingOccurrence {
  return {
    id: row.id,
    seriesId: row.seriesId,
    key: row.key,
    date: row.date,
    time: row.time,
    durationMinutes: row.durationMinutes,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status as OccurrenceStatus,
    sequence: row.sequence,
    schoolsOff: row.schoolsOff,
  };
}

/** P2002 from the pg adapter; PGlite's adapter passes Postgres' own 23505 through as the cause. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === 'P2002' || e?.cause?.code === '23505';
}

export { normalizeTopic };

export class PrismaMeetingsRepo implements MeetingsRepo {
  constructor(private readonly db: Db) {}

  async createSeries(series: NewSeries, occurrences: readonly NewOccurrence[], at: Date) {
    const created = await this.db.meetingSeries.create({
      data: {
        trustId: series.trustId,
        title: series.title,
        perTerm: series.perTerm,
        weekday: series.weekday,
        time: series.time,
        durationMinutes: series.durationMinutes,
        mode: series.mode,
        venue: series.venue,
        joinUrl: series.joinUrl,
        schoolIds: [...series.schoolIds],
        leaderId: series.leaderId,
        yearLabel: series.yearLabel,
        createdAt: at,
        occurrences: {
          create: occurrences.map((o) => ({
            trustId: series.trustId,
            key: o.key,
            date: o.date,
            time: o.time,
            durationMinutes: o.durationMinutes,
            startsAt: o.startsAt,
            endsAt: o.endsAt,
            status: 'scheduled',
            sequence: 0,
            schoolsOff: [...o.schoolsOff],
            updatedAt: at,
          })),
        },
      },
      include: { occurrences: { orderBy: { startsAt: 'asc' } } },
    });
    return { series: toSeries(created), occurrences: created.occurrences.map(toOccurrence) };
  }

  async getSeries(trustId: string, seriesId: string): Promise<MeetingSeries | null> {
    const row = await this.db.meetingSeries.findFirst({ where: { id: seriesId, trustId } });
    return row ? toSeries(row) : null;
  }

  async cancelSeries(trustId: string, seriesId: string, at: Date): Promise<'updated' | 'unchanged' | 'not-found'> {
    const { count } = await this.db.meetingSeries.updateMany({
      where: { id: seriesId, trustId, cancelledAt: null },
      data: { cancelledAt: at },
    });
    if (count > 0) return 'updated';
    return (await this.getSeries(trustId, seriesId)) ? 'unchanged' : 'not-found';
  }

  async updateSeriesDetails(
    trustId: string,
    seriesId: string,
    details: SeriesDetailsChange,
  ): Promise<'updated' | 'unchanged' | 'stale' | 'not-found'> {
    const data = { title: details.title, mode: details.mode, venue: details.venue, joinUrl: details.joinUrl };
    const same = (row: { title: string; mode: string; venue: string | null; joinUrl: string | null }) =>
      row.title === data.title && row.mode === data.mode && row.venue === data.venue && row.joinUrl === data.joinUrl;
    const read = () =>
      this.db.meetingSeries.findFirst({
        where: { id: seriesId, trustId, cancelledAt: null },
        select: { title: true, mode: true, venue: true, joinUrl: true },
      });
    const current = await read();
    if (!current) return 'not-found';
    if (same(current)) return 'unchanged';
    // Compare-and-set on the values read: of two edits at once only the first is written.
    const { count } = await this.db.meetingSeries.updateMany({ where: { id: seriesId, trustId, cancelledAt: null, ...current }, data });
    if (count > 0) return 'updated';
    const now = await read();
    if (!now) return 'not-found';
    return same(now) ? 'unchanged' : 'stale';
  }

  async listOccurrences(trustId: string, seriesId: string): Promise<MeetingOccurrence[]> {
    const rows = await this.db.meetingOccurrence.findMany({ where: { seriesId, trustId }, orderBy: { startsAt: 'asc' } });
    return rows.map(toOccurrence);
  }

  async getOccurrence(trustId: string, occurrenceId: string): Promise<OccurrenceWithSeries | null> {
    const row = await this.db.meetingOccurrence.findFirst({ where: { id: occurrenceId, trustId }, include: { series: true } });
    return row ? { occurrence: toOccurrence(row), series: toSeries(row.series) } : null;
  }

  async saveOccurrence(trustId: string, next: MeetingOccurrence, at: Date): Promise<ChangeOutcome> {
    const { count } = await this.db.meetingOccurrence.updateMany({
      where: { id: next.id, trustId, sequence: next.sequence - 1 },
      data: {
        date: next.date,
        time: next.time,
        durationMinutes: next.durationMinutes,
        startsAt: next.startsAt,
        endsAt: next.endsAt,
        status: next.status,
        sequence: next.sequence,
        schoolsOff: [...next.schoolsOff],
        updatedAt: at,
      },
    });
    if (count > 0) return 'updated';
    const current = await this.db.meetingOccurrence.findFirst({ where: { id: next.id, trustId }, select: { sequence: true } });
    if (!current) return 'not-found';
    return current.sequence === next.sequence ? 'unchanged' : 'stale';
  }

  async occurrencesFor(trustId: string, personId: string): Promise<OccurrenceWithSeries[]> {
    const person = await this.db.person.findFirst({ where: { id: personId, trustId }, select: { schoolId: true } });
    const schoolId = person?.schoolId ?? null;
    const audience: Prisma.MeetingSeriesWhereInput[] = [{ leaderId: personId }];
    if (schoolId) audience.push({ schoolIds: { has: schoolId } });
    const rows = await this.db.meetingOccurrence.findMany({
      where: { trustId, series: { trustId, OR: audience } },
      include: { series: true },
      orderBy: { startsAt: 'asc' },
    });
    return rows.map((row) => ({ occurrence: toOccurrence(row), series: toSeries(row.series) }));
  }

  async upcomingOccurrences(from: Date, upTo: Date): Promise<OccurrenceWithSeries[]> {
    const rows = await this.db.meetingOccurrence.findMany({
      where: { status: 'scheduled', startsAt: { gt: from, lte: upTo }, series: { cancelledAt: null } },
      include: { series: true },
      orderBy: { startsAt: 'asc' },
    });
    return rows.map((row) => ({ occurrence: toOccurrence(row), series: toSeries(row.series) }));
  }

  private async occurrenceExists(trustId: string, occurrenceId: string): Promise<boolean> {
    return (await this.db.meetingOccurrence.count({ where: { id: occurrenceId, trustId } })) > 0;
  }

  async setRsvp(trustId: string, occurrenceId: string, personId: string, answer: RsvpAnswer, at: Date): Promise<WriteOutcome> {
    return this.writeRsvp(trustId, occurrenceId, personId, (row) => row?.answer === answer, { answer, answeredAt: at });
  }

  async markAttended(trustId: string, occurrenceId: string, personId: string, at: Date): Promise<WriteOutcome> {
    return this.writeRsvp(trustId, occurrenceId, personId, (row) => row?.attended === true, { attended: true, attendedAt: at });
  }

  /**
   * Create-first, so two presses at once cannot both report "created": the loser of the
   * unique-key race re-reads and either finds its answer already there or updates it.
   */
  private async writeRsvp(
    trustId: string,
    occurrenceId: string,
    personId: string,
    alreadySo: (row: { answer: string | null; attended: boolean } | null) => boolean,
    data: Prisma.MeetingRsvpUpdateInput & { answer?: string; attended?: boolean },
  ): Promise<WriteOutcome> {
    if (!(await this.occurrenceExists(trustId, occurrenceId))) return 'not-found';
    const where = { occurrenceId_personId: { occurrenceId, personId } };
    const update = async (): Promise<WriteOutcome> => {
      if (alreadySo(await this.db.meetingRsvp.findUnique({ where }))) return 'unchanged';
      await this.db.meetingRsvp.update({ where, data });
      return 'updated';
    };
    if (await this.db.meetingRsvp.findUnique({ where })) return update();
    try {
      await this.db.meetingRsvp.create({ data: { occurrenceId, trustId, personId, ...data } as Prisma.MeetingRsvpUncheckedCreateInput });
      return 'created';
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return update();
    }
  }

  async listRsvps(trustId: string, occurrenceId: string): Promise<Rsvp[]> {
    const rows = await this.db.meetingRsvp.findMany({ where: { trustId, occurrenceId }, orderBy: { personId: 'asc' } });
    return rows.map((r) => ({ personId: r.personId, answer: r.answer as RsvpAnswer | null, attended: r.attended }));
  }

  async addTopic(trustId: string, occurrenceId: string, text: string, personId: string | null, at: Date) {
    if (!(await this.occurrenceExists(trustId, occurrenceId))) return null;
    const normalized = normalizeTopic(text);
    const where = { occurrenceId_normalized: { occurrenceId, normalized } };
    const existing = await this.db.agendaTopic.findUnique({ where });
    if (existing) return { topic: await this.topicWithVotes(existing.id), created: false };
    try {
      const row = await this.db.agendaTopic.create({
        data: { occurrenceId, trustId, text: text.trim(), normalized, proposedBy: personId, createdAt: at },
      });
      return { topic: await this.topicWithVotes(row.id), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const row = await this.db.agendaTopic.findUniqueOrThrow({ where });
      return { topic: await this.topicWithVotes(row.id), created: false };
    }
  }

  private async topicWithVotes(topicId: string): Promise<AgendaTopic> {
    const row = await this.db.agendaTopic.findUniqueOrThrow({ where: { id: topicId }, include: { _count: { select: { votes: true } } } });
    return toTopic(row);
  }

  async vote(trustId: string, topicId: string, personId: string, at: Date): Promise<WriteOutcome> {
    if ((await this.db.agendaTopic.count({ where: { id: topicId, trustId } })) === 0) return 'not-found';
    try {
      await this.db.agendaVote.create({ data: { topicId, personId, createdAt: at } });
      return 'created';
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return 'unchanged';
    }
  }

  async setTopicSlot(trustId: string, topicId: string, slot: AgendaTopic['slot']): Promise<WriteOutcome> {
    const row = await this.db.agendaTopic.findFirst({ where: { id: topicId, trustId }, select: { slot: true } });
    if (!row) return 'not-found';
    if (row.slot === slot) return 'unchanged';
    await this.db.agendaTopic.update({ where: { id: topicId }, data: { slot } });
    return 'updated';
  }

  async listTopics(trustId: string, occurrenceId: string): Promise<AgendaTopic[]> {
    const rows = await this.db.agendaTopic.findMany({
      where: { trustId, occurrenceId },
      include: { _count: { select: { votes: true } } },
      orderBy: [{ votes: { _count: 'desc' } }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toTopic);
  }

  async saveNotes(
    trustId: string,
    occurrenceId: string,
    notes: { notes: string; actions: readonly string[] },
    postedBy: string,
    at: Date,
  ): Promise<WriteOutcome> {
    if (!(await this.occurrenceExists(trustId, occurrenceId))) return 'not-found';
    const existing = await this.db.meetingNotes.findUnique({ where: { occurrenceId } });
    if (existing && existing.notes === notes.notes && existing.actions.join('\n') === notes.actions.join('\n')) return 'unchanged';
    const data = { notes: notes.notes, actions: [...notes.actions], postedBy, postedAt: at };
    await this.db.meetingNotes.upsert({ where: { occurrenceId }, create: { occurrenceId, trustId, ...data }, update: data });
    return existing ? 'updated' : 'created';
  }

  async getNotes(trustId: string, occurrenceId: string): Promise<MeetingNotes | null> {
    const row = await this.db.meetingNotes.findFirst({ where: { occurrenceId, trustId } });
    return row
      ? { occurrenceId: row.occurrenceId, notes: row.notes, actions: row.actions, postedBy: row.postedBy, postedAt: row.postedAt }
      : null;
  }

  async issueFeedToken(owner: FeedOwner, tokenHash: string, at: Date): Promise<void> {
    await this.db.$transaction([
      this.db.calendarFeedToken.updateMany({ where: { ...owner, revokedAt: null }, data: { revokedAt: at } }),
      this.db.calendarFeedToken.create({ data: { ...owner, tokenHash, createdAt: at } }),
    ]);
  }

  async revokeFeedTokens(owner: FeedOwner, at: Date): Promise<number> {
    const { count } = await this.db.calendarFeedToken.updateMany({ where: { ...owner, revokedAt: null }, data: { revokedAt: at } });
    return count;
  }

  async findFeedToken(tokenHash: string): Promise<FeedOwner | null> {
    const row = await this.db.calendarFeedToken.findUnique({ where: { tokenHash } });
    return row && row.revokedAt === null ? { trustId: row.trustId, personId: row.personId } : null;
  }
}

function toTopic(row: Prisma.AgendaTopicGetPayload<{ include: { _count: { select: { votes: true } } } }>): AgendaTopic {
  return {
    id: row.id,
    occurrenceId: row.occurrenceId,
    text: row.text,
    proposedBy: row.proposedBy,
    slot: row.slot === 'discussion' || row.slot === 'school-strength' ? row.slot : null,
    votes: row._count.votes,
  };
}
