import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The id of the inbound request being handled, carried through every await without threading
 * a parameter through the router and the flows: the logger reads it and stamps each line, so
 * all lines one message caused can be found together.
 */
const storage = new AsyncLocalStorage<{ requestId: string }>();

/** A caller's own id is kept when it looks like one (a proxy's), else a fresh one is made. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && /^[A-Za-z0-9._:-]{8,80}$/.test(given) ? given : randomUUID();
}

export function withRequestId<T>(requestId: string, run: () => T): T {
  return storage.run({ requestId }, run);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
