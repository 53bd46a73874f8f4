/** How check-in values read in messages: periods, answers, instants. */
import { localDateOf, localTimeOf, weekdayOf } from '../../calendar';
import type { ChecklistItem, RoundPeriod } from '../../core/checkin/model';
import { formatDate } from '../../core/dates';
import { t } from '../../i18n/en-GB';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** 'Spring term 2026-27' or 'Spring term 2026-27, first half'. */
export function periodLabel(period: RoundPeriod): string {
  const term = t(`checkin.term.${period.term}`);
  if (period.half === null) return t('checkin.period.term', { term, year: period.year });
  return t('checkin.period.half', { term, year: period.year, half: t(`checkin.half.${period.half}`) });
}

/** 'Tuesday 26 January 2027 at 17:00' (London time). */
export function formatInstant(instant: Date): string {
  const date = localDateOf(instant);
  return t('checkin.at', { date: `${DAY_NAMES[weekdayOf(date)]} ${formatDate(date)}`, time: localTimeOf(instant) });
}

/** An answer as a person reads it: 'Partly', '14 September 2026', '3'. */
export function answerLabel(item: Pick<ChecklistItem, 'answer'> | undefined, value: string): string {
  if (item?.answer === 'choice' || (!item && ['yes', 'partly', 'no', 'na'].includes(value))) {
    return t(`checkin.choice.${value}` as 'checkin.choice.yes');
  }
  if (item?.answer === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (item?.answer === 'counts' && /^\d+\/\d+$/.test(value)) {
    const [first, second] = value.split('/');
    return t('checkin.counts', { first: first!, second: second! });
  }
  return value;
}

export function frequencyLabel(item: ChecklistItem): string {
  const f = item.frequency;
  const when =
    f.kind === 'once-a-year'
      ? t('checkin.frequency.once-a-year', { term: t(`checkin.term.${f.term}`).toLowerCase() })
      : t(`checkin.frequency.${f.kind}`);
  return f.kind !== 'on-change' && f.alsoOnChange ? t('checkin.frequency.alsoOnChange', { when }) : when;
}
