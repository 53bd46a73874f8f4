/**
 * A neutral chart as one of the chart elements Teams draws in Adaptive Cards
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/charts-in-adaptive-cards),
 * with a `fallback` of plain facts for clients that have no charts (the Agents Playground,
 * older clients) and the figures as the element's label for screen readers.
 */
import { capCategories, chartAltText, chartLines, type ChartSpec } from '../../src/core/chart';

type CardElement = Record<string, unknown>;

function fallback(spec: ChartSpec): CardElement {
  return {
    type: 'Container',
    items: [
      { type: 'TextBlock', text: spec.title, weight: 'Bolder', wrap: true },
      {
        type: 'FactSet',
        facts: chartLines(spec).map((line) => ({ title: line.slice(0, line.indexOf(':')), value: line.slice(line.indexOf(':') + 2) })),
      },
    ],
  };
}

function data(spec: ChartSpec): unknown[] {
  const first = spec.series[0]?.values ?? [];
  switch (spec.kind) {
    case 'donut':
      return spec.categories.map((legend, i) => ({ legend, value: first[i] ?? 0 }));
    case 'stacked-bar':
      return spec.categories.map((title, i) => ({ title, data: spec.series.map((s) => ({ legend: s.name, value: s.values[i] ?? 0 })) }));
    case 'bar':
    case 'horizontal-bar':
      return spec.categories.map((x, i) => ({ x, y: first[i] ?? 0 }));
  }
}

const TYPES: Record<ChartSpec['kind'], string> = {
  donut: 'Chart.Donut',
  'stacked-bar': 'Chart.HorizontalBar.Stacked',
  bar: 'Chart.VerticalBar',
  'horizontal-bar': 'Chart.HorizontalBar',
};

export function renderChart(chart: ChartSpec): CardElement {
  const spec = capCategories(chart);
  return {
    type: TYPES[spec.kind],
    id: spec.id,
    title: spec.title,
    colorSet: 'categorical',
    data: data(spec),
    fallback: { ...fallback(spec), id: `${spec.id}-figures` },
    // Read out instead of the drawing by screen readers.
    label: chartAltText(spec),
  };
}
