import type { Prisma } from '@prisma/client';
import { CHECKLIST_V1 } from '../core/checkin/checklist-v1';
import type {
  Cadence,
  CheckinAnswer,
  CheckinRound,
  Checklist,
  ChecklistItem,
  FollowUp,
  PastAnswer,
  Prefill,
  RoundPeriod,
  RoundStatus,
  SchoolCheckin,
  TermName,
} from '../core/checkin/model';
import type {
  CheckinRepo,
  CheckinSettings,
  CheckinWithRound,
  NewRound,
  NewSchoolCheckin,
  SaveAnswerError,
  SaveAnswerOutcome,
} from '../core/checkin-port';
import { fail, ok, type Result } from '../core/result';
import type { Db } from './database';
import { lockKey } from './locks';
import { isUniqueViolation } from './unique-violation';
import { VersionCache } from './version-cache';

const roundSelect = {
  id: true,
  trustId: true,
  year: true,
  term: true,
  half: true,
  cadence: true,
  checklistVersion: true,
  status: true,
  opensAt: true,
  closesAt: true,
  rule: true,
  createdBy: true,
  openedAt: true,
  closedAt: true,
  closedBy: true,
} satisfies Prisma.CheckinRoundSelect;

const checkinSelect = {
  id: true,
  roundId: true,
  trustId: true,
  schoolId: true,
  sencoIds: true,
  itemIds: true,
  prefill: true,
  completedAt: true,
} satisfies Prisma.SchoolCheckinSelect;

const answerSelect = {
  checkinId: true,
  itemId: true,
  checklistVersion: true,
  value: true,
  note: true,
  followUpHelp: true,
  followUpBy: true,
  source: true,
  answeredBy: true,
  answeredAt: true,
} satisfies Prisma.CheckinAnswerSelect;

type RoundRow = Prisma.CheckinRoundGetPayload<{ select: typeof roundSelect }>;
type CheckinRow = Prisma.SchoolCheckinGetPayload<{ select: typeof checkinSelect }>;
type AnswerRow = Prisma.CheckinAnswerGetPayload<{ select: typeof answerSelect }>;

function periodOf(row: { year: string; term: string; half: number }): RoundPeriod {
  return { year: row.year, term: row.term as TermName, half: row.half === 1 || row.half === 2 ? row.half : null };
}

function toRound(row: RoundRow): CheckinRound {
  return {
    id: row.id,
    trustId: row.trustId,
    period: periodOf(row),
    cadence: row.cadence as Cadence,
    checklistVersion: row.checklistVersion,
    status: row.status as RoundStatus,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    rule: row.rule,
    createdBy: row.createdBy,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    closedBy: row.closedBy,
  };
}

function toCheckin(row: CheckinRow): SchoolCheckin {
  return {
    id: row.id,
    roundId: row.roundId,
    trustId: row.trustId,
    schoolId: row.schoolId,
    sencoIds: row.sencoIds,
    itemIds: row.itemIds,
    prefill: (row.prefill ?? {}) as unknown as Record<string, Prefill>,
    completedAt: row.completedAt,
  };
}

function toAnswer(row: AnswerRow): CheckinAnswer {
  const followUp = row.followUpHelp !== null || row.followUpBy !== null ? { help: row.followUpHelp ?? '', by: row.followUpBy } : null;
  return {
    checkinId: row.checkinId,
    itemId: row.itemId,
    checklistVersion: row.checklistVersion,
    value: row.value,
    note: row.note,
    followUp,
    source: row.source === 'unchanged' ? 'unchanged' : 'answered',
    answeredBy: row.answeredBy,
    answeredAt: row.answeredAt,
  };
}

function toChecklist(row: { base: string; version: number; items: Prisma.JsonValue; note: string | null }): Checklist {
  return { base: row.base, version: row.version, items: row.items as unknown as ChecklistItem[], note: row.note };
}

const byPeriodDesc = [{ year: 'desc' as const }, { opensAt: 'desc' as const }];

/** Check-in rounds, check-ins and answers in the database. Every query is filtered by trust. */
export class PrismaCheckinRepo implements CheckinRepo {
  private readonly versions = new VersionCache<Checklist>();

  constructor(private readonly db: Db) {}

  async checklist(trustId: string): Promise<Checklist> {
    const row = await this.db.checklistVersion.findFirst({
      where: { trustId },
      orderBy: { version: 'desc' },
      select: { base: true, version: true, items: true, note: true },
    });
    return row ? toChecklist(row) : CHECKLIST_V1;
  }

  async checklistVersion(trustId: string, version: number): Promise<Checklist | null> {
    const saved = await this.versions.get(trustId, version, async () => {
      const row = await this.db.checklistVersion.findUnique({
        where: { trustId_version: { trustId, version } },
        select: { base: true, version: true, items: true, note: true },
      });
      return row && toChecklist(row);
    });
    return saved ?? (version === 1 ? CHECKLIST_V1 : null);
  }

