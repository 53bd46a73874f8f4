import type { Block, OutboundMessage } from '../core/message';
import { hasRole, type Actor } from '../core/model';
import { isAllowed } from '../core/permissions';
import { t } from '../i18n/en-GB';
import { groupOf } from './help-groups';
import { COMMAND_GROUPS, type Command, type Registry } from './registry';

/**
 * Builds the help reply from the registry, showing only what this person may use, grouped by
 * job (set-up and roster, check-ins, terms, reminders, privacy, ...) so it reads on a phone.
 */
export function helpMessage(registry: Registry, actor: Actor): OutboundMessage {
  const usable = registry.listCommands().filter((c) => isAllowed(actor, c.audience) && offered(c, actor));
  const blocks: Block[] = [
    { type: 'heading', text: t('help.title') },
    { type: 'text', text: t('help.intro') },
  ];
  for (const group of COMMAND_GROUPS) {
    const commands = usable.filter((c) => groupOf(c) === group && c.id !== 'help');
    if (commands.length === 0) continue;
    blocks.push({ type: 'text', text: `**${t(`help.group.${group}`)}**` });
    blocks.push({ type: 'facts', facts: commands.map((c) => ({ label: c.usage ?? c.id, value: describe(c) })) });
  }
  if (actor.personId === null) blocks.push({ type: 'text', text: t('help.none'), muted: true });
  const summary = `${t('help.title')}: ${usable.map((c) => c.id).join(', ')}`;
  return { summary, blocks };
}

/**
 * `setup` starts a trust: once someone is on a roster it is only for administrators (who may
 * add another trust), so a SENCO or leader in a trust that exists is never offered it.
 */
function offered(command: Command, actor: Actor): boolean {
  if (command.id !== 'setup') return true;
  return actor.personId === null || hasRole(actor, 'admin');
}

/** The summary, with an example only when it says more than the command itself. */
function describe(command: Command): string {
  const example = command.examples.find((e) => e !== command.id && e !== command.usage);
  return example ? `${command.summary} (${t('help.example', { example })})` : command.summary;
}

export function helpCommand(registry: Registry): Command {
  return {
    id: 'help',
    aliases: ['?', 'hello', 'hi', 'menu'],
    summary: 'Show what you can do',
    examples: ['help'],
    audience: 'anyone',
    group: 'start',
    run: async (ctx) => [helpMessage(registry, ctx.actor)],
  };
}
