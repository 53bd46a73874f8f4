/**
 * The self-evaluation part of the weekly digest (issue 13), from the roll-up of the current
 * cycle: schools finished overall and per area, and the most common development areas. Only
 * figures across schools and the framework's own statements, so a trust leader's digest never
 * carries a school's answers; a SEND leader's also names the schools not started yet.
 */
import type { ChartSpec } from '../../core/chart';
import type { DigestAudience, DigestContribution } from '../../core/digest/model';
import type { TrustRollup } from '../../core/selfeval/rollup';
import { plural, t } from '../../i18n/en-GB';

/** Most common development areas listed. */
const TOP = 3;
/** Schools named as not started (SEND leaders only). */
const NAMED = 5;

export interface SelfEvalDigestFacts {
  cycleLabel: string;
  rollup: TrustRollup;
  audience: DigestAudience;
}

export function selfEvalDigestSection({ cycleLabel, rollup, audience }: SelfEvalDigestFacts): DigestContribution {
  const schools = rollup.schools.length;
  if (schools === 0) return { section: null, lookAt: [] };
  const started = rollup.cells.filter((row) => row.some((c) => c.answered > 0)).length - rollup.complete;
  const finishedPerArea = rollup.areas.map((_, ai) => rollup.cells.filter((row) => row[ai]!.answered === row[ai]!.total).length);
  const lines: string[] = [];
  if (audience === 'send-leader') {
    const notStarted = rollup.schools.filter((_, si) => rollup.cells[si]!.every((c) => c.answered === 0)).map((s) => s.schoolName);
    if (notStarted.length > 0) {
      const more = notStarted.length > NAMED ? ` (+${notStarted.length - NAMED})` : '';
      lines.push(t('selfeval.digest.notStarted', { schools: notStarted.slice(0, NAMED).join(', ') }) + more);
    }
  }
  lines.push(
    ...rollup.commonDevelopment
      .slice(0, TOP)
      .map((d) => t('selfeval.digest.common', { text: d.text, schools: plural(d.schools, 'school') })),
    ...rollup.areas.map((a, ai) => t('selfeval.digest.area', { area: a.title, count: finishedPerArea[ai]!, schools })),
  );
  const chart: ChartSpec = {
    id: 'selfeval-finished',
    kind: 'horizontal-bar',
    title: t('selfeval.digest.chart'),
    categories: rollup.areas.map((a) => a.title),
    series: [{ name: t('selfeval.digest.finished'), values: finishedPerArea }],
    unit: t('selfeval.chart.unit'),
  };
  return {
    section: {
      id: 'selfeval',
      title: t('selfeval.digest.title'),
      headline: t('selfeval.digest.headline', { cycle: cycleLabel, finished: rollup.complete, schools, started }),
      lines,
      chart,
    },
    lookAt: [],
  };
}
