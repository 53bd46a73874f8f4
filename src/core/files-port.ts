import type { OutboundFile } from './message';

/**
 * Files the bot sends are kept for a short while in the database: a Teams consent card
 * uploads them when the person accepts, and a signed link serves them where a platform cannot
 * take the file itself. Daily housekeeping deletes them once expired.
 */
export interface FileStore {
  /** Keeps the file until `expiresAt`; returns its id (unguessable). */
  put(file: OutboundFile, expiresAt: Date, trustId?: string | null): Promise<string>;
  /** The file, or null when unknown or expired at `now`. */
  get(id: string, now: Date): Promise<OutboundFile | null>;
  /** Deletes files expired at `now`; returns how many. */
  prune(now: Date): Promise<number>;
}

/** What adapters use to hand a file over later: keep it, fetch it back, link to it. */
export interface FileShelf {
  /** Keeps the file for the link lifetime; returns its id and a signed download URL. */
  keep(file: OutboundFile): Promise<{ id: string; url: string; expiresAt: Date }>;
  /** A kept file, or null when unknown or expired. */
  fetch(id: string): Promise<OutboundFile | null>;
}
