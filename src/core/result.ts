/**
 * Expected outcomes are results, not exceptions (bugs throw). Adapters and flows turn the
 * error code into friendly en-GB text.
 */
export type Result<T, E extends string = string> = { ok: true; value: T } | { ok: false; error: E; detail?: string };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E extends string>(error: E, detail?: string): Result<never, E> => ({ ok: false, error, detail });
