import { textMessage } from '../../../src/core/message';
import { helpCommand } from '../../../src/flows/help';
import { Registry } from '../../../src/flows/registry';
import { accountConversationKey, CONVERSATION_TTL_MS, personConversationKey } from '../../../src/core/conversation';
import { handleEvent, MAX_TEXT_LENGTH } from '../../../src/flows/router';
import { inbound } from '../../fixtures/events';
import { memoryDeps } from '../../fakes/memory-deps';
import { memoryReceipts } from '../../fakes/memory-receipts';
import { FakeClock } from '../../helpers/fake-clock';
import { DELIVERY_LEASE_MS } from '../../../src/flows/delivery-claim';

function registry() {
  const r = new Registry();
  r.addCommand(helpCommand(r));
  r.addCommand({
    id: 'schools',
    aliases: ['school list'],
    summary: 'List schools',
    examples: ['schools'],
    audience: ['send-leader'],
    run: async () => [textMessage('the schools')],
  });
  r.addCommand({
    id: 'my data',
    aliases: [],
    summary: 'Your data',
    examples: [],
    audience: 'linked',
    run: async (_ctx, args) => [textMessage(`data:${args}`)],
  });
  r.addCommand({
    id: 'boom',
    aliases: [],
    summary: 'Fails',
    examples: [],
    audience: 'anyone',
    run: async () => {
      throw new Error('kaput');
    },
  });
  r.addAction({ verb: 'schools.archive', audience: ['send-leader'], run: async (_ctx, data) => [textMessage(`archived ${data.id}`)] });
  r.addConversation({
    id: 'echo',
    describe: (state) => `the echo (step ${state.step})`,
    resume: 'type **echo**',
    onText: async (_ctx, state, text) => [textMessage(`${state.step}:${text}`)],
  });
  return r;
}

const leader = { personId: 'p1', trustId: 'tr1', roles: [{ role: 'send-leader' as const, schoolId: null }] };
const senco = { personId: 'p2', trustId: 'tr1', roles: [{ role: 'senco' as const, schoolId: 's1' }] };
const texts = (replies: Array<{ summary: string }>) => replies.map((r) => r.summary);

