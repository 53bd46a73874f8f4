import { renderSlackMessage } from '../../../adapters/slack/render-blocks';
import { renderTeamsMessage } from '../../../adapters/teams/render-card';
import { checkSlackMessage } from '../../fakes/slack-limits';
import { checkCard, checkTeamsActivity } from '../../fakes/teams-card-check';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (id: string, text = 'Go', value = 'v') => ({ type: 'button', action_id: id, text: { type: 'plain_text', text }, value });
const select = (count: number) => ({
  type: 'input',
  block_id: 'pick',
  label: { type: 'plain_text', text: 'Pick' },
  element: {
    type: 'static_select',
    action_id: 'pick',
    options: Array.from({ length: count }, (_, i) => ({ text: { type: 'plain_text', text: `School ${i}` }, value: `s${i}` })),
  },
});
const post = (blocks: unknown[]) => checkSlackMessage({ channel: 'D1', text: 'x', blocks: JSON.stringify(blocks) });

describe('the strict fake Slack API', () => {
  it('accepts what Slack accepts, including what the renderer makes of a form', () => {
    expect(post([section('Hello'), { type: 'actions', elements: [button('a'), button('b')] }, select(100)])).toBeNull();
    const form = renderSlackMessage({
      summary: 'Form',
      blocks: [
        { type: 'heading', text: 'Form' },
        { type: 'form', fields: [{ kind: 'text', id: 'name', label: 'Name' }], submit: { label: 'Save', verb: 'x.save' } },
        { type: 'buttons', buttons: [{ label: 'Save', verb: 'x.save' }] },
      ],
    });
    expect(checkSlackMessage({ channel: 'D1', ...form, blocks: JSON.stringify(form.blocks) })).toBeNull();
  });

  it.each([
    ['51 blocks', Array.from({ length: 51 }, () => section('a'))],
    ['section text over 3,000', [section('a'.repeat(3001))]],
    ['button text over 75', [{ type: 'actions', elements: [button('a', 'b'.repeat(76))] }]],
    ['button value over 2,000', [{ type: 'actions', elements: [button('a', 'Go', 'v'.repeat(2001))] }]],
    ['action_id over 255', [{ type: 'actions', elements: [button('a'.repeat(256))] }]],
    [
      'duplicate action ids',
      [
        { type: 'actions', elements: [button('a')] },
        { type: 'actions', elements: [button('a')] },
      ],
    ],
    ['101 options in a static_select', [select(101)]],
  ])('answers invalid_blocks for %s', (_what, blocks) => {
    expect(post(blocks)?.error).toBe('invalid_blocks');
  });

  it('answers msg_blocks_too_long for a very long message within the per-block limits', () => {
    expect(post(Array.from({ length: 5 }, () => section('a'.repeat(2900))))?.error).toBe('msg_blocks_too_long');
  });
});

describe('the strict fake Teams connector', () => {
  const card = (body: unknown[], version = '1.5') => ({ type: 'AdaptiveCard', version, body });
  const activity = (content: unknown) => ({
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }],
  });

  it('accepts the renderer’s cards, tables and forms included', () => {
    const rendered = renderTeamsMessage({
      summary: 'Schools',
      blocks: [
        { type: 'heading', text: 'Schools' },
        { type: 'table', columns: ['Name', 'Phase'], rows: [['Oak', 'Primary']] },
        { type: 'facts', facts: [{ label: 'A', value: 'B' }] },
        { type: 'code', text: '{}' },
        { type: 'buttons', buttons: [{ label: 'More', verb: 'x.more' }] },
        {
          type: 'form',
          fields: [
            { kind: 'choice', id: 'phase', label: 'Phase', options: [{ label: 'Primary', value: 'primary' }] },
            { kind: 'date', id: 'on', label: 'On' },
          ],
          submit: { label: 'Save', verb: 'x.save' },
          cancel: { label: 'Cancel', verb: 'form.cancel' },
        },
      ],
    });
    expect(checkTeamsActivity(rendered)).toBeNull();
  });

  it('accepts a Teams chart element with a fallback (checked in its place) and refuses one without', () => {
    const donut = { type: 'Chart.Donut', title: 'Progress', data: [{ legend: 'Finished', value: 3 }] };
    expect(checkCard(card([{ ...donut, fallback: { type: 'TextBlock', text: 'Finished: 3' } }]))).toEqual([]);
    expect(checkCard(card([donut])).join()).toMatch(/Chart\.Donut has no fallback/);
    expect(checkCard(card([{ ...donut, fallback: { type: 'Bogus' } }])).join()).toMatch(/Bogus/);
  });

  it('refuses an unknown element, a bad property value and another version', () => {
    expect(checkCard(card([{ type: 'Bogus' }])).join()).toMatch(/Bogus/);
    expect(checkCard(card([{ type: 'TextBlock', text: 'a', size: 'Huge' }])).join()).toMatch(/size/);
    expect(checkCard(card([{ type: 'TextBlock', text: 'a' }], '1.6')).join()).toMatch(/1\.5/);
    expect(checkTeamsActivity(activity(card([{ type: 'Bogus' }])))?.status).toBe(400);
  });

  it('answers 413 above 28 KB', () => {
    const big = activity(card(Array.from({ length: 300 }, (_, i) => ({ type: 'TextBlock', text: `Row ${i} ${'x'.repeat(90)}` }))));
    expect(checkTeamsActivity(big)?.status).toBe(413);
  });
});
