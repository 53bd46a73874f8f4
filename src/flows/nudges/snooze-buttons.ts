import type { Block } from '../../core/message';
import { t } from '../../i18n/en-GB';
import type { SnoozeChoice } from './until-date';

/** The card action every snooze button sends: data { kind, until }. */
export const SNOOZE_VERB = 'nudge.snooze';

/**
 * "Snooze until tomorrow / next week" buttons for a nudge of `kind`. Any flow that sends a
 * nudge adds these to its card; the `nudge.snooze` action records the snooze and the
 * scheduler holds later nudges of that kind until it ends.
 */
export function snoozeButtons(kind: string): Block {
  const button = (until: SnoozeChoice, label: string) => ({ label, verb: SNOOZE_VERB, data: { kind, until } });
  return { type: 'buttons', buttons: [button('tomorrow', t('snooze.button.tomorrow')), button('next-week', t('snooze.button.nextWeek'))] };
}
