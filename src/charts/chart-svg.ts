/**
 * A ChartSpec drawn as an SVG string by Apache ECharts' server-side renderer: no DOM, no
 * canvas, no browser, no network. Animation is off and sizes are fixed, so the same spec gives
 * the same picture every time.
 */
import type * as Echarts from 'echarts';
import { capCategories, chartAltText, type ChartSpec } from '../core/chart';
import { colourOf, textOn } from './palette';

/**
 * ECharts is loaded at the first chart, not at start-up: it is 60 ms of the bot's start and
 * most processes draw no chart for days (the digest is weekly).
 */
let loaded: typeof Echarts | undefined;
function echarts(): typeof Echarts {
  return (loaded ??= require('echarts') as typeof Echarts);
}

export interface ChartSize {
  width: number;
  height: number;
}

export const DEFAULT_SIZE: ChartSize = { width: 800, height: 420 };
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

function options(spec: ChartSpec): Echarts.EChartsCoreOption {
  const base = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT, fontSize: 14 },
    color: spec.series.map((_, i) => colourOf(i)),
    title: { text: spec.title, left: 'center', textStyle: { fontSize: 18, fontWeight: 'bold' } },
    // ECharts measures text without a canvas here, a little short: wide gaps keep legend items apart.
    legend: spec.series.length > 1 || spec.kind === 'donut' ? { bottom: 0, itemGap: 36 } : undefined,
  };
  if (spec.kind === 'donut') {
    const values = spec.series[0]?.values ?? [];
    return {
      ...base,
      color: spec.categories.map((_, i) => colourOf(i)),
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          label: { formatter: '{b}: {c}', fontSize: 14 },
          data: spec.categories.map((name, i) => ({ name, value: values[i] ?? 0 })),
        },
      ],
    };
  }
  const horizontal = spec.kind !== 'bar';
  const categoryAxis = {
    type: 'category',
    data: spec.categories,
    axisLabel: { width: horizontal ? 210 : 110, overflow: 'break', interval: 0 },
  };
  const valueAxis = { type: 'value', minInterval: 1 };
  return {
    ...base,
    // Room for category labels is set, not measured (see the legend note above).
    grid: horizontal
      ? { left: 230, right: 32, top: 48, bottom: spec.series.length > 1 ? 64 : 24, containLabel: false }
      : { left: 16, right: 32, top: 48, bottom: spec.series.length > 1 ? 48 : 16, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: spec.series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      stack: spec.kind === 'stacked-bar' ? 'all' : undefined,
      data: s.values,
      label: {
        show: true,
        position: spec.kind === 'stacked-bar' ? 'inside' : horizontal ? 'right' : 'top',
        color: spec.kind === 'stacked-bar' ? textOn(colourOf(i)) : '#000000',
        fontSize: 13,
        // A zero slice of a stacked bar has no room for its label.
        formatter: (p: { value: number }) => (p.value === 0 ? '' : String(p.value)),
      },
    })),
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A role, a label and a <title> on the root, so the picture has its figures as text. */
function accessible(svg: string, alt: string): string {
  const text = escapeXml(alt);
  return svg.replace(/^<svg([^>]*)>/, `<svg$1 role="img" aria-label="${text}"><title>${text}</title>`);
}

/** The chart as an SVG document (at most MAX_CHART_CATEGORIES bars: the rest are "Other"). */
export function renderChartSvg(spec: ChartSpec, size: ChartSize = DEFAULT_SIZE): string {
  const capped = capCategories(spec);
  const height = capped.kind === 'donut' || capped.kind === 'bar' ? size.height : Math.max(size.height, 80 + capped.categories.length * 34);
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width: size.width, height });
  try {
    chart.setOption(options(capped));
    // The SSR output carries hover styles as numbered CSS classes that differ from run to run;
    // a static picture needs none of them, and the same chart should give the same bytes.
    const svg = chart
      .renderToSVGString()
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/ class="zr\d*-cls-\d+"/g, '');
    return accessible(svg, chartAltText(capped));
  } finally {
    chart.dispose();
  }
}
