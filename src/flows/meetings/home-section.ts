/**
 * Network meetings on Home: the person's next meetings (up to three) with their answer, and
 * Going / Can't go / Maybe on those not yet answered (the same action as the invitation card,
 * marked as pressed on Home); for a SEND leader, the counts of the next meeting they lead.
 */
import type { Block } from '../../core/message';
import type { OccurrenceWithSeries } from '../../core/meetings-port';
import { t } from '../../i18n/en-GB';
import { answerLabel, countAnswers, MEETING_VERBS, whenText, whereText } from '../../meetings/cards';
import type { HomeInput, HomeProvider, HomeSection } from '../home/section';
import { inviteesOf } from './services';

const ORDER = { invited: 20, leading: 21 } as const;
/** Home is read on a phone: three meetings at most (`meetings` lists more). */
export const HOME_MEETINGS = 3;
/** Marks an RSVP pressed on Home, so the handler does not replace the Home card with the invitation. */
export const FROM_HOME = 'home';

async function invitedSection({ actor, deps }: HomeInput, { occurrence, series }: OccurrenceWithSeries): Promise<HomeSection> {
  const mine = (await deps.meetings.repo.listRsvps(series.trustId, occurrence.id)).find((r) => r.personId === actor.personId);
  const answer = mine?.answer ?? null;
  const blocks: Block[] = [
    { type: 'heading', text: t('meetings.home.heading', { title: series.title }) },
    { type: 'text', text: t('meetings.home.when', { when: whenText(occurrence), where: whereText(series) }) },
    { type: 'text', text: answer ? t('meetings.yourAnswer', { answer: answerLabel(answer) }) : t('meetings.ask') },
  ];
  if (!answer) {
    blocks.push({
      type: 'buttons',
      buttons: (['going', 'not-going', 'maybe'] as const).map((a) => ({
        label: answerLabel(a),
        verb: MEETING_VERBS.rsvp,
        data: { occurrenceId: occurrence.id, sequence: String(occurrence.sequence), answer: a, from: FROM_HOME },
        ...(a === 'going' ? { style: 'primary' as const } : {}),
      })),
    });
  }
  return { order: ORDER.invited, needsYou: !answer, blocks };
}

async function leadingSection({ deps }: HomeInput, { occurrence, series }: OccurrenceWithSeries): Promise<HomeSection> {
  const invited = (await inviteesOf(deps, series)).length;
  const rsvps = await deps.meetings.repo.listRsvps(series.trustId, occurrence.id);
  const counts = countAnswers(
    invited,
    rsvps.map((r) => r.answer),
  );
  return {
    order: ORDER.leading,
    needsYou: false,
    blocks: [
      { type: 'heading', text: t('meetings.home.leading', { title: series.title }) },
      { type: 'text', text: whenText(occurrence) },
      { type: 'text', text: t('meetings.home.counts', { ...counts }) },
    ],
  };
}

export const meetingsHomeSection: HomeProvider = {
  id: 'meetings',
  async sections(input) {
    const { actor, deps, now } = input;
    const all = await deps.meetings.repo.occurrencesFor(actor.trustId, actor.personId);
    const upcoming = all.filter((o) => o.occurrence.status === 'scheduled' && !o.series.cancelled && o.occurrence.startsAt > now);
    const sections: HomeSection[] = [];
    for (const o of upcoming.filter((u) => u.series.leaderId !== actor.personId).slice(0, HOME_MEETINGS)) {
      sections.push(await invitedSection(input, o));
    }
    const leads = actor.roles.some((r) => r.role === 'send-leader');
    const next = leads ? upcoming.find((u) => u.series.leaderId === actor.personId) : undefined;
    if (next) sections.push(await leadingSection(input, next));
    return sections;
  },
};
