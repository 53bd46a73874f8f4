import { capCategories, chartAltText, chartLines, type ChartSpec } from '../../../src/core/chart';
import { renderChartPng } from '../../../src/charts/chart-png';
import { renderChartSvg } from '../../../src/charts/chart-svg';
import { PALETTE } from '../../../src/charts/palette';

const donut: ChartSpec = {
  id: 'c1',
  kind: 'donut',
  title: 'Check-in progress',
  categories: ['Finished', 'Not started'],
  series: [{ name: 'Schools', values: [18, 4] }],
  unit: 'schools',
};

const stacked: ChartSpec = {
  id: 'c2',
  kind: 'stacked-bar',
  title: 'Ratings by area',
  categories: ['Leadership', 'Identification'],
  series: [
    { name: 'Strong', values: [3, 1] },
    { name: 'Developing', values: [2, 4] },
  ],
  unit: 'schools',
};

describe('chart text alternatives', () => {
  it('reads every figure, with the unit for one series and the series names for several', () => {
    expect(chartLines(donut)).toEqual(['Finished: 18 schools', 'Not started: 4 schools']);
    expect(chartLines(stacked)).toEqual(['Leadership: 3 strong, 2 developing', 'Identification: 1 strong, 4 developing']);
    expect(chartAltText(donut)).toBe('Check-in progress. Finished: 18 schools; Not started: 4 schools.');
  });

  it('folds categories past the cap into one "Other" bar holding their sum', () => {
    const many: ChartSpec = {
      ...donut,
      kind: 'bar',
      categories: ['a', 'b', 'c', 'd', 'e'],
      series: [{ name: 'n', values: [1, 2, 3, 4, 5] }],
    };
    const capped = capCategories(many, 3);
    expect(capped.categories).toEqual(['a', 'b', 'Other (3)']);
    expect(capped.series[0]!.values).toEqual([1, 2, 12]);
    expect(capCategories(donut, 3)).toBe(donut);
  });
});

describe('server-side chart rendering', () => {
  it('draws an SVG with the title, the categories and the accessible description, in the colour-blind-safe palette', () => {
    const svg = renderChartSvg(stacked);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Ratings by area');
    expect(svg).toContain('Leadership');
    expect(svg).toContain(PALETTE[0]);
    expect(svg).toContain(PALETTE[1]);
    expect(svg).toContain('aria-label');
  });

  it('gives the same SVG for the same chart (no animation, no randomness)', () => {
    expect(renderChartSvg(donut)).toBe(renderChartSvg(donut));
  });

  it('rasterises to a PNG of the requested width with no browser', () => {
    const png = renderChartPng(donut, { width: 640, height: 320 });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(640);
    expect(png.readUInt32BE(20)).toBe(320);
  });

  it('grows a horizontal chart with its bars so labels never overlap', () => {
    const tall: ChartSpec = {
      ...donut,
      kind: 'horizontal-bar',
      categories: Array.from({ length: 12 }, (_, i) => `School ${i}`),
      series: [{ name: 'n', values: Array(12).fill(1) }],
    };
    const png = renderChartPng(tall, { width: 600, height: 200 });
    expect(png.readUInt32BE(20)).toBe(80 + 12 * 34);
  });
});
