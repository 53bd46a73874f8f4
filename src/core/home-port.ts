import type { ConversationAddress } from './events';
import type { Platform } from './model';

/**
 * What Home remembers to keep people's Homes current when others change things for them
 * (src/flows/home/push.ts): the Slack App Home tabs people opened, and when each trust last
 * saw someone act (its leaders' counts may have moved). Every call names the person or trust.
 */

/** A Home surface opened at least once: Slack's App Home tab (Teams keeps its card key in the StateStore). */
export interface HomeTab {
  personId: string;
  trustId: string;
  platform: Platform;
  /** Where to publish, in the adapter's format. */
  target: ConversationAddress;
}

export interface HomeStore {
  /** The person opened this Home tab (again): remember where it is. */
  rememberTab(tab: HomeTab, at: Date): Promise<void>;
  /** The tabs these people opened (any platform). */
  tabsOf(personIds: readonly string[]): Promise<HomeTab[]>;
  /** Someone did something in this trust now (recorded to the minute: later touches in the same minute may be skipped). */
  touchTrust(trustId: string, at: Date): Promise<void>;
  /** Trusts touched with `from < changedAt <= upTo`, and when (last recorded). */
  touchedTrusts(from: Date, upTo: Date): Promise<Array<{ trustId: string; at: Date }>>;
}