  async saveChecklist(trustId: string, checklist: Checklist, createdBy: string | null): Promise<Result<void, 'conflict'>> {
    try {
      await this.db.$transaction([
        this.storeDefault(trustId),
        this.db.checklistVersion.create({
          data: {
            trustId,
            version: checklist.version,
            base: checklist.base,
            items: checklist.items as unknown as Prisma.InputJsonValue,
            note: checklist.note,
            createdBy,
          },
        }),
      ]);
      return ok(undefined);
    } catch (error) {
      if (isUniqueViolation(error)) return fail('conflict');
      throw error;
    }
  }

  /** Version 1 is stored on first use, so history never depends on the shipped code. */
  private storeDefault(trustId: string) {
    return this.db.checklistVersion.createMany({
      data: [
        {
          trustId,
          version: 1,
          base: CHECKLIST_V1.base,
          items: CHECKLIST_V1.items as unknown as Prisma.InputJsonValue,
          note: CHECKLIST_V1.note,
        },
      ],
      skipDuplicates: true,
    });
  }

  async settings(trustId: string): Promise<CheckinSettings> {
    const row = await this.db.checkinSettings.findUnique({ where: { trustId }, select: { cadence: true, rule: true } });
    return { cadence: row?.cadence === 'half-termly' ? 'half-termly' : 'termly', rule: row?.rule ?? null };
  }

  async saveSettings(trustId: string, settings: CheckinSettings): Promise<void> {
    await this.db.checkinSettings.upsert({ where: { trustId }, create: { trustId, ...settings }, update: settings });
  }

  async createRound(round: NewRound): Promise<Result<CheckinRound, 'exists'>> {
    try {
      await this.storeDefault(round.trustId);
      const latest = await this.checklist(round.trustId);
      const row = await this.db.checkinRound.create({
        data: {
          trustId: round.trustId,
          year: round.period.year,
          term: round.period.term,
          half: round.period.half ?? 0,
          cadence: round.cadence,
          checklistVersion: latest.version,
          status: 'scheduled',
          opensAt: round.opensAt,
          closesAt: round.closesAt,
          rule: round.rule,
          createdBy: round.createdBy,
        },
        select: roundSelect,
      });
      return ok(toRound(row));
    } catch (error) {
      if (isUniqueViolation(error)) return fail('exists');
      throw error;
    }
  }

  async openRound(
    trustId: string,
    roundId: string,
    checklistVersion: number,
    checkins: readonly NewSchoolCheckin[],
    at: Date,
  ): Promise<boolean> {
    await this.storeDefault(trustId);
    return this.db.$transaction(async (tx) => {
      // One open round per trust: checked under the trust's lock, so two openers (ticks on
      // two replicas, a leader's press) cannot both open one. The later round waits.
      await lockKey(tx, `trust:${trustId}`);
      const otherOpen = await tx.checkinRound.count({ where: { trustId, status: 'open', id: { not: roundId } } });
      if (otherOpen > 0) return false;
      const opened = await tx.checkinRound.updateMany({
        where: { id: roundId, trustId, status: 'scheduled' },
        data: { status: 'open', openedAt: at, checklistVersion },
      });
      if (opened.count === 0) return false;
      if (checkins.length > 0) {
        await tx.schoolCheckin.createMany({
          data: checkins.map((c) => ({
            roundId,
            trustId,
            schoolId: c.schoolId,
            sencoIds: [...c.sencoIds],
            itemIds: [...c.itemIds],
            prefill: c.prefill as unknown as Prisma.InputJsonValue,
          })),
          skipDuplicates: true,
        });
      }
      return true;
    });
  }

  async closeRound(trustId: string, roundId: string, at: Date, by: string | null = null): Promise<boolean> {
    const closed = await this.db.checkinRound.updateMany({
      where: { id: roundId, trustId, status: 'open' },
      data: { status: 'closed', closedAt: at, closedBy: by },
    });
    return closed.count > 0;
  }

  async cancelRound(trustId: string, roundId: string): Promise<boolean> {
    const deleted = await this.db.checkinRound.deleteMany({ where: { id: roundId, trustId, status: 'scheduled' } });
    return deleted.count > 0;
  }

  async getRound(trustId: string, roundId: string): Promise<CheckinRound | null> {
    const row = await this.db.checkinRound.findFirst({ where: { id: roundId, trustId }, select: roundSelect });
    return row ? toRound(row) : null;
  }

  async listRounds(trustId: string, limit: number): Promise<CheckinRound[]> {
    const rows = await this.db.checkinRound.findMany({ where: { trustId }, orderBy: byPeriodDesc, take: limit, select: roundSelect });
    return rows.map(toRound);
  }

