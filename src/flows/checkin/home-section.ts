/**
 * The check-in's part of Home: a SENCO's open check-in(s) with progress and the step they are
 * on, answerable from Home where a row of buttons can answer it (./home-step.ts); a SEND leader's running rounds ("14 of 22"), join and erasure requests waiting,
 * and deliveries that may not have arrived.
 */
import { progressOf } from '../../core/checkin/progress';
import type { CheckinRound } from '../../core/checkin/model';
import type { Block } from '../../core/message';
import { plural, t } from '../../i18n/en-GB';
import type { HomeInput, HomeProvider, HomeSection } from '../home/section';
import { homeStep } from './home-step';
import { formatInstant, periodLabel } from './text';

const ORDER = { checkin: 10, round: 11, requests: 12 } as const;

async function sencoSections({ actor, deps }: HomeInput): Promise<HomeSection[]> {
  const schoolIds = actor.roles.filter((r) => r.role === 'senco' && r.schoolId).map((r) => r.schoolId!);
  if (schoolIds.length === 0) return [];
  const open = await deps.checkin.repo.openCheckins(actor.trustId, schoolIds);
  if (open.length === 0) return [];
  const schools = await deps.roster.repo.listSchools(actor.trustId, { includeArchived: true });
  const nameOf = (id: string) => schools.find((s) => s.id === id)?.name ?? id;
  const sections: HomeSection[] = [];
  for (const { checkin, round } of open) {
    const answers = await deps.checkin.repo.answers(actor.trustId, checkin.id);
    const progress = progressOf(checkin, answers);
    const school = nameOf(checkin.schoolId);
    const closes = formatInstant(round.closesAt);
    if (progress.complete) {
      sections.push({
        order: ORDER.checkin,
        needsYou: false,
        blocks: [{ type: 'text', text: t('home.checkin.done', { school, closes }) }],
      });
      continue;
    }
    const checklist =
      (await deps.checkin.repo.checklistVersion(actor.trustId, round.checklistVersion)) ??
      (await deps.checkin.repo.checklist(actor.trustId));
    const step = homeStep(checkin, checklist, answers);
    const blocks: Block[] = [
      { type: 'heading', text: t('home.checkin.heading', { period: periodLabel(round.period), school }) },
      { type: 'text', text: t('home.checkin.progress', { answered: progress.answered, total: progress.total, closes }) },
    ];
    if (step.line) blocks.push({ type: 'text', text: step.line });
    blocks.push({ type: 'buttons', buttons: step.buttons });
    sections.push({ order: ORDER.checkin, needsYou: true, blocks });
  }
  return sections;
}

async function roundSection({ actor, deps }: HomeInput, round: CheckinRound): Promise<HomeSection> {
  const [checkins, answers] = await Promise.all([
    deps.checkin.repo.checkinsOfRound(actor.trustId, round.id),
    deps.checkin.repo.answersOfRound(actor.trustId, round.id),
  ]);
  const byCheckin = new Map<string, Array<{ itemId: string }>>();
  for (const a of answers) byCheckin.set(a.checkinId, [...(byCheckin.get(a.checkinId) ?? []), a]);
  const complete = checkins.filter((c) => progressOf(c, byCheckin.get(c.id) ?? []).complete).length;
  const blocks: Block[] = [
    { type: 'heading', text: t('home.round.heading', { period: periodLabel(round.period) }) },
    {
      type: 'text',
      text: t('home.round.progress', { complete, schools: plural(checkins.length, 'school'), closes: formatInstant(round.closesAt) }),
    },
  ];
  // Uncertain rows are final: the bot cannot know whether they arrived, so a person should look.
  const uncertain = (await Promise.all(['invite', 'reminder'].map((k) => deps.outbox.countByStatus(`checkin-${k}:${round.id}:`)))).reduce(
    (sum, counts) => sum + counts.uncertain,
    0,
  );
  if (uncertain > 0) blocks.push({ type: 'text', text: t('home.round.uncertain', { count: uncertain }), muted: true });
  blocks.push({ type: 'buttons', buttons: [{ label: t('home.round.status'), verb: 'checkin.status.page', data: { offset: '0' } }] });
  return { order: ORDER.round, needsYou: uncertain > 0, blocks };
}

async function leaderSections(input: HomeInput): Promise<HomeSection[]> {
  const { actor, deps } = input;
  const roles = new Set(actor.roles.map((r) => r.role));
  const sections: HomeSection[] = [];
  if (roles.has('send-leader')) {
    const rounds = (await deps.checkin.repo.listRounds(actor.trustId, 12)).filter((r) => r.status === 'open');
    for (const round of rounds) sections.push(await roundSection(input, round));
  }
  if (roles.has('send-leader') || roles.has('admin')) {
    const pending = await deps.roster.approvals.pending(actor.trustId);
    if (pending.length > 0) {
      const joins = pending.filter((p) => p.kind === 'join').length;
      sections.push({
        order: ORDER.requests,
        needsYou: true,
        blocks: [
          { type: 'heading', text: t('home.requests.heading') },
          { type: 'text', text: t('home.requests.line', { joins, erasures: pending.length - joins }) },
        ],
      });
    }
  }
  return sections;
}

export const checkinHomeSection: HomeProvider = {
  id: 'checkin',
  sections: async (input) => [...(await sencoSections(input)), ...(await leaderSections(input))],
};
