import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '../model';
import { fail, ok, type Result } from '../result';
import type { RosterRepo, RosterSettings } from '../roster-port';

export interface SetupInput {
  trustName: string;
  leaderName: string;
  /** The leader's email: typed, or the actor's own from the platform. */
  leaderEmail: string | null;
  /** Link the actor's own chat identity to the new leader (first run: they are the leader). */
  actorIsLeader: boolean;
  /** The actor's chat identity id, when linking it. */
  identityId: string | null;
}

export type SetupError = 'not-allowed' | 'no-platform-email' | 'duplicate-trust' | 'already-linked';

/**
 * Who may set up a trust. In production only people in ADMIN_EMAILS, judged by the email
 * their chat platform reports (a typed email proves nothing). Locally the first trust is
 * open to anyone trying the bot; further trusts need ADMIN_EMAILS or the admin role.
 */
export function setupPermission(
  settings: RosterSettings,
  trustsExist: boolean,
  platformEmail: string | null,
  actor: Pick<Actor, 'roles'>,
): 'allowed' | 'not-allowed' | 'no-platform-email' {
  const listed = platformEmail !== null && settings.adminEmails.includes(platformEmail.trim().toLowerCase());
  if (settings.mode === 'production') {
    if (listed) return 'allowed';
    return platformEmail === null ? 'no-platform-email' : 'not-allowed';
  }
  if (!trustsExist || listed || actor.roles.some((r) => r.role === 'admin')) return 'allowed';
  return 'not-allowed';
}

/** Creates a trust with its MAT SEND leader; on first run the leader is the person asking. */
export async function setUpTrust(
  ports: { repo: RosterRepo; settings: RosterSettings },
  actor: Actor,
  platformEmail: string | null,
  input: SetupInput,
): Promise<Result<{ trustId: string; leaderId: string }, SetupError>> {
  const trusts = await ports.repo.listTrusts();
  const permission = setupPermission(ports.settings, trusts.length > 0, platformEmail, actor);
  if (permission !== 'allowed') return fail(permission);
  if (input.actorIsLeader && actor.personId !== null) return fail('already-linked');
  const trustId = randomUUID();
  const leaderId = randomUUID();
  const email = input.leaderEmail?.trim().toLowerCase() || null;
  // The person who sets up the first trust, or anyone in ADMIN_EMAILS, also administers it.
  const admin = email !== null && (ports.settings.adminEmails.includes(email) || (trusts.length === 0 && ports.settings.mode === 'local'));
  const roles: Role[] = admin ? ['send-leader', 'admin'] : ['send-leader'];
  const by = { personId: actor.personId, trustId };
  const written = await ports.repo.write(trustId, {
    // Judged "first" outside the transaction; the repository re-checks it under its lock, so
    // twenty people setting up at once make one trust and one admin.
    trust: { id: trustId, name: input.trustName.trim(), onlyIfFirst: trusts.length === 0 },
    people: [
      {
        id: leaderId,
        trustId,
        name: input.leaderName.trim(),
        email,
        schoolId: null,
        roles: roles.map((role) => ({ role, schoolId: null })),
        preferredPlatform: input.actorIsLeader ? actor.platform : null,
        profile: {
          appointedOn: null,
          priorSencoMonths: null,
          qualification: null,
          qualificationStartedOn: null,
          qualificationCompletedOn: null,
          tags: [],
        },
        archived: false,
      },
    ],
    links: input.actorIsLeader && input.identityId ? [{ identityId: input.identityId, personId: leaderId }] : [],
    linkByEmail: !input.actorIsLeader,
    audit: [
      {
        trustId,
        actorId: input.actorIsLeader ? leaderId : by.personId,
        action: 'trust.create',
        subject: trustId,
        details: { firstTrust: trusts.length === 0 },
      },
      { trustId, actorId: input.actorIsLeader ? leaderId : by.personId, action: 'person.add', subject: leaderId, details: { roles } },
    ],
  });
  if (!written.ok) return fail(written.error === 'duplicate-trust' ? 'duplicate-trust' : 'not-allowed', written.error);
  return ok({ trustId, leaderId });
}
