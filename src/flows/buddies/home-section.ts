/**
 * Buddying's part of Home: the person's buddy (or buddies) with "We've met" while the
 * follow-up has asked and they have not said so (needs you), or their request on the waiting
 * list; for a SEND leader or administrator, proposals awaiting approval (needs you), the
 * waiting list count and pairs that have not met.
 */
import type { BuddyPair } from '../../core/buddies-port';
import { formatDate } from '../../core/dates';
import type { Block } from '../../core/message';
import { t } from '../../i18n/en-GB';
import type { HomeInput, HomeProvider, HomeSection } from '../home/section';
import { buddies, trustPeople, type TrustPeople } from './common';
import { APPROVE_ALL_VERB } from './leader';
import { MET_VERB } from './pairs';
import { tagsText } from './tags';

const ORDER = { own: 30, leader: 31 } as const;

function ownPairSection(pair: BuddyPair, personId: string, names: TrustPeople): HomeSection {
  const mentee = pair.menteeId === personId;
  const other = mentee ? pair.buddyId : pair.menteeId;
  const line = t(mentee ? 'home.buddy.yourBuddy' : 'home.buddy.buddying', {
    name: names.name(other),
    school: names.schoolName(other),
    until: formatDate(pair.endsOn ?? ''),
  });
  // Owed once the follow-up has asked "have you met?" and nobody has said so.
  const owed = pair.metAt === null && pair.followUp !== 'none';
  const blocks: Block[] = [
    { type: 'heading', text: t('home.buddy.heading') },
    { type: 'text', text: owed ? `${line}\n${t('home.buddy.haveYouMet')}` : line },
  ];
  if (owed) blocks.push({ type: 'buttons', buttons: [{ label: t('buddy.met'), verb: MET_VERB, data: { p: pair.id }, style: 'primary' }] });
  return { order: ORDER.own, needsYou: owed, blocks };
}

async function ownSections({ actor, deps }: HomeInput, pairs: BuddyPair[], names: () => Promise<TrustPeople>): Promise<HomeSection[]> {
  const mine = pairs.filter((p) => p.status === 'active' && (p.menteeId === actor.personId || p.buddyId === actor.personId));
  if (mine.length) {
    const people = await names();
    return mine.map((p) => ownPairSection(p, actor.personId, people));
  }
  const request = (await buddies(deps).repo.openRequests(actor.trustId)).find((r) => r.personId === actor.personId);
  if (!request) return [];
  return [
    {
      order: ORDER.own,
      needsYou: false,
      blocks: [
        { type: 'heading', text: t('home.buddy.heading') },
        { type: 'text', text: t('home.buddy.waiting', { needs: tagsText(request.needs) }) },
      ],
    },
  ];
}

async function leaderSection({ actor, deps }: HomeInput, pairs: BuddyPair[]): Promise<HomeSection[]> {
  if (!actor.roles.some((r) => r.role === 'send-leader' || r.role === 'admin')) return [];
  const proposed = pairs.filter((p) => p.status === 'proposed');
  // A request with a proposal waiting for approval is counted there, not as waiting.
  const pending = new Set(proposed.map((p) => p.requestId));
  const waiting = (await buddies(deps).repo.openRequests(actor.trustId)).filter((r) => !pending.has(r.id)).length;
  const notMet = pairs.filter((p) => p.status === 'active' && p.metAt === null).length;
  if (!waiting && !proposed.length && !notMet) return [];
  const blocks: Block[] = [
    { type: 'heading', text: t('home.buddies.heading') },
    { type: 'text', text: t('home.buddies.line', { waiting, notMet }) },
  ];
  if (proposed.length) {
    blocks.push(
      { type: 'text', text: t('home.buddies.proposed', { count: proposed.length }) },
      {
        type: 'buttons',
        buttons: [{ label: t('buddies.approveAll', { count: proposed.length }), verb: APPROVE_ALL_VERB, style: 'primary' }],
      },
    );
  }
  return [{ order: ORDER.leader, needsYou: proposed.length > 0, blocks }];
}

export const buddiesHomeSection: HomeProvider = {
  id: 'buddies',
  async sections(input) {
    const pairs = await buddies(input.deps).repo.pairs(input.actor.trustId, ['proposed', 'active']);
    let cached: TrustPeople | null = null;
    const names = async () => (cached ??= await trustPeople(input.deps, input.actor.trustId));
    return [...(await ownSections(input, pairs, names)), ...(await leaderSection(input, pairs))];
  },
};
