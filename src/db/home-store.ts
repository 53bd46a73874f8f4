import type { Prisma } from '@prisma/client';
import type { ConversationAddress } from '../core/events';
import type { HomeStore, HomeTab } from '../core/home-port';
import type { Platform } from '../core/model';
import type { Db } from './database';

/** Home's memory in the database: opened tabs (HomeTab) and the last activity per trust (HomeChange). */
export class PrismaHomeStore implements HomeStore {
  constructor(private readonly db: Db) {}

  async rememberTab(tab: HomeTab, at: Date): Promise<void> {
    const data = { trustId: tab.trustId, target: tab.target as Prisma.InputJsonValue, openedAt: at };
    await this.db.homeTab.upsert({
      where: { personId_platform: { personId: tab.personId, platform: tab.platform } },
      create: { personId: tab.personId, platform: tab.platform, ...data },
      update: data,
    });
  }

  async tabsOf(personIds: readonly string[]): Promise<HomeTab[]> {
    if (personIds.length === 0) return [];
    const rows = await this.db.homeTab.findMany({
      where: { personId: { in: [...personIds] } },
      select: { personId: true, trustId: true, platform: true, target: true },
    });
    return rows.map((r) => ({ ...r, platform: r.platform as Platform, target: r.target as unknown as ConversationAddress }));
  }

  async touchTrust(trustId: string, at: Date): Promise<void> {
    await this.db.homeChange.upsert({ where: { trustId }, create: { trustId, changedAt: at }, update: { changedAt: at } });
  }

  async touchedTrusts(from: Date, upTo: Date): Promise<Array<{ trustId: string; at: Date }>> {
    const rows = await this.db.homeChange.findMany({
      where: { changedAt: { gt: from, lte: upTo } },
      select: { trustId: true, changedAt: true },
    });
    return rows.map((r) => ({ trustId: r.trustId, at: r.changedAt }));
  }
}