  async roundsDue(event: 'open' | 'close', from: Date, upTo: Date): Promise<CheckinRound[]> {
    const window = { gt: from, lte: upTo };
    const rows = await this.db.checkinRound.findMany({
      where:
        event === 'open'
          ? { status: { in: ['scheduled', 'open'] }, opensAt: window }
          : { status: { in: ['open', 'closed'] }, closesAt: window },
      orderBy: { id: 'asc' },
      select: roundSelect,
    });
    return rows.map(toRound);
  }

  async openRounds(): Promise<CheckinRound[]> {
    const rows = await this.db.checkinRound.findMany({ where: { status: 'open' }, orderBy: { id: 'asc' }, select: roundSelect });
    return rows.map(toRound);
  }

  async checkinsOfRound(trustId: string, roundId: string): Promise<SchoolCheckin[]> {
    const rows = await this.db.schoolCheckin.findMany({ where: { trustId, roundId }, orderBy: { schoolId: 'asc' }, select: checkinSelect });
    return rows.map(toCheckin);
  }

  async getCheckin(trustId: string, checkinId: string): Promise<CheckinWithRound | null> {
    const row = await this.db.schoolCheckin.findFirst({
      where: { id: checkinId, trustId },
      select: { ...checkinSelect, round: { select: roundSelect } },
    });
    return row ? { checkin: toCheckin(row), round: toRound(row.round) } : null;
  }

  async openCheckins(trustId: string, schoolIds: readonly string[]): Promise<CheckinWithRound[]> {
    if (schoolIds.length === 0) return [];
    const rows = await this.db.schoolCheckin.findMany({
      where: { trustId, schoolId: { in: [...schoolIds] }, round: { status: 'open' } },
      orderBy: { createdAt: 'asc' },
      select: { ...checkinSelect, round: { select: roundSelect } },
    });
    return rows.map((row) => ({ checkin: toCheckin(row), round: toRound(row.round) }));
  }

  async answers(trustId: string, checkinId: string): Promise<CheckinAnswer[]> {
    const rows = await this.db.checkinAnswer.findMany({
      where: { checkinId, checkin: { trustId } },
      orderBy: { answeredAt: 'asc' },
      select: answerSelect,
    });
    return rows.map(toAnswer);
  }

  async answersOfRound(trustId: string, roundId: string): Promise<CheckinAnswer[]> {
    const rows = await this.db.checkinAnswer.findMany({
      where: { checkin: { trustId, roundId } },
      orderBy: [{ checkinId: 'asc' }, { answeredAt: 'asc' }],
      select: answerSelect,
    });
    return rows.map(toAnswer);
  }

  /** The check-in's item list when it exists in the trust and its round is open. */
  private async openItems(trustId: string, checkinId: string): Promise<Result<string[], SaveAnswerError>> {
    const row = await this.db.schoolCheckin.findFirst({
      where: { id: checkinId, trustId },
      select: { itemIds: true, round: { select: { status: true } } },
    });
    if (!row) return fail('not-found');
    if (row.round.status !== 'open') return fail('closed');
    return ok(row.itemIds);
  }

  private async markCompleteIfDone(checkinId: string, itemIds: readonly string[], at: Date): Promise<void> {
    const answered = await this.db.checkinAnswer.count({ where: { checkinId, itemId: { in: [...itemIds] } } });
    if (answered >= itemIds.length)
      await this.db.schoolCheckin.updateMany({ where: { id: checkinId, completedAt: null }, data: { completedAt: at } });
  }

  async saveAnswer(trustId: string, answer: CheckinAnswer): Promise<Result<SaveAnswerOutcome, SaveAnswerError>> {
    const items = await this.openItems(trustId, answer.checkinId);
    if (!items.ok) return items;
    const where = { checkinId_itemId: { checkinId: answer.checkinId, itemId: answer.itemId } };
    const existing = await this.db.checkinAnswer.findUnique({ where, select: { value: true, note: true } });
    if (existing && existing.value === answer.value && existing.note === answer.note) return ok('unchanged');
    const fields = {
      checklistVersion: answer.checklistVersion,
      value: answer.value,
      note: answer.note,
      source: answer.source,
      answeredBy: answer.answeredBy,
      answeredAt: answer.answeredAt,
      followUpHelp: answer.followUp?.help ?? null,
      followUpBy: answer.followUp?.by ?? null,
    };
    let outcome: SaveAnswerOutcome = existing ? 'updated' : 'created';
    if (existing) {
      await this.db.checkinAnswer.update({ where, data: fields });
    } else {
      try {
        await this.db.checkinAnswer.create({ data: { checkinId: answer.checkinId, itemId: answer.itemId, ...fields } });
      } catch (error) {
        // Two presses at the same moment: the other one created the row; this one updates it.
        if (!isUniqueViolation(error)) throw error;
        await this.db.checkinAnswer.update({ where, data: fields });
        outcome = 'updated';
      }
    }
    await this.markCompleteIfDone(answer.checkinId, items.value, answer.answeredAt);
    return ok(outcome);
  }

