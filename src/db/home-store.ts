import type { Prisma } from '@prisma/client';
import type { ConversationAddress } from '../core/events';
import type { HomeStore, HomeTab } from '../core/home-port';
import type { Platform } from '../core/model';
import type { Db } from './database';

/** Home's memory in the database: opened tabs (HomeTab) and the last activity per trust (HomeChange). */
export class PrismaHomeStore implements HomeStore {
  /** The minute each trust was last written in, by this process (see `touchTrust`). */
  private readonly touchedMinute = new Map<string, number>();

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

  /**
   * Called after every inbound event, so it writes at most once a minute per trust and process:
   * Home's push refresh runs per minute (src/flows/home/push.ts), and any touch in a minute
   * brings the same refresh at that minute's end as the last one would.
   */
  async touchTrust(trustId: string, at: Date): Promise<void> {
    const minute = Math.ceil(at.getTime() / 60_000);
    if (this.touchedMinute.get(trustId) === minute) return;
    await this.db.homeChange.upsert({ where: { trustId }, create: { trustId, changedAt: at }, update: { changedAt: at } });
    this.touchedMinute.set(trustId, minute);
  }

  async touchedTrusts(from: Date, upTo: Date): Promise<Array<{ trustId: string; at: Date }>> {
    const rows = await this.db.homeChange.findMany({
      where: { changedAt: { gt: from, lte: upTo } },
      select: { trustId: true, changedAt: true },
    });
    return rows.map((r) => ({ trustId: r.trustId, at: r.changedAt }));
  }
}
