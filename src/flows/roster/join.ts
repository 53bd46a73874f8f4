import type { Field, OutboundMessage } from '../../core/message';
import type { Role, Trust } from '../../core/model';
import { decideJoin, JOINABLE_ROLES, requestToJoin } from '../../core/roster/join';
import type { ApprovalRequest, IdentityRecord } from '../../core/roster-port';
import { t } from '../../i18n/en-GB';
import type { ActionHandler, Command, HandlerContext, Reply } from '../registry';
import { isEmail, LEADERS, notifyLeaders, PLATFORM_LABELS, ROLE_LABELS, roster, say, trustId, ukDate, value } from '../shared/common';
import { setupOffer } from './setup';

/**
 * Someone not on any roster: with no trust yet they are offered the set-up; otherwise asked
 * who they are, and a SEND leader approves them with one tap.
 */
export async function greet(ctx: HandlerContext): Promise<Reply> {
  const services = roster(ctx);
  const trusts = await services.repo.listTrusts();
  if (trusts.length === 0) return setupOffer(ctx);
  const identity = await services.identities.find(ctx.actor.platform, ctx.actor.tenantId, ctx.actor.userId);
  const pending = identity ? await services.approvals.pendingForIdentity(identity.id) : null;
  if (pending) {
    const trust = await services.repo.getTrust(pending.trustId);
    return say('join.pending', { trust: trust?.name ?? '', date: ukDate(pending.createdAt) });
  }
  return [await joinForm(ctx, await likelyTrust(ctx, trusts))];
}

/**
 * The trust a stranger most likely belongs to, without revealing other trusts: the one whose
 * people share their Teams tenant or Slack workspace, or the only trust there is.
 */
async function likelyTrust(ctx: HandlerContext, trusts: Trust[]): Promise<Trust | null> {
  const ofTenant = await roster(ctx).identities.trustsOfTenant(ctx.actor.platform, ctx.actor.tenantId);
  if (ofTenant.length === 1) return trusts.find((t) => t.id === ofTenant[0]) ?? null;
  if (ofTenant.length === 0 && trusts.length === 1) return trusts[0]!;
  return null;
}

async function joinForm(ctx: HandlerContext, trust: Trust | null): Promise<OutboundMessage> {
  const fields: Field[] = [{ kind: 'text', id: 'name', label: t('join.name'), value: ctx.event.userName ?? undefined, required: true }];
  if (!ctx.event.email)
    fields.push({ kind: 'text', id: 'email', label: t('join.email'), placeholder: 'name@school.sch.uk', required: true });
  if (trust) {
    const schools = await roster(ctx).repo.listSchools(trust.id);
    fields.push({
      kind: 'choice',
      id: 'school',
      label: t('join.school'),
      options: [{ label: t('join.trustWide'), value: 'none' }, ...schools.map((s) => ({ label: s.name, value: s.id }))],
    });
  } else {
    fields.push({ kind: 'text', id: 'trustName', label: t('join.trust'), required: true });
    fields.push({ kind: 'text', id: 'schoolName', label: t('join.schoolName') });
  }
  fields.push({
    kind: 'choice',
    id: 'role',
    label: t('join.role'),
    value: 'senco',
    options: JOINABLE_ROLES.map((r) => ({ label: ROLE_LABELS[r], value: r })),
    required: true,
  });
  return {
    summary: t('join.intro'),
    blocks: [
      { type: 'heading', text: t('join.title') },
      { type: 'text', text: t('join.intro') },
      {
        type: 'form',
        fields,
        submit: { label: t('join.submit'), verb: 'join.submit', style: 'primary' },
        cancel: { label: t('import.cancel'), verb: 'form.cancel' },
      },
    ],
  };
}

export const joinSubmit: ActionHandler = {
  verb: 'join.submit',
  audience: 'anyone',
  dataRule: 'people not on a roster; the trust is inferred, never taken from the button',
  async run(ctx, data) {
    if (ctx.actor.personId) return say('join.alreadyLinked');
    const services = roster(ctx);
    const trusts = await services.repo.listTrusts();
    let trust = await likelyTrust(ctx, trusts);
    let schoolId: string | null = null;
    if (trust) {
      const chosen = value(data, 'school');
      schoolId = chosen && chosen !== 'none' ? chosen : null;
    } else {
      const trustName = value(data, 'trustName');
      trust = trustName ? await services.repo.findTrustByName(trustName) : null;
      if (!trust) return say('join.unknownTrust', { trust: trustName });
      const schoolName = value(data, 'schoolName');
      if (schoolName) {
        const school = await services.repo.findSchoolByName(trust.id, schoolName);
        if (!school || school.archived) return say('join.unknownSchool', { trust: trust.name });
        schoolId = school.id;
      }
    }
    const name = value(data, 'name').slice(0, 200);
    const email = (ctx.event.email ?? value(data, 'email')).toLowerCase();
    const role = value(data, 'role') as Role;
    if (!name || !email)
      return say('form.missing', { fields: [!name && t('join.name'), !email && t('join.email')].filter(Boolean).join(', ') });
    if (!isEmail(email)) return say('person.badEmail', { email });
    const result = await requestToJoin(services, ctx.actor, trust.id, {
      name,
      email,
      schoolId,
      role: JOINABLE_ROLES.includes(role) ? role : 'senco',
    });
    if (!result.ok) {
      switch (result.error) {
        case 'already-linked':
          return say('join.alreadyLinked');
        case 'already-pending':
          return greet(ctx);
        case 'school-required':
          return say('join.schoolRequired');
        default:
          return say('join.unknownSchool', { trust: trust.name });
      }
    }
    const message = await requestMessage(ctx, result.value);
    const told = await notifyLeaders(ctx, trust.id, `join-request:${result.value.id}`, message);
    return say(told ? 'join.sent' : 'join.sentNoNotify', { trust: trust.name });
  },
};

