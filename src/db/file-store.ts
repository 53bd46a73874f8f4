import { randomBytes } from 'node:crypto';
import type { FileStore } from '../core/files-port';
import type { OutboundFile } from '../core/message';
import type { Db } from './database';

/** Files kept for consent uploads and signed links; the id is 128 random bits. */
export class PrismaFileStore implements FileStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  async put(file: OutboundFile, expiresAt: Date, trustId: string | null = null): Promise<string> {
    const id = randomBytes(16).toString('base64url');
    await this.db.storedFile.create({
      data: {
        id,
        trustId,
        name: file.name,
        mediaType: file.mediaType,
        base64: file.base64,
        createdAt: this.now(),
        expiresAt,
      },
    });
    return id;
  }

  async get(id: string, now: Date): Promise<OutboundFile | null> {
    const row = await this.db.storedFile.findUnique({ where: { id } });
    if (!row || row.expiresAt <= now) return null;
    return { name: row.name, mediaType: row.mediaType, base64: row.base64 };
  }

  async prune(now: Date): Promise<number> {
    const { count } = await this.db.storedFile.deleteMany({ where: { expiresAt: { lte: now } } });
    return count;
  }
}
