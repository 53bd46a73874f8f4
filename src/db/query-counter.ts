/**
 * Counts the SQL statements Prisma sends through a driver adapter (queries, writes, and the
 * BEGIN / COMMIT / ROLLBACK of transactions): one round trip to the database each. It wraps
 * the adapter factory, so it sees exactly what reaches PostgreSQL or PGlite, whichever
 * Prisma call made it. Used for the `senco_db_statements_total` metric (what an inbound
 * message costs, `npm run bench:load`).
 */
/** Told of each statement; `sql` is absent for BEGIN, COMMIT and ROLLBACK. */
export type StatementCounter = (sql?: string) => void;

const STATEMENTS = new Set(['queryRaw', 'executeRaw']);
const TRANSACTION_ENDS = new Set(['commit', 'rollback']);

/** The same adapter factory, counting. Any other member passes through unchanged. */
export function countingAdapter<F extends object>(factory: F, count: StatementCounter): F {
  return wrap(factory, (name, result) => {
    if (name === 'connect') return result.then((adapter: object) => wrapAdapter(adapter, count));
    return result;
  });
}

function wrapAdapter(adapter: object, count: StatementCounter): object {
  return wrap(adapter, (name, result, args) => {
    if (STATEMENTS.has(name)) count(sqlOf(args));
    if (name === 'startTransaction') {
      count();
      return result.then((tx: object) => wrapTransaction(tx, count));
    }
    return result;
  });
}

function wrapTransaction(tx: object, count: StatementCounter): object {
  return wrap(tx, (name, result, args) => {
    if (STATEMENTS.has(name)) count(sqlOf(args));
    if (TRANSACTION_ENDS.has(name)) count();
    return result;
  });
}

function sqlOf(args: unknown[]): string | undefined {
  const query = args[0] as { sql?: unknown } | undefined;
  return typeof query?.sql === 'string' ? query.sql : undefined;
}

/** A proxy whose methods call `after(name, result, args)` on what the original returned. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function wrap<T extends object>(target: T, after: (name: string, result: any, args: unknown[]) => any): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => after(property, (value as (...a: unknown[]) => unknown).apply(object, args), args);
    },
  });
}
