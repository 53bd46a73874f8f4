/**
 * Versions that never change once saved (a trust's checklist v3, its framework v2), kept in
 * memory after the first read: a check-in or self-evaluation card reads its version on every
 * press. Safe across replicas because a saved version is never edited (a change is a new
 * version); only found versions are kept, since a missing one may be saved later.
 */
export class VersionCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly limit = 1000) {}

  async get(trustId: string, version: number, load: () => Promise<T | null>): Promise<T | null> {
    const key = `${trustId}:${version}`;
    const kept = this.entries.get(key);
    if (kept !== undefined) return kept;
    const loaded = await load();
    if (loaded === null) return null;
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, loaded);
    return loaded;
  }
}
