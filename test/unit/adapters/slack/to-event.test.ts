import { parseBody } from '../../../../adapters/slack/restify-receiver';
import { actionOf, messageEvent } from '../../../../adapters/slack/to-event';
import { blockAction, slashCommand } from '../../../fixtures/slack/factory';

describe('Slack payload translation', () => {
  it('parses slash commands, interactivity payloads and JSON events, and refuses junk', () => {
    expect(parseBody(slashCommand('profile'), 'application/x-www-form-urlencoded')).toMatchObject({ command: '/senco', text: 'profile' });
    expect(parseBody(blockAction('a.b', {}), 'application/x-www-form-urlencoded')).toMatchObject({ type: 'block_actions' });
    expect(parseBody('{"type":"event_callback"}', 'application/json')).toEqual({ type: 'event_callback' });
    expect(parseBody('[1]', 'application/json')).toBeNull();
    expect(parseBody('payload=%7B', 'application/x-www-form-urlencoded')).toBeNull();
  });

  it('reads the verb and data from the button value and merges form inputs', () => {
    const payload = parseBody(
      blockAction('school.save', { id: 's1' }, undefined, {
        name: { name: { type: 'plain_text_input', value: 'Oak Primary' } },
        opened: { opened: { type: 'datepicker', selected_date: '2026-09-01' } },
        phase: { phase: { type: 'static_select', selected_option: { value: 'primary' } } },
        empty: { empty: { type: 'plain_text_input', value: null } },
      }),
      'application/x-www-form-urlencoded',
    )!;
    expect(actionOf(payload)).toEqual({
      verb: 'school.save',
      data: { id: 's1', name: 'Oak Primary', opened: '2026-09-01', phase: 'primary' },
    });
  });

  it('returns null for a button value that is not ours', () => {
    expect(actionOf({ actions: [{ value: 'plain' }] })).toBeNull();
    expect(actionOf({ actions: [{ value: '{"data":{}}' }] })).toBeNull();
    expect(actionOf({})).toBeNull();
  });

  it('strips mentions from message text and keeps the DM as the address', () => {
    const event = messageEvent(
      { userId: 'U1', teamId: 'T1', userName: null },
      { deliveryId: 'Ev1', channel: 'D1', direct: true, text: '<@UBOT> help', fromBot: false, email: null },
    );
    expect(event.text).toBe('help');
    expect(event.address).toEqual({ kind: 'slack-user', teamId: 'T1', userId: 'U1', channel: 'D1' });
  });
});
