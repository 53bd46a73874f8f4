/**
 * Inbound work under way, so shutdown can wait for it before closing the database. A request is
 * tracked until its handler returns, which for Slack is after the work it goes on with once it
 * has answered (the reply, the Home refresh): `server.close()` alone waits only for open
 * connections, and an answered Slack request's connection is idle while that work still runs.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => void this.running.delete(work);
    work.then(done, done);
    return work;
  }

  /** Resolves once nothing is running, including work started while waiting. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
