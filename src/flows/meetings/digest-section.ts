/**
 * The meetings section of the weekly digest: the next meetings (four weeks) with their RSVP
 * counts, attendance at the last one, and meetings whose suggested topics still wait for an
 * agenda. Figures only (never a topic's words), so it suits trust leaders as well.
 */
import type { DigestContribution } from '../../core/digest/model';
import { formatDate } from '../../core/dates';
import type { OccurrenceWithSeries } from '../../core/meetings-port';
import { t } from '../../i18n/en-GB';
import { countAnswers } from '../../meetings/cards';
import type { DigestSectionProvider } from '../digest/section-provider';
import { inviteesOf, type MeetingsSvc } from './services';

const DAY = 24 * 60 * 60 * 1000;
const AHEAD_DAYS = 28;
const BACK_DAYS = 120;
const MAX_NEXT = 3;

const live = ({ occurrence, series }: OccurrenceWithSeries) => occurrence.status === 'scheduled' && !series.cancelled;

export async function meetingsContribution(svc: MeetingsSvc, trustId: string): Promise<DigestContribution> {
  const now = svc.clock.now();
  const repo = svc.meetingAgenda.repo;
  const upcoming = (await repo.occurrencesBetween(trustId, now, new Date(now.getTime() + AHEAD_DAYS * DAY))).filter(live);
  const past = (await repo.occurrencesBetween(trustId, new Date(now.getTime() - BACK_DAYS * DAY), now))
    .filter(live)
    .filter((o) => o.occurrence.endsAt <= now);
  const last = past[past.length - 1];
  if (upcoming.length === 0 && !last) return { section: null, lookAt: [] };
  const lines: string[] = [];
  for (const { occurrence, series } of upcoming.slice(0, MAX_NEXT)) {
    const invited = (await inviteesOf(svc, series)).length;
    const counts = countAnswers(
      invited,
      (await svc.meetings.repo.listRsvps(trustId, occurrence.id)).map((r) => r.answer),
    );
    lines.push(t('meetings.digest.next', { title: series.title, date: formatDate(occurrence.date), ...counts }));
  }
  for (const { occurrence, series } of upcoming) {
    const topics = await svc.meetings.repo.listTopics(trustId, occurrence.id);
    if (topics.length > 0 && !(await repo.getAgenda(trustId, occurrence.id))) {
      lines.push(t('meetings.digest.topics', { title: series.title, date: formatDate(occurrence.date), count: topics.length }));
    }
  }
  if (last) {
    const rsvps = await svc.meetings.repo.listRsvps(trustId, last.occurrence.id);
    lines.push(
      t('meetings.digest.last', {
        title: last.series.title,
        date: formatDate(last.occurrence.date),
        attended: rsvps.filter((r) => r.attended).length,
        going: rsvps.filter((r) => r.answer === 'going').length,
        invited: (await inviteesOf(svc, last.series)).length,
      }),
    );
  }
  const headline = upcoming.length > 0 ? t('meetings.digest.headlineSome', { count: upcoming.length }) : t('meetings.digest.headlineNone');
  return { section: { id: 'meetings', title: t('meetings.digest.title'), headline, lines }, lookAt: [] };
}

export const meetingsDigestSection: DigestSectionProvider = {
  id: 'meetings',
  contribute: (deps, input) => meetingsContribution(deps, input.trustId),
};
