import type { Prisma } from '@prisma/client';
import type { Clock, ConversationState, StateStore } from '../core/ports';
import type { Db } from './database';

export class PrismaStateStore implements StateStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async get(key: string): Promise<ConversationState | null> {
    const row = await this.db.conversationState.findUnique({
      where: { key },
      select: { flow: true, step: true, data: true, expiresAt: true },
    });
    if (!row || row.expiresAt <= this.clock.now()) return null;
    return { flow: row.flow, step: row.step, data: (row.data ?? {}) as Record<string, unknown> };
  }

  async set(key: string, state: ConversationState, ttlMs: number): Promise<void> {
    const fields = {
      flow: state.flow,
      step: state.step,
      data: state.data as Prisma.InputJsonValue,
      expiresAt: new Date(this.clock.now().getTime() + ttlMs),
    };
    await this.db.conversationState.upsert({ where: { key }, create: { key, ...fields }, update: fields });
  }

  async clear(...keys: string[]): Promise<void> {
    await this.db.conversationState.deleteMany({ where: { key: { in: keys } } });
  }

  // One DELETE ... RETURNING: the row lock makes a second concurrent DELETE find nothing (the
  // compare-and-set), where get-then-clear would let both callers read the row first.
  async take(key: string): Promise<ConversationState | null> {
    const rows = await this.db.$queryRaw<Array<{ flow: string; step: string; data: unknown }>>`
      DELETE FROM "ConversationState" WHERE "key" = ${key} AND "expiresAt" > ${this.clock.now()}
      RETURNING "flow", "step", "data"`;
    const row = rows[0];
    if (!row) return null;
    return { flow: row.flow, step: row.step, data: (row.data ?? {}) as Record<string, unknown> };
  }
}
