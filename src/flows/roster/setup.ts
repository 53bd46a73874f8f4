import type { Field, OutboundMessage } from '../../core/message';
import { textMessage } from '../../core/message';
import { setUpTrust, setupPermission } from '../../core/roster/setup-trust';
import { linkByDirectory } from '../../core/roster/link-directory';
import { t } from '../../i18n/en-GB';
import type { ActionHandler, Command, HandlerContext, Reply } from '../registry';
import { isEmail, PLATFORM_LABELS, roster, say, value } from '../shared/common';

/**
 * First-run set-up: with no trust yet, the first person is offered to set one up and becomes
 * its MAT SEND leader (in production only people in ADMIN_EMAILS). Later, installation
 * admins add further trusts, naming each one's leader.
 */
export async function setupOffer(ctx: HandlerContext): Promise<Reply> {
  const services = roster(ctx);
  const trusts = await services.repo.listTrusts();
  const permission = setupPermission(services.settings, trusts.length > 0, ctx.event.email, ctx.actor);
  if (permission === 'no-platform-email') return say('setup.noPlatformEmail', { platform: PLATFORM_LABELS[ctx.actor.platform] });
  if (permission === 'not-allowed') return say(trusts.length === 0 ? 'setup.notSetUp' : 'setup.notAllowed');
  return [setupForm(ctx, ctx.actor.personId === null)];
}

function setupForm(ctx: HandlerContext, self: boolean): OutboundMessage {
  const fields: Field[] = [{ kind: 'text', id: 'trustName', label: t('setup.trustName'), required: true }];
  if (self) {
    fields.push({ kind: 'text', id: 'name', label: t('setup.yourName'), value: ctx.event.userName ?? undefined, required: true });
    if (!ctx.event.email)
      fields.push({ kind: 'text', id: 'email', label: t('setup.yourEmail'), placeholder: 'name@trust.org.uk', required: true });
  } else {
    fields.push({ kind: 'text', id: 'name', label: t('setup.leaderName'), required: true });
    fields.push({ kind: 'text', id: 'email', label: t('setup.leaderEmail'), placeholder: 'name@trust.org.uk', required: true });
  }
  return {
    summary: t('setup.title'),
    blocks: [
      { type: 'heading', text: t('setup.title') },
      { type: 'text', text: t(self ? 'setup.intro' : 'setup.anotherIntro') },
      {
        type: 'form',
        fields,
        submit: { label: t('setup.submit'), verb: 'setup.submit', style: 'primary' },
        cancel: { label: t('import.cancel'), verb: 'form.cancel' },
      },
    ],
  };
}

export const setupCommand: Command = {
  id: 'setup',
  aliases: ['set up', 'trust add'],
  summary: 'Set up a trust (first run), or add another trust',
  examples: ['setup'],
  audience: 'anyone',
  dataRule: 'first trust: anyone locally, ADMIN_EMAILS in production; more trusts: ADMIN_EMAILS or admin',
  run: (ctx) => setupOffer(ctx),
};

export const setupSubmit: ActionHandler = {
  verb: 'setup.submit',
  audience: 'anyone',
  dataRule: 'as setup',
  async run(ctx, data) {
    const self = ctx.actor.personId === null;
    const trustName = value(data, 'trustName').slice(0, 200);
    const name = value(data, 'name').slice(0, 200);
    // The first-run card pressed again by the leader it just made: that trust exists and they
    // lead it, so say it is done instead of asking for a field the card never had.
    if (!self && ctx.actor.trustId && trustName) {
      const existing = await roster(ctx).repo.findTrustByName(trustName);
      if (existing?.id === ctx.actor.trustId) return say('setup.alreadyDone', { trust: existing.name });
    }
    const email = (self && ctx.event.email ? ctx.event.email : value(data, 'email')).toLowerCase();
    const missing = [!trustName && t('setup.trustName'), !name && t('setup.yourName'), !email && t('setup.yourEmail')].filter(Boolean);
    if (missing.length) return say('form.missing', { fields: missing.join(', ') });
    if (!isEmail(email)) return say('setup.badEmail', { email });
    const services = roster(ctx);
    const identity = await services.identities.find(ctx.actor.platform, ctx.actor.tenantId, ctx.actor.userId);
    const result = await setUpTrust(services, ctx.actor, ctx.event.email, {
      trustName,
      leaderName: name,
      leaderEmail: email,
      actorIsLeader: self,
      identityId: identity?.id ?? null,
    });
    if (!result.ok) {
      switch (result.error) {
        case 'duplicate-trust':
          return say('setup.duplicate', { trust: trustName });
        case 'already-linked':
          return say('setup.alreadyLinked');
        case 'no-platform-email':
          return say('setup.noPlatformEmail', { platform: PLATFORM_LABELS[ctx.actor.platform] });
        default:
          return say('setup.notAllowed');
      }
    }
    if (!self) await linkByDirectory({ ...services, logger: ctx.deps.logger }, result.value.trustId, [result.value.leaderId]);
    return [textMessage(t(self ? 'setup.done' : 'setup.anotherDone', { trust: trustName, leader: name }))];
  },
};

/** The generic "Cancel" on forms: nothing was saved, so there is nothing to undo. */
export const formCancel: ActionHandler = {
  verb: 'form.cancel',
  audience: 'anyone',
  run: async () => say('form.cancelled'),
};
