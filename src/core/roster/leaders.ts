/**
 * Two different "leaders", named apart (they used to share one name):
 * - `sendLeadersOf`: the trust's current MAT SEND leaders, who own check-ins and read summaries;
 * - `approversOf`: who decides requests (join, erasure): SEND leaders and administrators.
 */
import type { Person } from '../model';

export function sendLeadersOf(people: readonly Person[]): Person[] {
  return people.filter((p) => !p.archived && p.roles.some((r) => r.role === 'send-leader'));
}

export function approversOf(people: readonly Person[]): Person[] {
  return people.filter((p) => p.roles.some((r) => r.role === 'send-leader' || r.role === 'admin'));
}
