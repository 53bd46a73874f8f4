import { formatDate, londonDate } from '../../core/dates';

/** "Tuesday 15 September 2026 at 15:45", London time. */
export function formatLondon(instant: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hour12: false }).format(
    instant,
  );
  return `${formatDate(londonDate(instant))} at ${time}`;
}
