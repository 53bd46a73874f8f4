/**
 * Rows given back for pacing at the same moment go back in one statement: at the start of a
 * fan-out every claimed row past the pacing horizon is given back (a claim of 100, again and
 * again until the queue is drained), and one UPDATE per row was a burst of CPU and database work
 * beside the first sends, whose calls then missed their slots. Rows asking in the same turn of
 * the event loop for the same due time are written together.
 */
export class DeferBatch {
  private readonly pending = new Map<number, { ids: string[]; written: Promise<void> }>();

  constructor(private readonly write: (ids: readonly string[], notBefore: Date) => Promise<void>) {}

  /** Resolves once the row's batch is written (rejects if the write fails). */
  defer(id: string, notBefore: Date): Promise<void> {
    const due = notBefore.getTime();
    const open = this.pending.get(due);
    if (open) {
      open.ids.push(id);
      return open.written;
    }
    const ids = [id];
    const written = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.pending.delete(due);
      return this.write(ids, new Date(due));
    });
    this.pending.set(due, { ids, written });
    return written;
  }
}
