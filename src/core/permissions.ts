import type { Actor, Role } from './model';

/**
 * Who may use a command or action. 'anyone' includes people not yet on the roster (help,
 * first-run set-up); 'linked' means any person on a trust's roster; a role list means any of
 * those roles. Admins may do everything a SEND leader may. Checked on the server for every
 * command and every card action, whatever a button claimed.
 */
export type Audience = 'anyone' | 'linked' | readonly Role[];

export function isAllowed(actor: Pick<Actor, 'roles' | 'personId'>, audience: Audience): boolean {
  if (audience === 'anyone') return true;
  if (actor.personId === null) return false;
  if (audience === 'linked') return true;
  return actor.roles.some((grant) => audience.includes(grant.role) || (grant.role === 'admin' && audience.includes('send-leader')));
}
