import { textMessage } from '../../core/message';
import { t } from '../../i18n/en-GB';
import type { HandlerContext } from '../registry';
import { roster, trustId } from '../shared/common';

/**
 * A leader tried to add an email that a live person of another trust already holds (one
 * trust per email, so a chat account links to one person). The holding trust's admins (or,
 * without one, its SEND leaders) are asked to resolve it, and the person is told. Each once
 * per pair of trusts, however often the form is sent.
 */
export async function referEmailClaim(ctx: HandlerContext, email: string): Promise<void> {
  const services = roster(ctx);
  const holder = services.repo.emailHolder ? await services.repo.emailHolder(email) : null;
  if (!holder || !services.notifier) return;
  const claimant = trustId(ctx);
  const [trust, people] = await Promise.all([services.repo.getTrust(claimant), services.repo.listPeople(holder.trustId)]);
  const admins = people.filter((p) => p.roles.some((r) => r.role === 'admin'));
  const resolvers = (admins.length ? admins : people.filter((p) => p.roles.some((r) => r.role === 'send-leader'))).map((p) => p.id);
  const params = { trust: trust?.name ?? claimant, email };
  const key = `email-claim:${holder.personId}:${claimant}`;
  if (resolvers.length)
    await services.notifier.notify(holder.trustId, resolvers, `${key}:admins`, textMessage(t('emailClaim.admins', params)));
  await services.notifier.notify(holder.trustId, [holder.personId], `${key}:person`, textMessage(t('emailClaim.person', params)));
}
