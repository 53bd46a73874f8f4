import { helpCommand } from './help';
import { Registry } from './registry';

/** Every command, action and flow the bot knows. Each feature adds its own here. */
export function buildRegistry(): Registry {
  const registry = new Registry();
  registry.addCommand(helpCommand(registry));
  return registry;
}
