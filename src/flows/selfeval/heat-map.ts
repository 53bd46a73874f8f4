/**
 * The roll-up's heat map as a chart: for each area, how many schools sit at each rating (a
 * stacked bar), plus schools not started. Teams draws it; Slack gets it as a PNG.
 */
import type { ChartSpec } from '../../core/chart';
import { ratingLabel } from '../../core/selfeval/framework';
import { RATINGS, type Framework } from '../../core/selfeval/model';
import type { TrustRollup } from '../../core/selfeval/rollup';
import { t } from '../../i18n/en-GB';

export function heatMapChart(rollup: TrustRollup, framework: Framework): ChartSpec {
  const count = (ai: number, match: (rating: string | null) => boolean) => rollup.cells.filter((row) => match(row[ai]!.rating)).length;
  return {
    id: 'selfeval-heatmap',
    kind: 'stacked-bar',
    title: t('selfeval.chart.title'),
    categories: rollup.areas.map((a) => a.title),
    series: [
      ...RATINGS.map((r) => ({ name: ratingLabel(framework, r), values: rollup.areas.map((_, ai) => count(ai, (x) => x === r)) })),
      { name: t('selfeval.notAnswered'), values: rollup.areas.map((_, ai) => count(ai, (x) => x === null)) },
    ],
    unit: t('selfeval.chart.unit'),
  };
}
