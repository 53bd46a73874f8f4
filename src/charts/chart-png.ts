/**
 * A chart as a PNG file, for Slack (which draws no charts) and exports: the SVG from
 * chart-svg.ts rasterised by resvg (a Rust renderer shipped as an npm package with its binary;
 * no browser, no network). Text uses the machine's fonts (DejaVu or Liberation on Debian).
 */
import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from '../core/chart';
import { DEFAULT_SIZE, renderChartSvg, type ChartSize } from './chart-svg';

export function renderChartPng(spec: ChartSpec, size: ChartSize = DEFAULT_SIZE): Buffer {
  const svg = renderChartSvg(spec, size);
  const png = new Resvg(svg, { background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
  return png.asPng();
}
