import type { DueOccurrence, DueWorkSource } from '../../../src/core/due-work-port';
import { memoryLogger } from '../../../src/logger';
import { isStale, runTick } from '../../../src/scheduler/tick';
import { memoryJobClaims } from '../../fakes/memory-job-claims';

const HOUR = 60 * 60_000;
const now = new Date('2026-11-24T10:00:00Z');

/** A source whose occurrences are fixed instants; records each run. */
function source(kind: string, dueAts: string[], catchUp: DueWorkSource['catchUp'], ran: string[], fail = new Set<string>()): DueWorkSource {
  return {
    kind,
    catchUp,
    lookbackMs: 24 * HOUR,
    due: async (from, upTo) =>
      dueAts
        .map((iso): DueOccurrence => ({
          key: `${kind}:${iso.slice(0, 16)}`,
          dueAt: new Date(iso),
          run: async () => {
            if (fail.has(iso)) throw new Error('boom');
            ran.push(`${kind}:${iso.slice(0, 16)}`);
          },
        }))
        .filter((o) => o.dueAt > from && o.dueAt <= upTo),
  };
}

describe('runTick', () => {
  it('runs each due occurrence once, however many ticks or replicas ask', async () => {
    const claims = memoryJobClaims();
    const ran: string[] = [];
    const digest = source('digest', ['2026-11-24T09:00:00Z', '2026-11-24T10:00:00Z', '2026-11-24T11:00:00Z'], { policy: 'run-late' }, ran);
    const deps = { claims, sources: [digest], logger: memoryLogger() };
    const [a, b] = await Promise.all([runTick(now, { ...deps, by: 'replica-a' }), runTick(now, { ...deps, by: 'replica-b' })]);
    await runTick(new Date(now.getTime() + 60_000), { ...deps, by: 'replica-a' });
    expect(ran.sort()).toEqual(['digest:2026-11-24T09:00', 'digest:2026-11-24T10:00']);
    expect([...a.ran, ...b.ran].sort()).toEqual(ran);
    expect(claims.runs.get('digest:2026-11-24T10:00')).toMatchObject({ outcome: 'done', finishedAt: now });
  });

  it('after downtime runs missed occurrences late, or drops them when stale', async () => {
    const claims = memoryJobClaims();
    const ran: string[] = [];
    const late = source('digest', ['2026-11-24T07:00:00Z'], { policy: 'run-late' }, ran);
    const nudge = source(
      'meeting-soon',
      ['2026-11-24T07:00:00Z', '2026-11-24T09:55:00Z'],
      { policy: 'drop-stale', staleAfterMs: 15 * 60_000 },
      ran,
    );
    const report = await runTick(now, { claims, sources: [late, nudge], by: 'a', logger: memoryLogger() });
    expect(ran.sort()).toEqual(['digest:2026-11-24T07:00', 'meeting-soon:2026-11-24T09:55']);
    expect(report.dropped).toEqual(['meeting-soon:2026-11-24T07:00']);
    expect(claims.runs.get('meeting-soon:2026-11-24T07:00')).toMatchObject({ outcome: 'dropped-stale' });
  });

  it('retries a failed run only after the takeover lease, and one failing source does not stop others', async () => {
    const claims = memoryJobClaims();
    const ran: string[] = [];
    const fail = new Set(['2026-11-24T09:00:00Z']);
    const flaky = source('flaky', ['2026-11-24T09:00:00Z'], { policy: 'run-late' }, ran, fail);
    const broken: DueWorkSource = {
      kind: 'broken',
      catchUp: { policy: 'run-late' },
      lookbackMs: HOUR,
      due: async () => {
        throw new Error('db down');
      },
    };
    const fine = source('fine', ['2026-11-24T09:30:00Z'], { policy: 'run-late' }, ran);
    const deps = { claims, sources: [flaky, broken, fine], by: 'a', logger: memoryLogger(), takeoverAfterMs: 10 * 60_000 };
    const first = await runTick(now, deps);
    expect(first.failed).toEqual(['flaky:2026-11-24T09:00']);
    expect(ran).toEqual(['fine:2026-11-24T09:30']);
    fail.clear();
    await runTick(new Date(now.getTime() + 5 * 60_000), deps);
    expect(ran).toEqual(['fine:2026-11-24T09:30']);
    await runTick(new Date(now.getTime() + 11 * 60_000), deps);
    expect(ran).toEqual(['fine:2026-11-24T09:30', 'flaky:2026-11-24T09:00']);
  });

  it('does not run occurrences due in the future', async () => {
    const ran: string[] = [];
    await runTick(now, {
      claims: memoryJobClaims(),
      sources: [source('x', ['2026-11-24T10:00:01Z'], { policy: 'run-late' }, ran)],
      by: 'a',
      logger: memoryLogger(),
    });
    expect(ran).toEqual([]);
  });
});

describe('isStale', () => {
  it('is never true for run-late sources', () => {
    expect(isStale({ catchUp: { policy: 'run-late' } }, new Date(0), now)).toBe(false);
  });
  it('is true for drop-stale once staleAfterMs has passed', () => {
    const catchUp = { policy: 'drop-stale' as const, staleAfterMs: 60_000 };
    expect(isStale({ catchUp }, new Date(now.getTime() - 60_000), now)).toBe(false);
    expect(isStale({ catchUp }, new Date(now.getTime() - 60_001), now)).toBe(true);
  });
});
