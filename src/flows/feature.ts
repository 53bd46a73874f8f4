/**
 * A feature is one module (as probot's `app => { app.on(...) }`): it registers its commands,
 * card actions, upload handler, conversations, scheduled work and member-change handler on the
 * `FeatureApp` it is given, in one place. src/flows/features.ts lists the features; the router,
 * the scheduler and main.ts only ever see the list.
 */
import type { DueWorkSource } from '../core/due-work-port';
import type { MembersEvent } from '../core/events';
import type { FlowDeps } from './deps';
import type { DigestSectionProvider } from './digest/section-provider';
import type { HomeProvider } from './home/section';
import { Registry, type ActionHandler, type Command, type Conversation, type Greeter, type UploadHandler } from './registry';

export interface FeatureApp {
  command(command: Command): FeatureApp;
  action(action: ActionHandler): FeatureApp;
  conversation(conversation: Conversation): FeatureApp;
  upload(handler: UploadHandler): FeatureApp;
  greeter(greeter: Greeter): FeatureApp;
  /** The feature's part of a person's Home (docs/architecture.md, "Home"). */
  homeSection(provider: HomeProvider): FeatureApp;
  /** Scheduled work (see src/core/due-work-port.ts), built once the services exist. */
  dueWork(sources: (deps: FlowDeps) => DueWorkSource[]): FeatureApp;
  /** The bot was added to a team or people joined it (Teams conversationUpdate). */
  onMembers(handler: (event: MembersEvent, deps: FlowDeps) => Promise<void>): FeatureApp;
  /** A section of the weekly digest (src/flows/digest/section-provider.ts). */
  digestSection(provider: DigestSectionProvider): FeatureApp;
  /** Every feature's digest sections, read when a digest is built (so order of registration does not matter). */
  digestSections(): readonly DigestSectionProvider[];
}

export interface Feature {
  /** For logs and docs: 'checkin', 'roster'. */
  id: string;
  register(app: FeatureApp): void;
}

/** Everything the features registered, ready for the router, the scheduler and the adapters. */
export interface LoadedFeatures {
  registry: Registry;
  dueWork(deps: FlowDeps): DueWorkSource[];
  onMembers(event: MembersEvent, deps: FlowDeps): Promise<void>;
  digestSections: readonly DigestSectionProvider[];
}

export function loadFeatures(features: readonly Feature[], registry = new Registry()): LoadedFeatures {
  const sources: Array<(deps: FlowDeps) => DueWorkSource[]> = [];
  const members: Array<(event: MembersEvent, deps: FlowDeps) => Promise<void>> = [];
  const sections: DigestSectionProvider[] = [];
  const app: FeatureApp = {
    command: (command) => (registry.addCommand(command), app),
    action: (action) => (registry.addAction(action), app),
    conversation: (conversation) => (registry.addConversation(conversation), app),
    upload: (handler) => (registry.setUpload(handler), app),
    greeter: (greeter) => (registry.setGreeter(greeter), app),
    homeSection: (provider) => (registry.addHomeSection(provider), app),
    dueWork: (factory) => (sources.push(factory), app),
    onMembers: (handler) => (members.push(handler), app),
    digestSection: (provider) => {
      if (sections.some((s) => s.id === provider.id)) throw new Error(`Digest section "${provider.id}" is registered twice`);
      sections.push(provider);
      return app;
    },
    digestSections: () => sections,
  };
  for (const feature of features) feature.register(app);
  return {
    registry,
    dueWork: (deps) => sources.flatMap((factory) => factory(deps)),
    onMembers: async (event, deps) => {
      for (const handler of members) await handler(event, deps);
    },
    digestSections: sections,
  };
}
