import type { InboundEvent, InboundFile } from '../core/events';
import type { OutboundMessage } from '../core/message';
import type { Actor } from '../core/model';
import type { Audience } from '../core/permissions';
import type { RateLimit } from '../core/rate-limit-port';
import type { ConversationState } from '../core/ports';
import type { FlowDeps } from './deps';
import type { HomeProvider } from './home/section';

/** What every handler gets: who asked, what arrived, and the services. */
export interface HandlerContext {
  actor: Actor;
  event: InboundEvent;
  deps: FlowDeps;
}

export type Reply = OutboundMessage[];

/** A typed command: data first (hubot's CommandBus), so help is generated from this table. */
export interface Command {
  id: string;
  /** Other words that start this command; `id` always does. */
  aliases: readonly string[];
  summary: string;
  usage?: string;
  examples: readonly string[];
  audience: Audience;
  /** The data-level rule on top of `audience`, for docs/permissions.md (e.g. "own school only"). */
  dataRule?: string;
  /**
   * The job it belongs to, for grouping `help`. Optional so a feature's new command compiles
   * without it: help then guesses from the command's first word (src/flows/help-groups.ts).
   */
  group?: CommandGroup;
  /**
   * Uses per person in a sliding window (commands that read a whole trust); checked by the
   * router. `when` narrows it to some forms of the command (its arguments), e.g. `digest` alone.
   */
  rateLimit?: RateLimit & { when?: (args: string) => boolean };
  run(ctx: HandlerContext, args: string): Promise<Reply>;
}

/** The jobs `help` is grouped by, in the order it shows them. */
export const COMMAND_GROUPS = [
  'start',
  'roster',
  'checkins',
  'terms',
  'meetings',
  'bulletins',
  'buddies',
  'self-evaluation',
  'digest',
  'reminders',
  'privacy',
  'more',
] as const;
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

/** A card button or form submit, routed by verb. */
export interface ActionHandler {
  verb: string;
  audience: Audience;
  dataRule?: string;
  run(ctx: HandlerContext, data: Record<string, string>): Promise<Reply>;
}

/**
 * A multi-step conversation (a form asked one question at a time): it takes the person's next
 * free-text message while it runs. Start or advance it with `saveConversation`, finish it with
 * `endConversation` (src/flows/conversations/engine.ts); `cancel` ends any of them.
 */
export interface Conversation {
  id: string;
  /** What `cancel` ended, in a few words: "your new meeting (question 2 of 4)". */
  describe(state: ConversationState): string;
  /** How to start again, shown after a cancel: "type **meeting new**". */
  resume: string;
  /** Forgotten after this long without an answer (default 7 days, CONVERSATION_TTL_MS). */
  ttlMs?: number;
  onText(ctx: HandlerContext, state: ConversationState, text: string): Promise<Reply>;
}

/** Takes a file someone uploaded in chat (e.g. a roster CSV). */
export interface UploadHandler {
  id: string;
  audience: Audience;
  dataRule?: string;
  /**
   * A handler that takes only some uploads says which: true claims this one (e.g. the person
   * pressed "Attach a document" on a bulletin draft). Claiming handlers are asked first, in
   * registration order; the one handler without `wants` (the roster import) takes the rest.
   */
  wants?(ctx: HandlerContext, file: InboundFile): Promise<boolean>;
  run(ctx: HandlerContext, file: InboundFile): Promise<Reply>;
}

/**
 * Answers someone not on any roster who asked for something only roster people may do, or
 * wrote something that is not a command: first-run set-up or "who are you?".
 */
export type Greeter = (ctx: HandlerContext) => Promise<Reply>;

export class Registry {
  private readonly commands = new Map<string, Command>();
  private readonly words = new Map<string, Command>();
  private readonly actions = new Map<string, ActionHandler>();
  private readonly conversations = new Map<string, Conversation>();
  private uploadHandler: UploadHandler | null = null;
  private readonly claimingUploads: UploadHandler[] = [];
  private greeterFn: Greeter | null = null;
  private readonly home: HomeProvider[] = [];

  addCommand(command: Command): this {
    for (const word of [command.id, ...command.aliases]) {
      const key = word.toLowerCase();
      if (this.words.has(key)) throw new Error(`Command word "${key}" is registered twice`);
      this.words.set(key, command);
    }
    this.commands.set(command.id, command);
    return this;
  }

  addAction(action: ActionHandler): this {
    if (this.actions.has(action.verb)) throw new Error(`Action "${action.verb}" is registered twice`);
    this.actions.set(action.verb, action);
    return this;
  }

  addConversation(conversation: Conversation): this {
    if (this.conversations.has(conversation.id)) throw new Error(`Conversation "${conversation.id}" is registered twice`);
    this.conversations.set(conversation.id, conversation);
    return this;
  }

  setUpload(handler: UploadHandler): this {
    if (handler.wants) {
      this.claimingUploads.push(handler);
      return this;
    }
    if (this.uploadHandler) throw new Error('An upload handler is registered twice');
    this.uploadHandler = handler;
    return this;
  }

  /** The upload handler that takes any file not claimed by another (the roster import). */
  upload(): UploadHandler | null {
    return this.uploadHandler;
  }

  /** Handlers that take only the uploads they claim (`wants`), asked before `upload()`. */
  claimingUploadHandlers(): readonly UploadHandler[] {
    return this.claimingUploads;
  }

  setGreeter(greeter: Greeter): this {
    this.greeterFn = greeter;
    return this;
  }

  greeter(): Greeter | null {
    return this.greeterFn;
  }

  /** A feature's part of Home (src/flows/home). */
  addHomeSection(provider: HomeProvider): this {
    if (this.home.some((p) => p.id === provider.id)) throw new Error(`Home section "${provider.id}" is registered twice`);
    this.home.push(provider);
    return this;
  }

  homeSections(): readonly HomeProvider[] {
    return this.home;
  }

  listActions(): ActionHandler[] {
    return [...this.actions.values()];
  }

  listCommands(): Command[] {
    return [...this.commands.values()];
  }

  /** Every word that starts a command, for "did you mean". */
  commandWords(): string[] {
    return [...this.words.keys()];
  }

  action(verb: string): ActionHandler | undefined {
    return this.actions.get(verb);
  }

  conversation(id: string): Conversation | undefined {
    return this.conversations.get(id);
  }

  /** Matches the longest command word at the start of `text` ("my data export" -> "my data"). */
  match(text: string): { command: Command; args: string } | null {
    const normalised = text.trim().replace(/\s+/g, ' ');
    const lower = normalised.toLowerCase();
    let best: { command: Command; length: number } | null = null;
    for (const [word, command] of this.words) {
      const fits = lower === word || lower.startsWith(`${word} `);
      if (fits && (!best || word.length > best.length)) best = { command, length: word.length };
    }
    return best ? { command: best.command, args: normalised.slice(best.length).trim() } : null;
  }
}
