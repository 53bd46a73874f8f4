/**
 * The few calendar-date helpers the core needs ('YYYY-MM-DD' strings, no time, no zone).
 * The full school calendar lives in src/calendar; the core may not import it.
 */

export type LocalDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function make(year: number, month: number, day: number): LocalDate | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a real date written 'YYYY-MM-DD'. */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = ISO.exec(value);
  return !!m && make(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

/**
 * Reads a date typed by a person or exported from a spreadsheet: 'YYYY-MM-DD' or the UK's
 * 'DD/MM/YYYY' (never US order). Null for anything else, including 31/02/2026.
 */
export function parseDateInput(text: string): LocalDate | null {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) return make(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const uk = UK.exec(value);
  if (uk) return make(Number(uk[3]), Number(uk[2]), Number(uk[1]));
  return null;
}

function parts(date: LocalDate): [number, number, number] {
  const m = ISO.exec(date);
  if (!m) throw new Error(`Not a LocalDate: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * The same day `months` later. When that month is shorter the date is clamped to its last
 * day (31 Aug + 6 months = 28/29 Feb), so a deadline is never pushed into the next month.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return make(year, month, Math.min(d, last))!;
}

/** The date `years` on; 29 February becomes 28 February in a common year. */
export function addYears(date: LocalDate, years: number): LocalDate {
  return addMonths(date, years * 12);
}

/** Today's date in England for an instant. */
export function londonDate(instant: Date): LocalDate {
  return LONDON_DATE.format(instant);
}

/** Made once: building a formatter costs far more than using it, and this runs on every message. */
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** '3 March 2027', the en-GB way. */
export function formatDate(date: LocalDate): string {
  const [y, m, d] = parts(date);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
