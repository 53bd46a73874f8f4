import { EXPENSIVE } from '../../core/rate-limit-port';
import { outboundFile, type OutboundMessage } from '../../core/message';
import { decideErasure, requestErasure } from '../../core/roster/erasure';
import { personalDataDocument } from '../../core/roster/personal-data';
import { t } from '../../i18n/en-GB';
import type { ActionHandler, Command } from '../registry';
import { LEADERS, notifyLeaders, PLATFORM_LABELS, roster, rolesText, say, trustId, ukDate, value } from '../shared/common';
import { requestMessage } from './join';

/**
 * `my data`: everything the bot holds about the person, as facts and as a JSON file to keep
 * (Slack: in the DM; Teams: saved to OneDrive after consent, or a short-lived link).
 */
export const myDataCommand: Command = {
  id: 'my data',
  aliases: ['mydata', 'my information'],
  summary: 'See everything I hold about you (as JSON)',
  examples: ['my data'],
  audience: 'linked',
  dataRule: 'oneself only',
  rateLimit: EXPENSIVE,
  async run(ctx) {
    const data = await roster(ctx).privacy.personalData(trustId(ctx), ctx.actor.personId!);
    if (!data) return say('notFound.item');
    const document = personalDataDocument(data, ctx.deps.clock.now());
    const p = data.person;
    const message: OutboundMessage = {
      summary: t('mydata.title'),
      blocks: [
        { type: 'heading', text: t('mydata.title') },
        { type: 'text', text: t('mydata.intro') },
        {
          type: 'facts',
          facts: [
            { label: t('person.col.name'), value: p.name },
            { label: t('person.col.email'), value: p.email ?? '-' },
            { label: t('person.col.role'), value: rolesText(p.roles.map((r) => r.role)) || '-' },
            { label: t('person.col.school'), value: data.schoolName ?? '-' },
            { label: t('mydata.accounts'), value: data.identities.map((i) => PLATFORM_LABELS[i.platform]).join(', ') || '-' },
            { label: t('mydata.auditCount'), value: String(data.auditEntriesAboutOrBy) },
          ],
        },
      ],
      files: [outboundFile('my-data.json', 'application/json', JSON.stringify(document, null, 2))],
    };
    return [message];
  },
};

export const eraseMeCommand: Command = {
  id: 'erase me',
  aliases: ['delete me', 'forget me'],
  summary: 'Ask for your personal data to be erased (a MAT SEND leader confirms)',
  examples: ['erase me'],
  audience: 'linked',
  dataRule: 'oneself only',
  async run() {
    const text = t('erase.confirm');
    return [
      {
        summary: text,
        blocks: [
          { type: 'text', text },
          {
            type: 'buttons',
            buttons: [
              { label: t('erase.yes'), verb: 'erase.request', style: 'danger' },
              { label: t('import.cancel'), verb: 'form.cancel' },
            ],
          },
        ],
      },
    ];
  },
};

export const privacyActions: ActionHandler[] = [
  {
    verb: 'erase.request',
    audience: 'linked',
    dataRule: 'oneself only (the button carries no id)',
    async run(ctx) {
      const result = await requestErasure(roster(ctx), ctx.actor);
      if (!result.ok) return say('notFound.item');
      if (!result.value.isNew) return say('erase.alreadyAsked', { date: ukDate(result.value.request.createdAt) });
      const message = await requestMessage(ctx, result.value.request);
      const told = await notifyLeaders(ctx, trustId(ctx), `erase-request:${result.value.request.id}`, message, ctx.actor.personId);
      return say(told ? 'erase.asked' : 'erase.askedNoNotify');
    },
  },
  {
    verb: 'erase.decide',
    audience: LEADERS,
    dataRule: "requests of own trust only; not one's own unless no other leader",
    async run(ctx, data) {
      const approve = value(data, 'decision') === 'approve';
      const result = await decideErasure(roster(ctx), ctx.actor, value(data, 'requestId'), approve);
      if (!result.ok) {
        if (result.error === 'already-decided') return say('join.decided');
        if (result.error === 'own-request') return say('erase.ownRequest');
        return say('notFound.item');
      }
      return say(approve ? 'erase.done' : 'erase.refused');
    },
  },
];
