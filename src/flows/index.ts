import { bulletinsFeature } from './bulletins/index';
import { buddiesFeature } from './buddies/index';
import { checkinFeature } from './checkin/index';
import { digestFeature } from './digest/index';
import type { Feature } from './feature';
import { loadFeatures, type LoadedFeatures } from './feature';
import { helpCommand } from './help';
import { addHome } from './home/index';
import { meetingsFeature } from './meetings/index';
import { nudgesFeature } from './nudges/index';
import { Registry } from './registry';
import { rosterFeature } from './roster/index';
import { selfevalFeature } from './selfeval/index';
import { termsFeature } from './terms/index';

/** Every feature the bot runs. A new feature is one module, added to this list (docs/architecture.md). */
export const features: readonly Feature[] = [
  nudgesFeature,
  rosterFeature,
  checkinFeature,
  termsFeature,
  digestFeature,
  meetingsFeature,
  bulletinsFeature,
  buddiesFeature,
  selfevalFeature,
];

/** The features, loaded with `help` (which lists every command the others registered). */
export function loadAll(list: readonly Feature[] = features): LoadedFeatures {
  const registry = new Registry();
  registry.addCommand(helpCommand(registry));
  addHome(registry);
  return loadFeatures(list, registry);
}

/** Every command, action and conversation the bot knows (docs and tests read it). */
export function buildRegistry(): Registry {
  return loadAll().registry;
}
