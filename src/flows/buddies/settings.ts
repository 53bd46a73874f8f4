/**
 * The SEND leader's buddying settings: auto-approve for the trust (`buddies auto-approve
 * on|off`), and marking someone new to the role (`buddy new <name or email>`), which offers
 * them a buddy at once (the same keyed offer the daily job sends, so never twice).
 */
import { textMessage } from '../../core/message';
import { hasRole } from '../../core/model';
import { t } from '../../i18n/en-GB';
import { forLinked } from '../linked';
import type { Command } from '../registry';
import { findPerson } from '../roster/people';
import { LEADERS, say } from '../shared/common';
import { buddies } from './common';
import { offerBuddy } from './follow-up';

export const buddiesAutoApproveCommand: Command = {
  id: 'buddies auto-approve',
  aliases: ['buddies auto'],
  summary: 'Approve buddy proposals straight away (on), or approve each yourself (off)',
  usage: 'buddies auto-approve on|off',
  examples: ['buddies auto-approve on', 'buddies auto-approve off'],
  audience: LEADERS,
  dataRule: "own trust's settings only",
  run: forLinked(async (ctx, args) => {
    const { trustId, personId } = ctx.actor;
    const repo = buddies(ctx.deps).repo;
    const word = args.trim().toLowerCase();
    if (word !== 'on' && word !== 'off') {
      const current = await repo.trustSettings(trustId);
      return [...say(current.autoApprove ? 'buddies.auto.on' : 'buddies.auto.off'), ...say('buddies.auto.usage')];
    }
    await repo.saveTrustSettings(trustId, { autoApprove: word === 'on' }, personId, ctx.deps.clock.now());
    await ctx.deps.audit.record({ trustId, actorId: personId, action: 'buddies.autoApprove', details: { on: word === 'on' } });
    return say(word === 'on' ? 'buddies.auto.on' : 'buddies.auto.off');
  }),
};

export const buddyNewCommand: Command = {
  id: 'buddy new',
  aliases: [],
  summary: 'Mark a SENCO as new to the role: they are offered a buddy',
  usage: 'buddy new <name or email>',
  examples: ['buddy new nia.newton@oak.org.uk', 'buddy new Nia Newton'],
  audience: LEADERS,
  dataRule: "own trust's people only",
  run: forLinked(async (ctx, args) => {
    const { trustId, personId } = ctx.actor;
    const typed = args.trim();
    if (!typed) return say('buddy.new.usage');
    const person = await findPerson(ctx, typed, false);
    if (!person) return say('buddy.new.notFound', { name: typed.slice(0, 80) });
    if (!hasRole(person, 'senco')) return say('buddy.new.notSenco', { name: person.name });
    const repo = buddies(ctx.deps).repo;
    const marked = await repo.markNew(trustId, person.id, personId, ctx.deps.clock.now());
    const [settings, requests, pairs] = await Promise.all([
      repo.settings(trustId, person.id),
      repo.openRequests(trustId),
      repo.pairs(trustId, ['proposed', 'active']),
    ]);
    const busy = settings?.optedOut || requests.some((r) => r.personId === person.id) || pairs.some((p) => p.menteeId === person.id);
    const offered = !busy && (await offerBuddy(ctx.deps, trustId, person.id));
    const text = `${t(marked ? 'buddy.new.done' : 'buddy.new.already', { name: person.name })} ${t(offered ? 'buddy.new.offered' : 'buddy.new.notOffered')}`;
    return [textMessage(text)];
  }),
};