  async saveAnswers(trustId: string, checkinId: string, answers: readonly CheckinAnswer[]): Promise<Result<number, SaveAnswerError>> {
    const items = await this.openItems(trustId, checkinId);
    if (!items.ok) return items;
    const created = await this.db.checkinAnswer.createMany({
      data: answers.map((a) => ({
        checkinId,
        itemId: a.itemId,
        checklistVersion: a.checklistVersion,
        value: a.value,
        note: a.note,
        source: a.source,
        answeredBy: a.answeredBy,
        answeredAt: a.answeredAt,
        followUpHelp: a.followUp?.help ?? null,
        followUpBy: a.followUp?.by ?? null,
      })),
      skipDuplicates: true,
    });
    const at = answers[0]?.answeredAt;
    if (at) await this.markCompleteIfDone(checkinId, items.value, at);
    return ok(created.count);
  }

  async setFollowUp(
    trustId: string,
    checkinId: string,
    itemId: string,
    followUp: FollowUp | null,
  ): Promise<Result<void, SaveAnswerError | 'no-answer'>> {
    const items = await this.openItems(trustId, checkinId);
    if (!items.ok) return items;
    const updated = await this.db.checkinAnswer.updateMany({
      where: { checkinId, itemId },
      data: { followUpHelp: followUp?.help ?? null, followUpBy: followUp?.by ?? null },
    });
    return updated.count > 0 ? ok(undefined) : fail('no-answer');
  }

  async history(trustId: string, schoolId: string, exceptRoundId: string | null): Promise<PastAnswer[]> {
    const rows = await this.db.checkinAnswer.findMany({
      where: { checkin: { trustId, schoolId, ...(exceptRoundId ? { roundId: { not: exceptRoundId } } : {}) } },
      select: {
        itemId: true,
        value: true,
        answeredAt: true,
        checkin: { select: { sencoIds: true, round: { select: { year: true, term: true, half: true } } } },
      },
    });
    return rows.map((r) => ({
      itemId: r.itemId,
      value: r.value,
      answeredAt: r.answeredAt,
      sencoIds: r.checkin.sencoIds,
      period: periodOf(r.checkin.round),
    }));
  }

  async previousCheckin(
    trustId: string,
    schoolId: string,
    roundId: string,
  ): Promise<(CheckinWithRound & { answers: CheckinAnswer[] }) | null> {
    return (await this.previousCheckins(trustId, [schoolId], roundId)).get(schoolId) ?? null;
  }

  /**
   * A few statements whatever the number of schools (the round summary and `checkin status`
   * used to ask per school): the schools' check-ins in the latest earlier round first, then,
   * for any school that was not in it, in all earlier rounds at once, newest kept.
   */
  async previousCheckins(
    trustId: string,
    schoolIds: readonly string[],
    roundId: string,
  ): Promise<Map<string, CheckinWithRound & { answers: CheckinAnswer[] }>> {
    const found = new Map<string, CheckinWithRound & { answers: CheckinAnswer[] }>();
    if (!schoolIds.length) return found;
    const current = await this.db.checkinRound.findFirst({ where: { id: roundId, trustId }, select: { opensAt: true } });
    if (!current) return found;
    const rounds = await this.db.checkinRound.findMany({
      where: { trustId, id: { not: roundId }, status: { in: ['open', 'closed'] }, opensAt: { lt: current.opensAt } },
      orderBy: { opensAt: 'desc' },
      select: roundSelect,
    });
    if (!rounds.length) return found;
    const order = new Map(rounds.map((r, i) => [r.id, i]));
    const take = async (roundIds: string[], schools: string[]) => {
      const rows = await this.db.schoolCheckin.findMany({
        where: { trustId, schoolId: { in: schools }, roundId: { in: roundIds } },
        select: { ...checkinSelect, answers: { select: answerSelect } },
      });
      rows.sort((a, b) => order.get(a.roundId)! - order.get(b.roundId)!);
      for (const row of rows) {
        if (found.has(row.schoolId)) continue;
        const round = rounds[order.get(row.roundId)!]!;
        found.set(row.schoolId, { checkin: toCheckin(row), round: toRound(round), answers: row.answers.map(toAnswer) });
      }
    };
    await take([rounds[0]!.id], [...schoolIds]);
    const missing = schoolIds.filter((id) => !found.has(id));
    if (missing.length && rounds.length > 1)
      await take(
        rounds.slice(1).map((r) => r.id),
        missing,
      );
    return found;
  }
}
