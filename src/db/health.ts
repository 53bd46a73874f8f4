import type { HealthCheck } from '../core/ports';
import type { Db } from './database';

export class PrismaHealthCheck implements HealthCheck {
  constructor(private readonly db: Db) {}

  async ping(): Promise<boolean> {
    try {
      await this.db.$queryRaw`SELECT 1`;
      return true;
    } catch {
      return false;
    }
  }
}
