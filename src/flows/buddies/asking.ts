/**
 * Asking for a buddy, offering to be one, and opting out (issue 12). Anyone on the roster can
 * ask; one open request per person is kept by the repository, so asking twice changes nothing.
 */
import type { BuddyTag } from '../../core/buddies/model';
import type { OutboundMessage } from '../../core/message';
import { t } from '../../i18n/en-GB';
import { forLinked, type LinkedContext } from '../linked';
import type { ActionHandler, Command, Reply } from '../registry';
import { say, value } from '../shared/common';
import { buddies, trustPeople } from './common';
import { tagOptions, tagsIn, tagsText, KNOWN_TAGS } from './tags';
import { tagLabel } from '../../i18n/buddies';

export const ASK_VERB = 'buddy.ask';

/** The "ask for a buddy" card; `welcome` words it as the offer made to a new SENCO. */
export function askCard(welcome: boolean): OutboundMessage {
  const intro = t(welcome ? 'buddy.ask.newIntro' : 'buddy.ask.intro');
  return {
    summary: t('buddy.ask.title'),
    blocks: [
      { type: 'heading', text: t('buddy.ask.title') },
      { type: 'text', text: intro },
      {
        type: 'form',
        fields: [
          { kind: 'choice', id: 'first', label: t('buddy.ask.first'), options: tagOptions(), required: true },
          { kind: 'choice', id: 'second', label: t('buddy.ask.second'), options: tagOptions() },
          {
            kind: 'choice',
            id: 'specialist',
            label: t('buddy.ask.specialist'),
            options: [
              { label: t('buddy.ask.specialistNo'), value: 'no' },
              { label: t('buddy.ask.specialistYes'), value: 'yes' },
            ],
            value: 'no',
          },
        ],
        submit: { label: t('buddy.ask.submit'), verb: ASK_VERB, style: 'primary' },
      },
    ],
  };
}

async function ask(ctx: LinkedContext, needs: BuddyTag[], wantsSpecialist: boolean): Promise<Reply> {
  if (needs.length === 0) return say('buddy.ask.none');
  const { trustId, personId } = ctx.actor;
  const repo = buddies(ctx.deps).repo;
  const active = (await repo.pairs(trustId, ['active'])).find((p) => p.menteeId === personId);
  if (active) return say('buddy.ask.active', { name: (await trustPeople(ctx.deps, trustId)).name(active.buddyId) });
  const settings = await repo.settings(trustId, personId);
  const replies: Reply = [];
  if (settings?.optedOut) {
    await repo.saveSettings(trustId, { ...settings, optedOut: false }, ctx.deps.clock.now());
    replies.push(...say('buddy.ask.optedOut'));
  }
  const { request, created } = await repo.openRequest(trustId, { personId, needs, wantsSpecialist }, ctx.deps.clock.now());
  replies.push(...say(created ? 'buddy.ask.done' : 'buddy.ask.already', { needs: tagsText(request.needs) }));
  return replies;
}

export const buddyCommand: Command = {
  id: 'buddy',
  aliases: ['buddy request'],
  summary: 'Ask for a buddy: an experienced SENCO in another school',
  usage: 'buddy [what you would like help with]',
  examples: ['buddy', 'buddy EHCP applications, SEMH'],
  audience: 'linked',
  dataRule: 'own request only',
  run: forLinked(async (ctx, args) => {
    if (!args) return [askCard(false)];
    return ask(ctx, tagsIn(args), /\b(special|ap|alternative provision)\b/i.test(args));
  }),
};

export const askAction: ActionHandler = {
  verb: ASK_VERB,
  audience: 'linked',
  dataRule: 'own request only',
  run: forLinked(async (ctx, data) => {
    const picked = [value(data, 'first'), value(data, 'second')].filter((tag) => KNOWN_TAGS.includes(tag));
    return ask(ctx, [...new Set(picked)], value(data, 'specialist') === 'yes');
  }),
};

export const buddyOfferCommand: Command = {
  id: 'buddy offer',
  aliases: [],
  summary: 'Offer to buddy newer SENCOs: how many at once, and what you are strong in',
  usage: 'buddy offer <1-4> [strengths]',
  examples: ['buddy offer 2 EHCP applications, SEMH'],
  audience: 'linked',
  dataRule: 'own settings only',
  run: forLinked(async (ctx, args) => {
    if (!args) return say('buddy.offer.usage', { tags: KNOWN_TAGS.map(tagLabel).join(', ') });
    const match = /^(\d+)\b(.*)$/s.exec(args.trim());
    const capacity = match ? Number(match[1]) : NaN;
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 4) return say('buddy.offer.badCapacity');
    const strengths = tagsIn(match![2] ?? '');
    const { trustId, personId } = ctx.actor;
    await buddies(ctx.deps).repo.saveSettings(
      trustId,
      { personId, available: true, optedOut: false, capacity, strengths },
      ctx.deps.clock.now(),
    );
    return say('buddy.offer.done', { capacity, strengths: strengths.length ? tagsText(strengths) : t('buddy.offer.noStrengths') });
  }),
};

export const buddyStopCommand: Command = {
  id: 'buddy stop',
  aliases: ['buddy opt out'],
  summary: 'Opt out of buddying: withdraw your request and your offer',
  examples: ['buddy stop'],
  audience: 'linked',
  dataRule: 'own settings only',
  run: forLinked(async (ctx) => {
    const { trustId, personId } = ctx.actor;
    const repo = buddies(ctx.deps).repo;
    const now = ctx.deps.clock.now();
    const current = await repo.settings(trustId, personId);
    await repo.saveSettings(
      trustId,
      { personId, available: false, optedOut: true, capacity: current?.capacity ?? 1, strengths: current?.strengths ?? [] },
      now,
    );
    for (const request of await repo.openRequests(trustId)) {
      if (request.personId === personId) await repo.withdrawRequest(trustId, request.id, now);
    }
    const active = (await repo.pairs(trustId, ['active'])).filter((p) => p.menteeId === personId || p.buddyId === personId);
    const text = t('buddy.stop.done');
    if (active.length === 0) return say('buddy.stop.done');
    const names = await trustPeople(ctx.deps, trustId);
    const others = active.map((p) => names.name(p.menteeId === personId ? p.buddyId : p.menteeId));
    return [{ summary: text, blocks: [{ type: 'text', text: text + t('buddy.stop.withActive', { names: others.join(', ') }) }] }];
  }),
};
