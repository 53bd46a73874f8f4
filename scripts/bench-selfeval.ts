/**
 * Self-evaluation roll-up at scale (issue 13): a trust of 500 schools, every statement of
 * selfeval-v1 answered (with some evidence and help text), and the previous cycle too. Times
 * buildRollup plus its neutral message, and the 500 school summaries; median of 9 runs with
 * the range; and a SENCO's sitting for one area through the real router (bench-selfeval-taps.ts).
 *
 * Run: npm run bench:selfeval. Last line (parsed by tooling):
 *   selfeval taps_area=<n> typed_chars_area=<n> rollup_ms_500=<n> summaries_ms_500=<n>
 */
import { FRAMEWORK_V1 } from '../src/core/selfeval/framework-v1';
import { statementIds } from '../src/core/selfeval/framework';
import { RATINGS, type SelfEvalAnswer } from '../src/core/selfeval/model';
import { buildRollup } from '../src/core/selfeval/rollup';
import { summariseSchool } from '../src/core/selfeval/summary';
import { rollupMessage } from '../src/digest/selfeval-summary';
import { rng } from './bench-buddies/generate';
import { measureSitting } from './bench-selfeval-taps';

const SCHOOLS = 500;
const RUNS = 9;

function generate(): { schools: Array<{ schoolId: string; schoolName: string }>; answers: SelfEvalAnswer[]; previous: SelfEvalAnswer[] } {
  const r = rng(13);
  const schools = Array.from({ length: SCHOOLS }, (_, i) => ({ schoolId: `s${i}`, schoolName: `School ${String(i).padStart(3, '0')}` }));
  const ids = statementIds(FRAMEWORK_V1);
  const make = (cycleId: string): SelfEvalAnswer[] =>
    schools.flatMap((s) =>
      ids.map((statementId) => {
        const rating = RATINGS[Math.floor(r() * RATINGS.length)]!;
        return {
          cycleId,
          schoolId: s.schoolId,
          statementId,
          frameworkVersion: 1,
          rating,
          evidence: r() < 0.5 ? 'Minutes of the SEND governor visit' : null,
          help: rating === 'not-yet' || rating === 'developing' ? 'Time with another SENCO' : null,
          answeredBy: 'p',
          answeredAt: new Date(Date.UTC(2027, 0, 12)),
        };
      }),
    );
  return { schools, answers: make('c2'), previous: make('c1') };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const sitting = await measureSitting();
  console.log(
    `One area (Leadership) through the real router: ${sitting.taps} taps, ${sitting.typed} typed characters (goal: at most 12 taps, no typing).`,
  );
  const { schools, answers, previous } = generate();
  const rollupTimes: number[] = [];
  const summaryTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let t = process.hrtime.bigint();
    const rollup = buildRollup(FRAMEWORK_V1, schools, answers);
    rollupMessage(rollup, FRAMEWORK_V1);
    rollupTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    const bySchool = new Map<string, SelfEvalAnswer[]>();
    for (const a of answers) bySchool.set(a.schoolId, [...(bySchool.get(a.schoolId) ?? []), a]);
    const before = new Map<string, SelfEvalAnswer[]>();
    for (const a of previous) before.set(a.schoolId, [...(before.get(a.schoolId) ?? []), a]);
    for (const s of schools)
      summariseSchool({ framework: FRAMEWORK_V1, answers: bySchool.get(s.schoolId) ?? [], previous: before.get(s.schoolId) ?? [] });
    summaryTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)}`;
  console.log(
    `${SCHOOLS} schools, ${answers.length} answers: roll-up + message ms median ${median(rollupTimes).toFixed(1)} (range ${range(rollupTimes)})`,
  );
  console.log(
    `${SCHOOLS} school summaries with change since last cycle: ms median ${median(summaryTimes).toFixed(1)} (range ${range(summaryTimes)})`,
  );
  console.log(
    `selfeval taps_area=${sitting.taps} typed_chars_area=${sitting.typed} rollup_ms_500=${Math.round(median(rollupTimes))} summaries_ms_500=${Math.round(median(summaryTimes))}`,
  );
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
