/**
 * An error as it may be logged. Database errors (Prisma's validation and request errors,
 * driver errors with a SQLSTATE) quote the query's values in their message: emails, names,
 * conversation references. For those only the kind, the code, the model and field names and
 * the stack frames are kept; other errors keep their message (ours name no personal data).
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === 'string' ? error.slice(0, 500) : `non-error thrown (${typeof error})`;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .join('\n');
  if (!isDatabaseError(error)) return error.stack ?? `${error.name}: ${error.message}`;
  const e = error as Error & {
    code?: unknown;
    meta?: Record<string, unknown>;
    cause?: { code?: unknown; originalCode?: unknown; kind?: unknown };
  };
  const meta = e.meta ?? {};
  const code = [e.code, e.cause?.originalCode, e.cause?.code].find((c) => typeof c === 'string');
  const parts = [
    e.name,
    code ? `code=${code}` : null,
    typeof e.cause?.kind === 'string' ? `cause=${e.cause.kind}` : null,
    typeof meta.modelName === 'string' ? `model=${meta.modelName}` : null,
    meta.target !== undefined ? `target=${JSON.stringify(meta.target)}` : null,
    typeof meta.field_name === 'string' ? `field=${meta.field_name}` : null,
    '(message withheld: it may quote personal data)',
  ].filter(Boolean);
  return `${parts.join(' ')}\n${frames}`;
}

function isDatabaseError(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    /^Prisma|DriverAdapter|DatabaseError/.test(error.name) ||
    (typeof code === 'string' && (/^P\d{4}$/.test(code) || /^[0-9A-Z]{5}$/.test(code))) ||
    /Invalid `[^`]*prisma\./.test(error.message)
  );
}
