import type { Logger } from './core/ports';
import { currentRequestId } from './ops/request-context';

/**
 * JSON-lines logger to stdout/stderr; `silent` for tests. Lines written while an inbound
 * request is handled carry its `requestId` (src/ops/request-context.ts).
 */
export function createLogger(options: { silent?: boolean; base?: Record<string, unknown> } = {}): Logger {
  const write = (level: string, msg: string, fields?: Record<string, unknown>) => {
    if (options.silent) return;
    const requestId = currentRequestId();
    const line = JSON.stringify({
      t: new Date().toISOString(),
      level,
      msg,
      ...(requestId ? { requestId } : {}),
      ...options.base,
      ...fields,
    });
    (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return {
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  };
}

/** A logger that keeps lines in memory, for tests that assert on logging. */
export function memoryLogger(): Logger & { lines: Array<{ level: string; msg: string; fields?: Record<string, unknown> }> } {
  const lines: Array<{ level: string; msg: string; fields?: Record<string, unknown> }> = [];
  const push = (level: string, msg: string, fields?: Record<string, unknown>) => {
    const requestId = currentRequestId();
    lines.push({ level, msg, fields: requestId ? { requestId, ...fields } : fields });
  };
  return {
    lines,
    info: (msg, fields) => push('info', msg, fields),
    warn: (msg, fields) => push('warn', msg, fields),
    error: (msg, fields) => push('error', msg, fields),
  };
}
