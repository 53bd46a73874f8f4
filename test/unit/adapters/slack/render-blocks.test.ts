import { mrkdwn, renderSlackMessage } from '../../../../adapters/slack/render-blocks';
import type { OutboundMessage } from '../../../../src/core/message';
import { everyBlock } from '../../../fixtures/messages';

describe('renderSlackMessage', () => {
  it('renders every block as Block Kit with a fallback text', () => {
    const rendered = renderSlackMessage(everyBlock);
    expect(rendered.text).toBe('Check-in for *Oak Primary*');
    expect(rendered).toMatchSnapshot();
  });

  it('carries verb and data in the button value and keeps action ids unique', () => {
    const actions = renderSlackMessage(everyBlock).blocks.find((b) => b.type === 'actions') as {
      elements: Array<{ action_id: string; value: string }>;
    };
    expect(actions.elements.map((e) => e.action_id)).toEqual(['checkin.answer#0', 'nudge.snooze#1']);
    expect(JSON.parse(actions.elements[0]!.value)).toEqual({ verb: 'checkin.answer', data: { item: 'sen-report', value: 'yes' } });
  });

  it('keeps within Slack limits: 50 blocks, 3000 characters per section, 10 fields', () => {
    const big: OutboundMessage = {
      summary: 's',
      blocks: [
        ...Array.from({ length: 60 }, (_, i) => ({ type: 'text' as const, text: `line ${i}` })),
        { type: 'text', text: 'x'.repeat(5000) },
      ],
    };
    const rendered = renderSlackMessage(big);
    expect(rendered.blocks).toHaveLength(50);
    expect(JSON.stringify(rendered.blocks[49])).toContain('more was cut');
    const facts = renderSlackMessage({
      summary: 's',
      blocks: [{ type: 'facts', facts: Array.from({ length: 23 }, (_, i) => ({ label: `l${i}`, value: 'v' })) }],
    });
    expect(facts.blocks.map((b) => (b.fields as unknown[]).length)).toEqual([10, 10, 3]);
    const long = renderSlackMessage({ summary: 's', blocks: [{ type: 'text', text: 'y'.repeat(5000) }] });
    expect((long.blocks[0]!.text as { text: string }).text.length).toBe(3000);
  });

  it('converts **bold** to Slack *bold*', () => {
    expect(mrkdwn('a **b** c **d**')).toBe('a *b* c *d*');
  });

  it('renders extra submit buttons of a form in the same actions block, with unique action ids', () => {
    const rendered = renderSlackMessage({
      summary: 'q',
      blocks: [
        {
          type: 'form',
          fields: [{ kind: 'text', id: 'note', label: 'Note' }],
          submit: { label: 'Yes', verb: 'a', data: { v: 'yes' } },
          more: [{ label: 'No', verb: 'a', data: { v: 'no' } }],
          cancel: { label: 'Skip', verb: 'b' },
        },
      ],
    });
    const actions = rendered.blocks[1] as { elements: Array<{ action_id: string; value: string }> };
    expect(actions.elements.map((e) => e.action_id)).toEqual(['a#0', 'a#1', 'b#2']);
    expect(JSON.parse(actions.elements[1]!.value)).toEqual({ verb: 'a', data: { v: 'no' } });
  });
});

describe('renderSlackMessage: preformatted text', () => {
  it('shows a code block in ``` sections, escaped, split under the section limit', () => {
    const json = JSON.stringify({ lines: Array.from({ length: 200 }, (_, i) => `line ${i} <a> & *b*`) }, null, 2);
    const blocks = renderSlackMessage({ summary: 's', blocks: [{ type: 'code', text: json }] }).blocks as Array<{ text: { text: string } }>;
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) {
      expect(b.text.text.length).toBeLessThanOrEqual(3000);
      expect(b.text.text).toMatch(/^```[\s\S]*```$/);
    }
    expect(blocks[0]!.text.text).toContain('&lt;a&gt; &amp; *b*');
  });
});
