/**
 * A chart as data, for people who would rather look than read (the weekly digest, the
 * self-evaluation heat map). Adapters draw it: Teams with its Adaptive Card chart elements,
 * Slack and files as a PNG. Every chart carries its own text alternative, so a screen reader,
 * an old client and the Agents Playground (no chart support) still get the figures.
 */

export type ChartKind = 'bar' | 'horizontal-bar' | 'stacked-bar' | 'donut';

export interface ChartSeries {
  /** Legend name, e.g. 'Finished'. */
  name: string;
  /** One value per category, in the order of `categories`. */
  values: number[];
}

export interface ChartSpec {
  /** Stable id within a message (file names, element ids). */
  id: string;
  kind: ChartKind;
  title: string;
  /** Bars (or donut slices for a one-series donut). */
  categories: string[];
  series: ChartSeries[];
  /** What the numbers count, e.g. 'schools'. */
  unit: string;
}

/** Categories a chart shows at most; the rest are summed into "Other" so it stays readable. */
export const MAX_CHART_CATEGORIES = 12;

/** The chart with at most MAX_CHART_CATEGORIES bars, the rest folded into "Other (N)". */
export function capCategories(spec: ChartSpec, max = MAX_CHART_CATEGORIES): ChartSpec {
  if (spec.categories.length <= max) return spec;
  const kept = max - 1;
  const rest = spec.categories.length - kept;
  return {
    ...spec,
    categories: [...spec.categories.slice(0, kept), `Other (${rest})`],
    series: spec.series.map((s) => ({ ...s, values: [...s.values.slice(0, kept), s.values.slice(kept).reduce((a, b) => a + b, 0)] })),
  };
}

/** One line per category: 'Oak Primary: 3 finished, 1 in progress'. */
export function chartLines(spec: ChartSpec): string[] {
  return spec.categories.map((category, i) => {
    const parts = spec.series.map((s) =>
      spec.series.length === 1 ? `${s.values[i] ?? 0} ${spec.unit}` : `${s.values[i] ?? 0} ${s.name.toLowerCase()}`,
    );
    return `${category}: ${parts.join(', ')}`;
  });
}

/** The text alternative: the title and every figure, for screen readers and clients without charts. */
export function chartAltText(spec: ChartSpec): string {
  return `${spec.title}. ${chartLines(spec).join('; ')}.`;
}
