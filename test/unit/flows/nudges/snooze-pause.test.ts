import { buildRegistry } from '../../../../src/flows/index';
import { snoozeButtons } from '../../../../src/flows/nudges/snooze-buttons';
import { handleEvent } from '../../../../src/flows/router';
import { memoryDeps } from '../../../fakes/memory-deps';
import type { memoryNudges, memoryOutbox } from '../../../fakes/memory-nudges';
import { inbound } from '../../../fixtures/events';

const ann = { personId: 'p1', trustId: 'tr1', roles: [{ role: 'senco' as const, schoolId: 's1' }] };
const text = (replies: Array<{ summary: string }>) => replies.map((r) => r.summary).join('\n');

function setup() {
  const deps = memoryDeps(ann);
  return {
    deps,
    nudges: deps.nudges as ReturnType<typeof memoryNudges>,
    outbox: deps.outbox as ReturnType<typeof memoryOutbox>,
    registry: buildRegistry(),
  };
}

describe('snooze', () => {
  it('offers buttons for recent nudge kinds and for all reminders', async () => {
    const { deps, outbox, registry } = setup();
    await outbox.enqueue([
      {
        key: 'k1',
        personId: 'p1',
        platform: 'teams',
        target: {},
        content: { summary: '', blocks: [] },
        bucket: 'teams:t',
        kind: 'checkin-reminder',
      },
    ]);
    const [card] = await handleEvent(inbound({ text: 'snooze' }), registry, deps);
    const buttons = card!.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
    expect(buttons.map((b) => `${b.data?.kind}/${b.data?.until}`)).toEqual([
      'checkin-reminder/tomorrow',
      'checkin-reminder/next-week',
      '*/tomorrow',
      '*/next-week',
    ]);
    expect(buttons.every((b) => b.verb === 'nudge.snooze')).toBe(true);
  });

  it('a snooze button on any nudge snoozes that kind until the start of tomorrow, London time', async () => {
    const { deps, nudges, registry } = setup();
    const [button] = (snoozeButtons('checkin-reminder') as { buttons: Array<{ verb: string; data: Record<string, string> }> }).buttons;
    const replies = await handleEvent(inbound({ text: null, action: { verb: button!.verb, data: button!.data } }), registry, deps);
    expect(text(replies)).toBe('Snoozed: checkin reminder until Tuesday 24 November 2026. Type **resume** to have them back sooner.');
    expect(nudges.snoozes.get('p1:checkin-reminder')).toEqual(new Date('2026-11-24T00:00:00Z'));
    expect(deps.audits).toContainEqual(expect.objectContaining({ action: 'nudge.snooze' }));
  });

  it('"snooze next week" snoozes every kind until Monday', async () => {
    const { deps, nudges, registry } = setup();
    await handleEvent(inbound({ text: 'snooze next week' }), registry, deps);
    expect(nudges.snoozes.get('p1:*')).toEqual(new Date('2026-11-30T00:00:00Z'));
  });

  it('refuses a forged button', async () => {
    const { deps, nudges, registry } = setup();
    const replies = await handleEvent(
      inbound({ text: null, action: { verb: 'nudge.snooze', data: { kind: 'x:y', until: 'forever' } } }),
      registry,
      deps,
    );
    expect(text(replies)).toContain('not one I know');
    expect(nudges.snoozes.size).toBe(0);
  });

  it('is for people on the roster only', async () => {
    const deps = memoryDeps({});
    expect(text(await handleEvent(inbound({ text: 'snooze' }), buildRegistry(), deps))).toContain('I do not know who you are');
  });
});

describe('pause and resume', () => {
  it('pauses until the start of the given date', async () => {
    const { deps, nudges, registry } = setup();
    expect(text(await handleEvent(inbound({ text: 'pause until 6 April 2027' }), registry, deps))).toBe(
      'Paused all reminders until Tuesday 6 April 2027. Type **resume** to have them back sooner.',
    );
    expect(nudges.pauses.get('p1')).toEqual(new Date('2027-04-05T23:00:00Z'));
  });

  it('explains what it needs', async () => {
    const { deps, registry } = setup();
    expect(text(await handleEvent(inbound({ text: 'pause' }), registry, deps))).toContain('Until when?');
    expect(text(await handleEvent(inbound({ text: 'pause until whenever' }), registry, deps))).toContain('could not read "until whenever"');
    expect(text(await handleEvent(inbound({ text: 'pause until 1/1/2020' }), registry, deps))).toContain('not in the future');
  });

  it('resume clears the pause and snoozes and releases held nudges', async () => {
    const { deps, nudges, outbox, registry } = setup();
    await handleEvent(inbound({ text: 'pause until 6 April 2027' }), registry, deps);
    await outbox.enqueue([
      {
        key: 'held',
        personId: 'p1',
        platform: 'teams',
        target: {},
        content: { summary: '', blocks: [] },
        bucket: 'teams:t',
        kind: 'digest',
      },
    ]);
    outbox.entries.get('held')!.status = 'held';
    expect(text(await handleEvent(inbound({ text: 'resume' }), registry, deps))).toContain('Reminders are back on');
    expect(nudges.pauses.size).toBe(0);
    expect(outbox.entries.get('held')!.status).toBe('queued');
    expect(text(await handleEvent(inbound({ text: 'resume' }), registry, deps))).toContain('were not paused');
  });
});
