/**
 * The automatic reminder of a bulletin that asks for acknowledgement: once, on the second
 * school day after it went out, at 09:30 in London, to those who have not acknowledged.
 * The campaign engine sends it (`bulletin-reminder` source); a recalled bulletin is closed,
 * so it is never sent after a recall.
 */
import { localDateOf, toInstant, type SchoolCalendar } from '../../calendar';
import type { Bulletin } from '../../core/bulletin';

export const AUTO_REMINDER = 'auto';
const AT = '09:30';

export function autoReminderTimes(b: Bulletin, calendar: SchoolCalendar): Array<{ occasion: string; at: Date }> {
  if (!b.ackRequired || b.draft || b.recalledAt) return [];
  const first = calendar.nextSchoolDayAfter(localDateOf(b.opensAt));
  const second = first ? calendar.nextSchoolDayAfter(first) : null;
  if (!second) return [];
  const at = toInstant(second, AT);
  return at > b.opensAt && at < b.closesAt ? [{ occasion: AUTO_REMINDER, at }] : [];
}
