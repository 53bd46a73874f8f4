/**
 * True when a write lost a race to a unique index. The two drivers report it differently:
 * the pg adapter's error is Prisma's P2002; PGlite's adapter leaves P2002 out and passes
 * PostgreSQL's own SQLSTATE 23505 through, on the error or in its cause chain. Callers turn
 * either into the same 'conflict' answer, so behaviour does not depend on the database.
 */
export function isUniqueViolation(error: unknown): boolean {
  let e = error as { code?: unknown; cause?: unknown; kind?: unknown } | null | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (e.code === 'P2002' || e.code === '23505' || e.kind === 'UniqueConstraintViolation') return true;
    e = e.cause as typeof e;
  }
  return false;
}
