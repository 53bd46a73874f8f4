/**
 * Issue 8, conversations: a multi-step conversation keeps its place in the database, keyed by
 * the person, so it is resumed on the other platform; `cancel` says what it ended and how to
 * start again; an unanswered conversation is forgotten after 7 days. Both databases.
 */
import { textMessage } from '../../../src/core/message';
import { endConversation, saveConversation } from '../../../src/flows/conversations/engine';
import type { Feature } from '../../../src/flows/feature';
import { features } from '../../../src/flows/index';
import type { Conversation } from '../../../src/flows/registry';
import { chatUser, plain, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';

jest.setTimeout(120_000);

const colour: Conversation = {
  id: 'test-colour',
  describe: (state) => `choosing a colour (question ${state.step === 'shade' ? 2 : 1} of 2)`,
  resume: 'type **colour**',
  async onText(ctx, state, text) {
    if (state.step === 'colour') {
      await saveConversation(ctx, colour, 'shade', { colour: text });
      return [textMessage(`Which shade of ${text}?`)];
    }
    await endConversation(ctx);
    return [textMessage(`Chosen: ${text} ${String(state.data.colour)}`)];
  },
};

/** A feature registered only in this test, the way a real one registers. */
const colourFeature: Feature = {
  id: 'test-colour',
  register(app) {
    app
      .command({
        id: 'colour',
        aliases: [],
        summary: 'Choose a colour',
        examples: ['colour'],
        audience: 'linked',
        run: async (ctx) => {
          await saveConversation(ctx, colour, 'colour');
          return [textMessage('Which colour?')];
        },
      })
      .conversation(colour);
  },
};

describe.each(databaseKinds)('conversations over HTTP on %s', (kind) => {
  let h: Harness;
  const clock = new FakeClock('2026-09-15T08:45:00Z');
  let lee: ChatUser;

  beforeAll(async () => {
    h = await startHarness(kind, {}, clock, { features: [...features, colourFeature] });
    const db = h.db.prisma;
    const trust = await db.trust.create({ data: { name: 'Conversation Trust' } });
    const p = await db.person.create({ data: { trustId: trust.id, name: 'Lee Leader', email: 'lee-c@oak.org.uk' } });
    await db.roleAssignment.create({ data: { trustId: trust.id, personId: p.id, role: 'send-leader' } });
    lee = chatUser(h, 'Lee Leader', 'lee-c@oak.org.uk');
    await send(h, 'teams', lee, 'help');
    await send(h, 'slack', lee, 'help');
  });
  afterAll(async () => h.stop());

  it('resumes on the other platform, and cancel says what it ended and how to start again', async () => {
    expect(plain(await send(h, 'teams', lee, 'colour'))).toContain('Which colour?');
    expect(plain(await send(h, 'slack', lee, 'blue'))).toContain('Which shade of blue?');
    const row = await h.db.prisma.conversationState.findFirst({ where: { key: { startsWith: 'person:' } } });
    expect(row?.step).toBe('shade');
    expect(row?.expiresAt.getTime()).toBe(clock.now().getTime() + 7 * 24 * 60 * 60 * 1000);

    const cancelled = plain(await send(h, 'teams', lee, 'cancel'));
    expect(cancelled).toContain('Cancelled choosing a colour (question 2 of 2).');
    expect(cancelled).toContain('To start again: type colour');
    expect(plain(await send(h, 'slack', lee, 'navy'))).toContain('Sorry, I did not recognise "navy"');
    expect(plain(await send(h, 'slack', lee, 'cancel'))).toContain('There was nothing to cancel.');
  });

  it('finishes a conversation, and forgets one left unanswered for 7 days', async () => {
    await send(h, 'slack', lee, 'colour');
    await send(h, 'slack', lee, 'green');
    expect(plain(await send(h, 'teams', lee, 'sage'))).toContain('Chosen: sage green');
    expect(await h.db.prisma.conversationState.count()).toBe(0);

    await send(h, 'teams', lee, 'colour');
    clock.advance(7 * 24 * 60 * 60 * 1000 + 60_000);
    expect(plain(await send(h, 'teams', lee, 'red'))).toContain('Sorry, I did not recognise "red"');
  });
});
