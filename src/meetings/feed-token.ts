/**
 * Private calendar-subscription tokens: 32 random bytes (unguessable), given to the person once
 * in the URL, stored only as a SHA-256 hash so a database leak does not leak live feed URLs.
 */
import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

/** True when `text` could be a token: checked before any lookup, so junk never reaches the database. */
export function isFeedTokenShape(text: string): boolean {
  return TOKEN_PATTERN.test(text);
}

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The path a calendar app subscribes to; the base URL comes from the configuration. */
export function feedPath(token: string): string {
  return `/calendar/${token}.ics`;
}
