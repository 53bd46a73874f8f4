import { VersionCache } from '../../../src/db/version-cache';

describe('VersionCache', () => {
  it('reads a found version once, and a missing one every time', async () => {
    const cache = new VersionCache<string>();
    const reads: string[] = [];
    const load = (value: string | null) => async () => (reads.push(String(value)), value);
    expect(await cache.get('t1', 2, load('v2'))).toBe('v2');
    expect(await cache.get('t1', 2, load('other'))).toBe('v2');
    expect(await cache.get('t1', 3, load(null))).toBeNull();
    expect(await cache.get('t1', 3, load('v3'))).toBe('v3');
    expect(await cache.get('t2', 2, load('t2v2'))).toBe('t2v2');
    expect(reads).toEqual(['v2', 'null', 'v3', 't2v2']);
  });

  it('keeps at most its limit, dropping the oldest', async () => {
    const cache = new VersionCache<number>(2);
    let reads = 0;
    const load = (n: number) => async () => ((reads += 1), n);
    await cache.get('t', 1, load(1));
    await cache.get('t', 2, load(2));
    await cache.get('t', 3, load(3));
    expect(reads).toBe(3);
    await cache.get('t', 3, load(3));
    await cache.get('t', 2, load(2));
    expect(reads).toBe(3);
    await cache.get('t', 1, load(1));
    expect(reads).toBe(4);
  });
});
