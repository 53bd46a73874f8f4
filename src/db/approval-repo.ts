import type { Prisma } from '@prisma/client';
import type { Clock } from '../core/ports';
import type { ApprovalRepo, ApprovalRequest, JoinDetails } from '../core/roster-port';
import type { Db } from './database';

const select = {
  id: true,
  trustId: true,
  kind: true,
  identityId: true,
  personId: true,
  data: true,
  status: true,
  createdAt: true,
} as const;
type Row = Prisma.ApprovalRequestGetPayload<{ select: typeof select }>;

/**
 * Join and erasure requests waiting for a SEND leader. Request and decision times come from
 * the injected clock, never the database's now(): "You already asked on ..." shows them.
 */
export class PrismaApprovalRepo implements ApprovalRepo {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async create(request: Omit<ApprovalRequest, 'id' | 'status' | 'createdAt'>): Promise<ApprovalRequest | null> {
    try {
      const row = await this.db.approvalRequest.create({
        data: {
          trustId: request.trustId,
          kind: request.kind,
          identityId: request.identityId,
          personId: request.personId,
          data: (request.details ?? {}) as unknown as Prisma.InputJsonValue,
          createdAt: this.clock.now(),
        },
        select,
      });
      return toRequest(row);
    } catch (error) {
      // The partial unique indexes allow one pending request per meaning (a join per chat
      // account, an erasure per person): a double press or a parallel one lands here.
      if ((error as { code?: string }).code === 'P2002') return null;
      throw error;
    }
  }

  async get(trustId: string, id: string): Promise<ApprovalRequest | null> {
    const row = await this.db.approvalRequest.findFirst({ where: { id, trustId }, select });
    return row ? toRequest(row) : null;
  }

  async pending(trustId: string): Promise<ApprovalRequest[]> {
    const rows = await this.db.approvalRequest.findMany({
      where: { trustId, status: 'pending' },
      select,
      orderBy: { createdAt: 'asc' },
      take: 50,
    });
    return rows.map(toRequest);
  }

  async pendingForIdentity(identityId: string): Promise<ApprovalRequest | null> {
    const row = await this.db.approvalRequest.findFirst({ where: { identityId, status: 'pending', kind: 'join' }, select });
    return row ? toRequest(row) : null;
  }

  async pendingErasure(trustId: string, personId: string): Promise<ApprovalRequest | null> {
    const row = await this.db.approvalRequest.findFirst({ where: { trustId, personId, status: 'pending', kind: 'erase' }, select });
    return row ? toRequest(row) : null;
  }

  async decide(trustId: string, id: string, status: 'approved' | 'rejected', deciderId: string | null): Promise<boolean> {
    const done = await this.db.approvalRequest.updateMany({
      where: { id, trustId, status: 'pending' },
      data: { status, decidedById: deciderId, decidedAt: this.clock.now(), data: {} },
    });
    return done.count === 1;
  }
}

function toRequest(row: Row): ApprovalRequest {
  const data = row.data as Partial<JoinDetails> | null;
  return {
    id: row.id,
    trustId: row.trustId,
    kind: row.kind as ApprovalRequest['kind'],
    identityId: row.identityId,
    personId: row.personId,
    details: data && typeof data.name === 'string' ? (data as JoinDetails) : null,
    status: row.status as ApprovalRequest['status'],
    createdAt: row.createdAt,
  };
}
