/**
 * Text as it may be stored and shown. PostgreSQL refuses U+0000 in text (22021) and a lone
 * UTF-16 surrogate cannot be encoded as UTF-8, so one such character in a display name would
 * break every write about that person. The adapters clean every string of a payload once, as
 * it arrives, so nothing further in needs to think about it.
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops NUL and replaces a lone surrogate with U+FFFD (the usual "unknown character"). */
export function cleanText(text: string): string {
  return text.replace(UNSTORABLE, (c) => (c === '\u0000' ? '' : '\uFFFD'));
}

export function hasUnstorable(text: string): boolean {
  UNSTORABLE.lastIndex = 0;
  const found = UNSTORABLE.test(text);
  UNSTORABLE.lastIndex = 0;
  return found;
}

/** Real payloads are a handful of levels deep; anything far deeper is an attack on the parsers. */
export const MAX_PAYLOAD_DEPTH = 32;

/**
 * Cleans every string (keys too) of a parsed JSON value, without recursion so depth cannot
 * overflow the stack. Returns null when the value is nested deeper than `maxDepth`.
 */
export function cleanPayload<T>(value: T, maxDepth = MAX_PAYLOAD_DEPTH): T | null {
  if (typeof value === 'string') return cleanText(value) as T;
  if (!value || typeof value !== 'object') return value;
  const root: { v: unknown } = { v: value };
  const stack: Array<{ holder: Record<string, unknown> | unknown[]; key: string | number; depth: number }> = [
    { holder: root as unknown as Record<string, unknown>, key: 'v', depth: 0 },
  ];
  while (stack.length) {
    const { holder, key, depth } = stack.pop()!;
    const current = (holder as Record<string | number, unknown>)[key];
    if (typeof current === 'string') {
      (holder as Record<string | number, unknown>)[key] = cleanText(current);
      continue;
    }
    if (!current || typeof current !== 'object') continue;
    if (depth >= maxDepth) return null;
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) stack.push({ holder: current, key: i, depth: depth + 1 });
      continue;
    }
    const obj = current as Record<string, unknown>;
    for (const k of Object.keys(obj)) {
      const clean = cleanText(k);
      if (clean !== k) {
        obj[clean] = obj[k];
        delete obj[k];
      }
      stack.push({ holder: obj, key: clean, depth: depth + 1 });
    }
  }
  return root.v as T;
}
