/**
 * The taps part of `npm run bench:selfeval`: a SENCO's sitting for one area (Leadership)
 * through the real router on an in-memory database, from the invitation's Start button to
 * Finish area. Taps = button presses; typed characters = what the SENCO had to type (the
 * optional evidence is not typed here: the goal is an area with no typing required).
 * Ratings follow a realistic mix, one of them weak (so the "what would help" question is
 * skipped with one tap).
 */
import { loadConfig } from '../src/config';
import type { ConversationAddress, InboundEvent } from '../src/core/events';
import type { Block, Button, OutboundMessage } from '../src/core/message';
import { openDatabase } from '../src/db/database';
import { buildRegistry } from '../src/flows/index';
import { handleEvent } from '../src/flows/router';
import { memoryLogger } from '../src/logger';
import { startBot } from '../src/main';

const MIX = ['established', 'developing', 'strong', 'established', 'established'];

function buttonsOf(messages: readonly OutboundMessage[]): Button[] {
  return messages.flatMap((m) => m.blocks.flatMap((b: Block) => (b.type === 'buttons' ? b.buttons : [])));
}

export async function measureSitting(): Promise<{ taps: number; typed: number }> {
  const database = await openDatabase({ memory: true });
  const loaded = loadConfig({ PORT: '1' });
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const clock = { now: () => new Date('2026-09-15T09:00:00Z') };
  const bot = await startBot({
    config: { ...loaded.config, port: 0, host: '127.0.0.1' },
    logger: memoryLogger(),
    database,
    clock,
    scheduler: { cron: false },
  });
  try {
    const db = database.prisma;
    const trust = await db.trust.create({ data: { name: 'Bench Trust' } });
    const school = await db.school.create({ data: { trustId: trust.id, name: 'Oak Primary', phase: 'primary' } });
    const who = { senco: 'ann', leader: 'lee' } as const;
    for (const [role, userId] of Object.entries(who)) {
      const person = await db.person.create({
        data: { trustId: trust.id, schoolId: school.id, name: userId, email: `${userId}@bench.example` },
      });
      await db.roleAssignment.create({
        data: {
          trustId: trust.id,
          personId: person.id,
          role: role === 'senco' ? 'senco' : 'send-leader',
          schoolId: role === 'senco' ? school.id : null,
        },
      });
      await db.chatIdentity.create({
        data: { platform: 'teams', tenantId: 'tenant-bench', userId, personId: person.id, conversationRef: address(userId).reference },
      });
    }
    const registry = buildRegistry();
    let n = 0;
    const handle = (userId: string, input: { text?: string; action?: { verb: string; data: Record<string, string> } }) =>
      handleEvent(event(userId, ++n, input), registry, bot.deps);
    await handle(who.leader, { text: 'selfeval start 2026-27' });

    let taps = 0;
    const typed = 0;
    const press = async (button: Button) => {
      taps++;
      return handle(who.senco, { action: { verb: button.verb, data: button.data ?? {} } });
    };
    // The invitation's Start button (the same as typing selfeval).
    let replies = await press({ label: 'Start', verb: 'selfeval-begin' });
    for (let i = 0; i < 20; i++) {
      const buttons = buttonsOf(replies);
      const finish = buttons.find((b) => b.verb === 'selfeval-finish');
      if (finish) {
        replies = await press(finish);
        break;
      }
      const skip = buttons.find((b) => b.verb === 'selfeval-skip');
      const rating = buttons.find((b) => b.verb === 'selfeval-rate' && b.data?.r === MIX[i % MIX.length]);
      const next = skip ?? rating;
      if (!next) throw new Error(`no button to press in ${JSON.stringify(replies).slice(0, 500)}`);
      replies = await press(next);
    }
    if (!JSON.stringify(replies).includes('done (1 of 5 areas)'))
      throw new Error(`the area did not finish: ${JSON.stringify(replies).slice(0, 500)}`);
    return { taps, typed };
  } finally {
    await bot.stop();
    await database.close();
  }
}

function address(userId: string): ConversationAddress & { reference: object } {
  return {
    kind: 'reference',
    reference: { conversation: { id: `a:${userId}`, tenantId: 'tenant-bench', conversationType: 'personal' }, user: { id: userId } },
  };
}

function event(userId: string, n: number, input: { text?: string; action?: { verb: string; data: Record<string, string> } }): InboundEvent {
  return {
    platform: 'teams',
    deliveryId: `bench-selfeval-${n}`,
    tenantId: 'tenant-bench',
    userId,
    userName: null,
    email: null,
    direct: true,
    address: address(userId),
    text: input.text ?? null,
    action: input.action ?? null,
    fromBot: false,
  };
}