/** The one-tap card a leader gets for a join or erasure request. */
export async function requestMessage(ctx: HandlerContext, request: ApprovalRequest): Promise<OutboundMessage> {
  const services = roster(ctx);
  if (request.kind === 'erase') {
    const person = request.personId ? await services.repo.getPerson(request.trustId, request.personId) : null;
    const text = t('requests.eraseAsk', { name: person?.name ?? '?', date: ukDate(request.createdAt) });
    return {
      summary: text,
      blocks: [
        { type: 'text', text },
        {
          type: 'buttons',
          buttons: [
            { label: t('erase.approve'), verb: 'erase.decide', data: { requestId: request.id, decision: 'approve' }, style: 'danger' },
            { label: t('erase.keep'), verb: 'erase.decide', data: { requestId: request.id, decision: 'reject' } },
          ],
        },
      ],
    };
  }
  const details = request.details!;
  const [trust, school, identity] = await Promise.all([
    services.repo.getTrust(request.trustId),
    details.schoolId ? services.repo.getSchool(request.trustId, details.schoolId) : null,
    request.identityId ? services.identities.getById(request.identityId) : null,
  ]);
  const existing = details.email ? await services.repo.findPersonByEmail(request.trustId, details.email) : null;
  const text = t('join.ask', {
    name: details.name,
    trust: trust?.name ?? '',
    role: ROLE_LABELS[details.role],
    school: school ? t('join.askSchool', { school: school.name }) : '',
  });
  return {
    summary: text,
    blocks: [
      { type: 'text', text },
      { type: 'facts', facts: [{ label: t('join.requesterEmail'), value: emailFact(details.email, identity) }] },
      ...(existing && identity
        ? [{ type: 'text' as const, text: t('join.linksExisting', { platform: PLATFORM_LABELS[identity.platform], name: existing.name }) }]
        : []),
      {
        type: 'buttons',
        buttons: [
          { label: t('join.approve'), verb: 'join.decide', data: { requestId: request.id, decision: 'approve' }, style: 'primary' },
          { label: t('join.reject'), verb: 'join.decide', data: { requestId: request.id, decision: 'reject' } },
        ],
      },
    ],
  };
}

/** Says whether the platform vouched for the email, so the leader knows what they approve. */
function emailFact(email: string | null, identity: IdentityRecord | null): string {
  if (!email) return t('join.noEmail');
  if (identity?.email === email) return t('join.emailFromPlatform', { email, platform: PLATFORM_LABELS[identity.platform] });
  return t('join.emailTyped', { email });
}

export const joinDecide: ActionHandler = {
  verb: 'join.decide',
  audience: LEADERS,
  dataRule: 'requests of own trust only',
  async run(ctx, data) {
    const approve = value(data, 'decision') === 'approve';
    const result = await decideJoin(roster(ctx), ctx.actor, value(data, 'requestId'), approve);
    if (!result.ok) {
      switch (result.error) {
        case 'already-decided':
          return say('join.decided');
        case 'identity-gone':
          return say('join.identityGone');
        case 'archived':
          return say('join.archived');
        case 'conflict':
          return say('conflict');
        default:
          return say('notFound.item');
      }
    }
    const person = result.value.person;
    if (!person) return say('join.rejected');
    const trust = await roster(ctx).repo.getTrust(trustId(ctx));
    await roster(ctx).notifier?.notify(trustId(ctx), [person.id], `join-welcome:${result.value.request.id}`, {
      summary: t('join.welcome', { trust: trust?.name ?? '', name: person.name }),
      blocks: [{ type: 'text', text: t('join.welcome', { trust: trust?.name ?? '', name: person.name }) }],
    });
    const identity = result.value.request.identityId ? await roster(ctx).identities.getById(result.value.request.identityId) : null;
    return say('join.approved', { name: person.name, platform: identity ? PLATFORM_LABELS[identity.platform] : '' });
  },
};

export const requestsCommand: Command = {
  id: 'requests',
  aliases: ['approvals'],
  summary: 'See join and erasure requests waiting for you',
  examples: ['requests'],
  audience: LEADERS,
  dataRule: 'own trust',
  async run(ctx) {
    const pending = await roster(ctx).approvals.pending(trustId(ctx));
    if (pending.length === 0) return say('requests.none');
    const messages = [];
    for (const request of pending) messages.push(await requestMessage(ctx, request));
    return [{ summary: t('requests.title'), blocks: [{ type: 'heading', text: t('requests.title') }] }, ...messages];
  },
};
