import type { Clock } from '../../src/core/ports';

/**
 * A clock tests move by hand. `sleep` advances it instead of waiting, so the outbox worker's
 * pacing and backoff run instantly and deterministically.
 */
export class FakeClock implements Clock {
  private t: number;

  constructor(start: Date | string | number) {
    this.t = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  set(to: Date | string): void {
    this.t = new Date(to).getTime();
  }

  advance(ms: number): Date {
    this.t += ms;
    return this.now();
  }

  readonly sleep = async (ms: number): Promise<void> => {
    this.t += Math.max(0, ms);
    await Promise.resolve();
  };
}
