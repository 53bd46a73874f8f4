/** Helpers every feature's handlers share: replies, trust scoping, labels, notifying approvers. */
import { londonDate, formatDate } from '../../core/dates';
import type { OutboundMessage } from '../../core/message';
import { textMessage } from '../../core/message';
import type { Actor, Platform, Qualification, Role, SchoolPhase } from '../../core/model';
import type { Audience } from '../../core/permissions';
import type { AuditEntryInput } from '../../core/ports';
import { approversOf } from '../../core/roster/leaders';
import type { RosterServices } from '../../core/roster-port';
import { joinList, t, type MessageKey } from '../../i18n/en-GB';
import type { HandlerContext, Reply } from '../registry';

/** Who may change the roster: MAT SEND leaders and administrators. */
export const LEADERS: Audience = ['send-leader', 'admin'];
/** Who may read the whole trust: leaders, administrators and trust leaders. */
export const TRUST_READERS: Audience = ['send-leader', 'admin', 'trust-leader'];

export function roster(ctx: HandlerContext): RosterServices {
  return ctx.deps.roster;
}

export function say(key: MessageKey, params: Record<string, string | number> = {}): Reply {
  return [textMessage(t(key, params))];
}

/** The actor's trust; only called behind a 'linked' or role audience. */
export function trustId(ctx: HandlerContext): string {
  if (!ctx.actor.trustId) throw new Error('handler reached without a trust');
  return ctx.actor.trustId;
}

export function today(ctx: HandlerContext): string {
  return londonDate(ctx.deps.clock.now());
}

export function ukDate(date: Date | string): string {
  return formatDate(typeof date === 'string' ? date : londonDate(date));
}

/** A form or button value, trimmed; '' when absent. */
export function value(data: Record<string, string>, key: string): string {
  return (data[key] ?? '').trim();
}

export const ROLE_LABELS: Record<Role, string> = {
  senco: 'SENCO',
  'send-leader': 'MAT SEND leader',
  'trust-leader': 'trust leader',
  admin: 'administrator',
};
export const PHASE_LABELS: Record<SchoolPhase, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  'all-through': 'All-through',
  special: 'Special',
  'alternative-provision': 'Alternative provision',
  nursery: 'Maintained nursery',
};
export const PLATFORM_LABELS: Record<Platform, string> = { teams: 'Teams', slack: 'Slack' };

export function rolesText(roles: readonly Role[]): string {
  return joinList(roles.map((r) => ROLE_LABELS[r]));
}

export function qualificationText(q: Qualification | null): string {
  return t(`q.${q ?? 'none'}` as MessageKey);
}

export function isEmail(text: string): boolean {
  return /^[^@\s,;<>"]+@[^@\s,;<>"]+\.[^@\s,;<>"]+$/.test(text) && text.length <= 254;
}

export function entry(actor: Actor, action: string, subject: string | null, details?: Record<string, unknown>): AuditEntryInput {
  return { trustId: actor.trustId, actorId: actor.personId, action, subject, ...(details ? { details } : {}) };
}

/** Leaders and administrators of a trust, who approve requests (see src/core/roster/leaders.ts). */
export async function approverIds(ctx: HandlerContext, trust: string): Promise<string[]> {
  return approversOf(await roster(ctx).repo.listPeople(trust)).map((p) => p.id);
}

/**
 * Sends a message to the trust's leaders through the outbox; false when there is no outbox
 * or none of them can be reached (they then see it with `requests`).
 */
export async function notifyLeaders(
  ctx: HandlerContext,
  trust: string,
  key: string,
  message: OutboundMessage,
  except: string | null = null,
): Promise<boolean> {
  const notifier = roster(ctx).notifier;
  if (!notifier) return false;
  const leaders = (await approverIds(ctx, trust)).filter((id) => id !== except);
  if (leaders.length === 0) return false;
  const sent = await notifier.notify(trust, leaders, key, message);
  return sent.queued > 0;
}