describe('handleEvent', () => {
  it('routes a command and passes the rest of the text as arguments', async () => {
    const deps = memoryDeps(leader);
    expect(texts(await handleEvent(inbound({ text: '  My   Data  export ' }), registry(), deps))).toEqual(['data:export']);
  });

  it('prefers the longest matching command word', async () => {
    const r = registry();
    expect(r.match('school list now')?.command.id).toBe('schools');
    expect(r.match('schoolsx')).toBeNull();
  });

  it('refuses a command to the wrong role, naming who may use it', async () => {
    const [reply] = await handleEvent(inbound({ text: 'schools' }), registry(), memoryDeps(senco));
    expect(reply?.summary).toBe('Sorry, **schools** is for MAT SEND leaders only. Ask your MAT SEND leader if you think you need it.');
  });

  it('lets an admin do what a SEND leader may', async () => {
    const admin = { personId: 'p3', trustId: 'tr1', roles: [{ role: 'admin' as const, schoolId: null }] };
    expect(texts(await handleEvent(inbound({ text: 'schools' }), registry(), memoryDeps(admin)))).toEqual(['the schools']);
  });

  it('tells someone not on the roster that they are unknown', async () => {
    const [reply] = await handleEvent(inbound({ text: 'my data' }), registry(), memoryDeps());
    expect(reply?.summary).toContain('I do not know who you are yet');
  });

  it('checks the role of card actions on the server, whatever the button said', async () => {
    const event = inbound({ text: null, action: { verb: 'schools.archive', data: { id: 's9' } } });
    expect(texts(await handleEvent(event, registry(), memoryDeps(senco)))[0]).toContain('is for MAT SEND leaders only');
    expect(
      texts(
        await handleEvent(inbound({ text: null, action: { verb: 'schools.archive', data: { id: 's9' } } }), registry(), memoryDeps(leader)),
      ),
    ).toEqual(['archived s9']);
  });

  it('ignores bots and redeliveries', async () => {
    const deps = memoryDeps(leader);
    expect(await handleEvent(inbound({ fromBot: true }), registry(), deps)).toEqual([]);
    const event = inbound({ text: 'help' });
    expect(await handleEvent(event, registry(), deps)).toHaveLength(1);
    expect(await handleEvent(event, registry(), deps)).toEqual([]);
  });

  it("continues a linked person's conversation on any platform, and cancel says what it ended and how to resume", async () => {
    const deps = memoryDeps(leader);
    deps.states.set(personConversationKey('p1'), { flow: 'echo', step: 'colour', data: {} });
    expect(texts(await handleEvent(inbound({ text: 'blue' }), registry(), deps))).toEqual(['colour:blue']);
    expect(texts(await handleEvent(inbound({ platform: 'slack', text: 'green' }), registry(), deps))).toEqual(['colour:green']);
    expect(texts(await handleEvent(inbound({ text: 'cancel' }), registry(), deps))).toEqual([
      'Cancelled the echo (step colour). Nothing else was changed.\nTo start again: type **echo**',
    ]);
    expect(deps.states.size).toBe(0);
    expect(texts(await handleEvent(inbound({ text: 'cancel' }), registry(), deps))).toEqual(['There was nothing to cancel.']);
    expect(CONVERSATION_TTL_MS).toBe(7 * 24 * 60 * 60 * 1000);
  });

  it('finds a conversation started before the account was linked, and a command ends it', async () => {
    const deps = memoryDeps(leader);
    const event = inbound({ text: 'red' });
    deps.states.set(accountConversationKey(event), { flow: 'echo', step: 'colour', data: {} });
    expect(texts(await handleEvent(event, registry(), deps))).toEqual(['colour:red']);
    await handleEvent(inbound({ text: 'help' }), registry(), deps);
    expect(deps.states.size).toBe(0);
  });

  it('suggests the closest command, or help when nothing is close', async () => {
    expect(texts(await handleEvent(inbound({ text: 'shcools' }), registry(), memoryDeps(leader)))[0]).toContain('Did you mean **schools**');
    expect(texts(await handleEvent(inbound({ text: 'what is the weather' }), registry(), memoryDeps(leader)))[0]).toContain(
      'Type **help**',
    );
  });

  it('refuses empty and over-long text politely', async () => {
    expect(texts(await handleEvent(inbound({ text: '   ' }), registry(), memoryDeps()))[0]).toContain('did not catch');
    expect(texts(await handleEvent(inbound({ text: 'a'.repeat(MAX_TEXT_LENGTH + 1) }), registry(), memoryDeps()))[0]).toContain('too long');
  });

  it('turns a handler failure into an apology, logs it, and releases the receipt for a retry', async () => {
    const deps = memoryDeps(leader);
    const event = inbound({ text: 'boom' });
    expect(texts(await handleEvent(event, registry(), deps))[0]).toContain('something went wrong');
    expect(await deps.receipts.claim(`teams:${event.tenantId}:${event.deliveryId}`)).toBe(true);
  });

  it('ignores a redelivery of an event it has handled, and handles one whose first handler died', async () => {
    const clock = new FakeClock('2031-02-03T10:00:00Z');
    const deps = { ...memoryDeps(leader), receipts: memoryReceipts(clock) };
    const event = inbound({ text: 'schools' });
    expect(texts(await handleEvent(event, registry(), deps))).toEqual(['the schools']);
    expect(await handleEvent(event, registry(), deps)).toEqual([]);
    // A process killed mid-turn left this event's receipt begun and never finished.
    const orphan = inbound({ text: 'schools' });
    await deps.receipts.begin(`teams:${orphan.tenantId}:${orphan.deliveryId}`, DELIVERY_LEASE_MS);
    clock.advance(DELIVERY_LEASE_MS + 1);
    expect(texts(await handleEvent(orphan, registry(), deps))).toEqual(['the schools']);
    expect(await handleEvent(orphan, registry(), deps)).toEqual([]);
  });

  it('rejects a command word registered twice', () => {
    const r = registry();
    expect(() => r.addCommand({ id: 'menu', aliases: [], summary: '', examples: [], audience: 'anyone', run: async () => [] })).toThrow(
      /twice/,
    );
  });
});

describe('help', () => {
  it('shows only what the asker may use', async () => {
    const forSenco = JSON.stringify(await handleEvent(inbound({ text: 'help' }), registry(), memoryDeps(senco)));
    expect(forSenco).toContain('my data');
    expect(forSenco).not.toContain('List schools');
    const forLeader = JSON.stringify(await handleEvent(inbound({ text: 'help' }), registry(), memoryDeps(leader)));
    expect(forLeader).toContain('List schools');
  });
});
