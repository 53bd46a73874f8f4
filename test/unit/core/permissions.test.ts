import type { Actor } from '../../../src/core/model';
import {
  canEditProfile,
  canReadPerson,
  canReadSchool,
  isAllowed,
  isLeader,
  isOtherSchool,
  readsWholeTrust,
} from '../../../src/core/permissions';

const actor = (roles: Actor['roles'], personId: string | null = 'me'): Pick<Actor, 'roles' | 'personId'> => ({ personId, roles });
const senco = actor([{ role: 'senco', schoolId: 'oak' }]);
const leader = actor([{ role: 'send-leader', schoolId: null }]);
const trustLeader = actor([{ role: 'trust-leader', schoolId: null }]);
const admin = actor([{ role: 'admin', schoolId: null }]);
const stranger = actor([], null);

describe('permissions', () => {
  it('checks audiences: admins may do what SEND leaders may', () => {
    expect(isAllowed(stranger, 'anyone')).toBe(true);
    expect(isAllowed(stranger, 'linked')).toBe(false);
    expect(isAllowed(senco, 'linked')).toBe(true);
    expect(isAllowed(senco, ['send-leader'])).toBe(false);
    expect(isAllowed(admin, ['send-leader'])).toBe(true);
    expect(isAllowed(leader, ['admin'])).toBe(false);
    expect(isAllowed(trustLeader, ['send-leader'])).toBe(false);
  });

  it('lets leaders change the roster and whole-trust roles read it', () => {
    expect([senco, leader, trustLeader, admin, stranger].map(isLeader)).toEqual([false, true, false, true, false]);
    expect([senco, leader, trustLeader, admin, stranger].map(readsWholeTrust)).toEqual([false, true, true, true, false]);
  });

  it('limits a SENCO to their own school', () => {
    expect(canReadSchool(senco, 'oak')).toBe(true);
    expect(canReadSchool(senco, 'ash')).toBe(false);
    expect(canReadSchool(trustLeader, 'ash')).toBe(true);
    expect(canReadPerson(senco, { id: 'me', schoolId: null })).toBe(true);
    expect(canReadPerson(senco, { id: 'x', schoolId: 'oak' })).toBe(true);
    expect(canReadPerson(senco, { id: 'x', schoolId: 'ash' })).toBe(false);
    expect(canReadPerson(stranger, { id: 'x', schoolId: 'oak' })).toBe(false);
    expect(isOtherSchool(senco, 'oak')).toBe(false);
    expect(isOtherSchool(leader, 'oak')).toBe(true);
  });

  it("lets a person edit their own profile, and leaders anyone's", () => {
    expect(canEditProfile(senco, 'me')).toBe(true);
    expect(canEditProfile(senco, 'other')).toBe(false);
    expect(canEditProfile(trustLeader, 'other')).toBe(false);
    expect(canEditProfile(leader, 'other')).toBe(true);
  });
});
