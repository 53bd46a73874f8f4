/** Instants of a daily London wall-clock time, for due-work sources that run once a day. */
import { addDays, type LocalDate } from './local-date';
import { localDateOf, toInstant, type LocalTime } from './london-time';

/** Each instant at `time` London on the dates around (from, upTo], in order, with from < instant <= upTo. */
export function dailyAt(time: LocalTime, from: Date, upTo: Date): Date[] {
  const out: Date[] = [];
  const last: LocalDate = addDays(localDateOf(upTo), 1);
  for (let day: LocalDate = addDays(localDateOf(from), -1); day <= last; day = addDays(day, 1)) {
    const at = toInstant(day, time);
    if (at > from && at <= upTo) out.push(at);
  }
  return out;
}
