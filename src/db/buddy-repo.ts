import type { Prisma } from '@prisma/client';
import type { MatchReason } from '../core/buddies/model';
import type {
  BuddyPair,
  BuddyPairStatus,
  BuddyRepo,
  BuddyRequest,
  BuddyRequestStatus,
  BuddySettings,
  BuddyTrustSettings,
  FollowUpStage,
  NewPair,
  PairEndReason,
} from '../core/buddies-port';
import { fail, ok, type Result } from '../core/result';
import type { Db } from './database';
import { isUniqueViolation } from './unique-violation';

const requestSelect = {
  id: true,
  trustId: true,
  personId: true,
  needs: true,
  wantsSpecialist: true,
  status: true,
  roundsWaiting: true,
  waitingReason: true,
  createdAt: true,
  closedAt: true,
} satisfies Prisma.BuddyRequestSelect;

const pairSelect = {
  id: true,
  trustId: true,
  requestId: true,
  menteeId: true,
  buddyId: true,
  groupId: true,
  status: true,
  score: true,
  reasons: true,
  repeat: true,
  proposedAt: true,
  approvedAt: true,
  approvedBy: true,
  startsOn: true,
  endsOn: true,
  metAt: true,
  followUp: true,
  menteeFeedback: true,
  buddyFeedback: true,
  endedAt: true,
  endReason: true,
} satisfies Prisma.BuddyPairSelect;

type RequestRow = Prisma.BuddyRequestGetPayload<{ select: typeof requestSelect }>;
type PairRow = Prisma.BuddyPairGetPayload<{ select: typeof pairSelect }>;

function toRequest(row: RequestRow): BuddyRequest {
  return { ...row, status: row.status as BuddyRequestStatus };
}

function toPair(row: PairRow): BuddyPair {
  return {
    ...row,
    status: row.status as BuddyPairStatus,
    reasons: row.reasons as unknown as MatchReason[],
    followUp: row.followUp as FollowUpStage,
    endReason: row.endReason as PairEndReason | null,
  };
}

const openKeyOf = (trustId: string, personId: string) => `${trustId}:${personId}`;

/** Buddy settings, requests and pairs in the database. Every query is filtered by trust. */
export class PrismaBuddyRepo implements BuddyRepo {
  constructor(private readonly db: Db) {}

  async trustSettings(trustId: string): Promise<BuddyTrustSettings> {
    const row = await this.db.buddyTrustSetting.findUnique({ where: { trustId }, select: { autoApprove: true } });
    return { autoApprove: row?.autoApprove ?? false };
  }

  async saveTrustSettings(trustId: string, settings: BuddyTrustSettings, by: string, at: Date): Promise<void> {
    const data = { autoApprove: settings.autoApprove, updatedAt: at, updatedBy: by };
    await this.db.buddyTrustSetting.upsert({ where: { trustId }, create: { trustId, ...data }, update: data });
  }

  async markNew(trustId: string, personId: string, by: string, at: Date): Promise<boolean> {
    // Compare and set: only the call that finds no mark sets it (a double press marks once).
    const r = await this.db.buddyProfile.updateMany({
      where: { trustId, personId, markedNewAt: null },
      data: { markedNewAt: at, markedNewBy: by },
    });
    if (r.count > 0) return true;
    try {
      await this.db.buddyProfile.create({ data: { trustId, personId, updatedAt: at, markedNewAt: at, markedNewBy: by } });
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const again = await this.db.buddyProfile.updateMany({
        where: { trustId, personId, markedNewAt: null },
        data: { markedNewAt: at, markedNewBy: by },
      });
      return again.count > 0;
    }
  }

  async markedNew(trustId: string): Promise<string[]> {
    const rows = await this.db.buddyProfile.findMany({
      where: { trustId, markedNewAt: { not: null } },
      orderBy: { personId: 'asc' },
      select: { personId: true },
    });
    return rows.map((r) => r.personId);
  }

