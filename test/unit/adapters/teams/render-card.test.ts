import { renderCard, renderTeamsMessage } from '../../../../adapters/teams/render-card';
import { textMessage } from '../../../../src/core/message';
import { everyBlock } from '../../../fixtures/messages';

describe('renderTeamsMessage', () => {
  it('sends a plain text message when there is only text', () => {
    expect(renderTeamsMessage(textMessage('Hello **there**'))).toEqual({
      type: 'message',
      text: 'Hello **there**',
      textFormat: 'markdown',
    });
  });

  it('renders every block as an Adaptive Card 1.5 with a spoken summary', () => {
    const activity = renderTeamsMessage(everyBlock) as { attachments: Array<{ contentType: string; content: Record<string, unknown> }> };
    expect(activity.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = activity.attachments[0]!.content;
    expect(card.version).toBe('1.5');
    expect(card.speak).toBe(everyBlock.summary);
    expect(card).toMatchSnapshot();
  });

  it('puts the button verb and data into Action.Submit data, and cancel ignores inputs', () => {
    const card = renderCard(everyBlock) as { actions: Array<Record<string, unknown>> };
    expect(card.actions[0]).toMatchObject({
      type: 'Action.Submit',
      title: 'Save',
      data: { verb: 'school.save', id: 's1' },
      style: 'positive',
    });
    expect(card.actions[1]).toMatchObject({ associatedInputs: 'none', data: { verb: 'flow.cancel' } });
  });

  it('renders extra submit buttons of a form between submit and cancel, carrying the inputs', () => {
    const card = renderCard({
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
    }) as { actions: Array<Record<string, unknown>> };
    expect(card.actions.map((a) => [a.title, a.associatedInputs])).toEqual([
      ['Yes', undefined],
      ['No', undefined],
      ['Skip', 'none'],
    ]);
    expect(card.actions[1]!.data).toEqual({ verb: 'a', v: 'no' });
  });
});

describe('renderTeamsMessage: preformatted text', () => {
  it('shows a code block as a monospaced TextRun, never read as markdown', () => {
    const card = renderCard({ summary: 's', blocks: [{ type: 'code', text: '{ "a_b": "*x*" }' }] }) as { body: unknown[] };
    expect(card.body).toEqual([
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '{ "a_b": "*x*" }', fontType: 'Monospace', size: 'Small' }] },
    ]);
  });
});
