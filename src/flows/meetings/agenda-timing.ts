/** The agenda steps of one meeting on the trust's calendar (the pure rule is src/meetings/agenda.ts). */
import type { LocalDate } from '../../calendar';
import type { MeetingOccurrence, MeetingSeries } from '../../core/meetings/model';
import { agendaSteps } from '../../meetings/agenda';
import type { MeetingsSvc } from './services';

export async function stepsOf(svc: Pick<MeetingsSvc, 'meetings' | 'clock'>, occurrence: MeetingOccurrence, series: MeetingSeries) {
  return agendaSteps(occurrence, await svc.meetings.schoolCalendar(series.trustId, null, svc.clock.now()));
}

/** The day the agenda goes out (the meeting's date when that step has no time left before it). */
export async function agendaDayOf(
  svc: Pick<MeetingsSvc, 'meetings' | 'clock'>,
  occurrence: MeetingOccurrence,
  series: MeetingSeries,
): Promise<LocalDate> {
  return (await stepsOf(svc, occurrence, series)).find((s) => s.step === 'agenda')?.day ?? occurrence.date;
}

/** When the agenda goes out; the meeting's start when that step has no time left before it. */
export async function agendaAtOf(
  svc: Pick<MeetingsSvc, 'meetings' | 'clock'>,
  occurrence: MeetingOccurrence,
  series: MeetingSeries,
): Promise<Date> {
  return (await stepsOf(svc, occurrence, series)).find((s) => s.step === 'agenda')?.at ?? occurrence.startsAt;
}
