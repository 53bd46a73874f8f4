import { registerCheckin } from './checkin/index';
import { helpCommand } from './help';
import { pauseCommand, resumeCommand } from './nudges/pause';
import { snoozeAction, snoozeCommand } from './nudges/snooze';
import { Registry } from './registry';
import { registerRoster } from './roster/index';
import { termsCommand, termsSaveAction, termsSetCommand } from './terms/terms';

/** Every command, action and flow the bot knows. Each feature adds its own here. */
export function buildRegistry(): Registry {
  const registry = new Registry();
  registry.addCommand(helpCommand(registry));
  registry.addCommand(snoozeCommand).addAction(snoozeAction).addCommand(pauseCommand).addCommand(resumeCommand);
  registerRoster(registry);
  registerCheckin(registry);
  registry.addCommand(termsCommand).addCommand(termsSetCommand).addAction(termsSaveAction);
  return registry;
}
