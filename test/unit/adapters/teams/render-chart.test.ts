import type { ChartSpec } from '../../../../src/core/chart';
import { renderCard } from '../../../../adapters/teams/render-card';
import { renderChart } from '../../../../adapters/teams/render-chart';
import { renderSlackMessage } from '../../../../adapters/slack/render-blocks';

const stacked: ChartSpec = {
  id: 'areas',
  kind: 'stacked-bar',
  title: 'Ratings by area',
  categories: ['Leadership', 'Identification'],
  series: [
    { name: 'Strong', values: [3, 1] },
    { name: 'Developing', values: [2, 4] },
  ],
  unit: 'schools',
};

describe('charts on each platform', () => {
  it('Teams gets its chart element with a plain-facts fallback and a spoken label', () => {
    const element = renderChart(stacked);
    expect(element).toMatchObject({
      type: 'Chart.HorizontalBar.Stacked',
      title: 'Ratings by area',
      data: [
        {
          title: 'Leadership',
          data: [
            { legend: 'Strong', value: 3 },
            { legend: 'Developing', value: 2 },
          ],
        },
        {
          title: 'Identification',
          data: [
            { legend: 'Strong', value: 1 },
            { legend: 'Developing', value: 4 },
          ],
        },
      ],
      label: 'Ratings by area. Leadership: 3 strong, 2 developing; Identification: 1 strong, 4 developing.',
    });
    expect(element.fallback).toMatchObject({
      type: 'Container',
      items: [{ type: 'TextBlock', text: 'Ratings by area' }, { type: 'FactSet' }],
    });
  });

  it('donut and bar charts use the data shapes Teams documents', () => {
    expect(renderChart({ ...stacked, kind: 'donut', series: [stacked.series[0]!] }).data).toEqual([
      { legend: 'Leadership', value: 3 },
      { legend: 'Identification', value: 1 },
    ]);
    expect(renderChart({ ...stacked, kind: 'bar' })).toMatchObject({
      type: 'Chart.VerticalBar',
      data: [
        { x: 'Leadership', y: 3 },
        { x: 'Identification', y: 1 },
      ],
    });
  });

  it('a chart block sits in the card body; Slack shows its figures as text', () => {
    const message = { summary: 's', blocks: [{ type: 'chart' as const, chart: stacked }] };
    expect((renderCard(message).body as Array<{ type: string }>)[0]!.type).toBe('Chart.HorizontalBar.Stacked');
    const slack = renderSlackMessage(message);
    expect(JSON.stringify(slack.blocks)).toContain('Leadership: 3 strong, 2 developing');
  });
});
