import type { Block, OutboundMessage } from '../core/message';
import type { Actor } from '../core/model';
import { isAllowed } from '../core/permissions';
import { t } from '../i18n/en-GB';
import type { Command, Registry } from './registry';

/** Builds the help reply from the registry, showing only what this person may use. */
export function helpMessage(registry: Registry, actor: Actor): OutboundMessage {
  const usable = registry.listCommands().filter((c) => isAllowed(actor, c.audience));
  const blocks: Block[] = [
    { type: 'heading', text: t('help.title') },
    { type: 'text', text: t('help.intro') },
  ];
  blocks.push({ type: 'facts', facts: usable.map((c) => ({ label: c.usage ?? c.id, value: describe(c) })) });
  if (actor.personId === null) blocks.push({ type: 'text', text: t('help.none'), muted: true });
  const summary = `${t('help.title')}: ${usable.map((c) => c.id).join(', ')}`;
  return { summary, blocks };
}

function describe(command: Command): string {
  const example = command.examples[0];
  return example ? `${command.summary} (${t('help.example', { example })})` : command.summary;
}

export function helpCommand(registry: Registry): Command {
  return {
    id: 'help',
    aliases: ['?', 'hello', 'hi', 'menu'],
    summary: 'Show what you can do',
    examples: ['help'],
    audience: 'anyone',
    run: async (ctx) => [helpMessage(registry, ctx.actor)],
  };
}
