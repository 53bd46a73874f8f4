import type { Activity, TurnContext } from 'botbuilder';
import { t } from '../../src/i18n/en-GB';

/** What an invoke is answered with, in the HTTP response (Teams waits for it). */
export interface InvokeResult {
  status: number;
  body?: unknown;
}

export interface InvokeTools {
  /** Handles the activity as a card action with this `value` (the core's entry point) and sends the replies. */
  run(value: unknown): Promise<void>;
  /** Lets the teams-ai Application answer (handlers registered there); false when nothing did. */
  runSdk(): Promise<boolean>;
}

/** 'answered': the handler already wrote the invoke response (through the SDK). */
export type InvokeHandler = (context: TurnContext, activity: Activity, tools: InvokeTools) => Promise<InvokeResult | 'answered'>;

/**
 * Every invoke the bot answers, by name: add a handler here (one line) to support another.
 * Anything not listed gets a polite 200 "not supported", never the SDK's 501.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages#invoke-activities
 */
export const INVOKE_HANDLERS: Record<string, InvokeHandler> = {
  // Universal Actions (Action.Execute): the same verbs as Action.Submit buttons.
  'adaptiveCard/action': async (context, activity, tools) => {
    const action = (activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
    const data = action?.data && typeof action.data === 'object' ? (action.data as Record<string, unknown>) : {};
    const verb = typeof data.verb === 'string' ? data.verb : typeof action?.verb === 'string' ? action.verb : '';
    if (!verb) return { status: 400, body: { error: 'adaptiveCard/action without a verb.' } };
    await tools.run({ ...data, verb });
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: t('invoke.done') } };
  },
  // A file-consent card's accept or decline (adapters/teams/file-consent.ts, on the Application).
  'fileConsent/invoke': async (_context, _activity, tools) => ((await tools.runSdk()) ? 'answered' : notSupported()),
};

export function notSupported(): InvokeResult {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: t('invoke.unsupported') } };
}

/** Runs the handler for this invoke's name and writes its result as the invoke response. */
export async function answerInvoke(context: TurnContext, tools: InvokeTools): Promise<void> {
  const activity = context.activity as Activity;
  const handler = activity.name ? INVOKE_HANDLERS[activity.name] : undefined;
  const result = handler ? await handler(context, activity, tools) : notSupported();
  if (result === 'answered') return;
  await context.sendActivity({ type: 'invokeResponse', value: { status: result.status, body: result.body } });
}