  async settings(trustId: string, personId: string): Promise<BuddySettings | null> {
    return this.db.buddyProfile.findUnique({
      where: { trustId_personId: { trustId, personId } },
      select: { personId: true, available: true, optedOut: true, capacity: true, strengths: true },
    });
  }

  async allSettings(trustId: string): Promise<BuddySettings[]> {
    return this.db.buddyProfile.findMany({
      where: { trustId },
      orderBy: { personId: 'asc' },
      select: { personId: true, available: true, optedOut: true, capacity: true, strengths: true },
    });
  }

  async saveSettings(trustId: string, s: BuddySettings, at: Date): Promise<void> {
    const data = { available: s.available, optedOut: s.optedOut, capacity: s.capacity, strengths: [...s.strengths], updatedAt: at };
    await this.db.buddyProfile.upsert({
      where: { trustId_personId: { trustId, personId: s.personId } },
      create: { trustId, personId: s.personId, ...data },
      update: data,
    });
  }

  async openRequest(
    trustId: string,
    request: { personId: string; needs: readonly string[]; wantsSpecialist: boolean },
    at: Date,
  ): Promise<{ request: BuddyRequest; created: boolean }> {
    const openKey = openKeyOf(trustId, request.personId);
    try {
      const row = await this.db.buddyRequest.create({
        data: {
          trustId,
          personId: request.personId,
          openKey,
          needs: [...request.needs],
          wantsSpecialist: request.wantsSpecialist,
          status: 'open',
          createdAt: at,
        },
        select: requestSelect,
      });
      return { request: toRequest(row), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.db.buddyRequest.findUnique({ where: { openKey }, select: requestSelect });
      if (!existing) throw error;
      return { request: toRequest(existing), created: false };
    }
  }

  async getRequest(trustId: string, requestId: string): Promise<BuddyRequest | null> {
    const row = await this.db.buddyRequest.findFirst({ where: { id: requestId, trustId }, select: requestSelect });
    return row ? toRequest(row) : null;
  }

  async openRequests(trustId: string): Promise<BuddyRequest[]> {
    const rows = await this.db.buddyRequest.findMany({
      where: { trustId, status: 'open' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: requestSelect,
    });
    return rows.map(toRequest);
  }

  async markWaiting(trustId: string, requestId: string, reason: string): Promise<boolean> {
    const r = await this.db.buddyRequest.updateMany({
      where: { id: requestId, trustId, status: 'open' },
      data: { roundsWaiting: { increment: 1 }, waitingReason: reason },
    });
    return r.count > 0;
  }

  async withdrawRequest(trustId: string, requestId: string, at: Date): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const r = await tx.buddyRequest.updateMany({
        where: { id: requestId, trustId, status: 'open' },
        data: { status: 'withdrawn', openKey: null, closedAt: at },
      });
      if (r.count === 0) return false;
      await tx.buddyPair.updateMany({
        where: { requestId, trustId, status: 'proposed' },
        data: { status: 'declined', liveKey: null, endedAt: at, endReason: 'declined' },
      });
      return true;
    });
  }

  async propose(trustId: string, pairs: readonly NewPair[], at: Date): Promise<BuddyPair[]> {
    const created: BuddyPair[] = [];
    for (const p of pairs) {
      const request = await this.db.buddyRequest.findFirst({ where: { id: p.requestId, trustId, status: 'open' }, select: { id: true } });
      if (!request) continue;
      try {
        const row = await this.db.buddyPair.create({
          data: {
            trustId,
            requestId: p.requestId,
            menteeId: p.menteeId,
            buddyId: p.buddyId,
            groupId: p.groupId,
            status: 'proposed',
            liveKey: p.requestId,
            score: p.score,
            reasons: p.reasons as unknown as Prisma.InputJsonValue,
            repeat: p.repeat,
            proposedAt: at,
          },
          select: pairSelect,
        });
        created.push(toPair(row));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return created;
  }

  async approve(trustId: string, pairId: string, by: string, startsOn: string, endsOn: string, at: Date): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const pair = await tx.buddyPair.findFirst({ where: { id: pairId, trustId, status: 'proposed' }, select: { requestId: true } });
      if (!pair) return false;
      const r = await tx.buddyPair.updateMany({
        where: { id: pairId, trustId, status: 'proposed' },
        data: { status: 'active', approvedAt: at, approvedBy: by, startsOn, endsOn },
      });
      if (r.count === 0) return false;
      await tx.buddyRequest.updateMany({
        where: { id: pair.requestId, trustId, status: 'open' },
        data: { status: 'matched', openKey: null, closedAt: at, waitingReason: null },
      });
      return true;
    });
  }

  async decline(trustId: string, pairId: string, at: Date): Promise<boolean> {
    const r = await this.db.buddyPair.updateMany({
      where: { id: pairId, trustId, status: 'proposed' },
      data: { status: 'declined', liveKey: null, endedAt: at, endReason: 'declined' },
    });
    return r.count > 0;
  }

  async markMet(trustId: string, pairId: string, at: Date): Promise<boolean> {
    const r = await this.db.buddyPair.updateMany({ where: { id: pairId, trustId, status: 'active', metAt: null }, data: { metAt: at } });
    return r.count > 0;
  }

  async advanceFollowUp(trustId: string, pairId: string, from: FollowUpStage, to: FollowUpStage): Promise<boolean> {
    const r = await this.db.buddyPair.updateMany({ where: { id: pairId, trustId, followUp: from }, data: { followUp: to } });
    return r.count > 0;
  }

  async saveFeedback(trustId: string, pairId: string, side: 'mentee' | 'buddy', text: string): Promise<Result<void, 'not-found'>> {
    const r = await this.db.buddyPair.updateMany({
      where: { id: pairId, trustId },
      data: side === 'mentee' ? { menteeFeedback: text } : { buddyFeedback: text },
    });
    return r.count > 0 ? ok(undefined) : fail('not-found');
  }

  async end(trustId: string, pairId: string, reason: PairEndReason, at: Date): Promise<boolean> {
    const r = await this.db.buddyPair.updateMany({
      where: { id: pairId, trustId, status: 'active' },
      data: { status: 'ended', liveKey: null, endedAt: at, endReason: reason },
    });
    return r.count > 0;
  }

  async getPair(trustId: string, pairId: string): Promise<BuddyPair | null> {
    const row = await this.db.buddyPair.findFirst({ where: { id: pairId, trustId }, select: pairSelect });
    return row ? toPair(row) : null;
  }

  async pairs(trustId: string, statuses?: readonly BuddyPairStatus[]): Promise<BuddyPair[]> {
    const rows = await this.db.buddyPair.findMany({
      where: { trustId, ...(statuses ? { status: { in: [...statuses] } } : {}) },
      orderBy: [{ proposedAt: 'asc' }, { id: 'asc' }],
      select: pairSelect,
    });
    return rows.map(toPair);
  }

  async history(trustId: string): Promise<Array<[string, string]>> {
    const rows = await this.db.buddyPair.findMany({
      where: { trustId, status: { in: ['active', 'ended'] } },
      distinct: ['menteeId', 'buddyId'],
      orderBy: [{ menteeId: 'asc' }, { buddyId: 'asc' }],
      select: { menteeId: true, buddyId: true },
    });
    return rows.map((r) => [r.menteeId, r.buddyId]);
  }

  async loads(trustId: string): Promise<Map<string, { active: number; past: number }>> {
    const rows = await this.db.buddyPair.groupBy({
      by: ['buddyId', 'status'],
      where: { trustId, status: { in: ['active', 'ended'] } },
      _count: { _all: true },
    });
    const out = new Map<string, { active: number; past: number }>();
    for (const r of rows) {
      const load = out.get(r.buddyId) ?? { active: 0, past: 0 };
      if (r.status === 'active') load.active += r._count._all;
      load.past += r._count._all;
      out.set(r.buddyId, load);
    }
    return out;
  }
}
