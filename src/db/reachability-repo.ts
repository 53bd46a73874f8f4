import type { Platform } from '../core/model';
import type { RecipientReachability } from '../core/outbox-port';
import type { Db } from './database';

/**
 * Marks a person's chat identities on a platform unreachable (they blocked or removed the
 * bot). Cleared by the identity repo the next time the person writes to the bot.
 */
export class PrismaReachability implements RecipientReachability {
  constructor(private readonly db: Db) {}

  async markUnreachable(personId: string, platform: Platform, at: Date): Promise<void> {
    await this.db.chatIdentity.updateMany({ where: { personId, platform }, data: { unreachableAt: at } });
  }
}
