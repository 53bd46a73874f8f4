import { randomUUID } from 'node:crypto';
import { PrismaRosterRepo } from '../../src/db/roster-repo';
import { chatUser, type ChatUser } from './chat';
import type { Harness } from './harness';
import { linkAccounts } from './roster-seed';

/** School names a large trust really has, with the characters chat platforms read as markup. */
export const TRICKY_SCHOOLS = ['St Mary & St Joseph <RC> Primary', 'Under_score *Star* Academy', 'Tilde ~Two~ `Tick` School'];

export interface LargeTrust {
  trustId: string;
  schools: Array<{ id: string; name: string }>;
  leader: ChatUser;
  senco: ChatUser;
}

/**
 * A generated trust of `schools` schools and `people` people (a SENCO per school, the rest
 * staff spread over the schools, one MAT SEND leader), written straight to the database.
 * Only the leader and the first school's SENCO have chat accounts, as in a trust mid-rollout.
 */
export async function seedLargeTrust(h: Harness, schools = 120, people = 600): Promise<LargeTrust> {
  const trustId = randomUUID();
  const names = Array.from(
    { length: schools },
    (_, i) => TRICKY_SCHOOLS[i] ?? `${WORDS[i % WORDS.length]} ${KINDS[i % KINDS.length]} ${i + 1}`,
  );
  const schoolRows = names.map((name) => ({ id: randomUUID(), name }));
  const leader = chatUser(h, 'Rachel Turner', 'rachel@large.org.uk');
  const senco = chatUser(h, 'Amira Shah', 'amira@large.org.uk');
  const personRows = Array.from({ length: people }, (_, i) => {
    const school = i === 0 ? null : schoolRows[(i - 1) % schools]!;
    // SENCOs at the first few schools only: the rest show as "no SENCO" and a round stays quick to open in tests.
    const role = i === 0 ? 'send-leader' : i <= SENCO_SCHOOLS ? 'senco' : 'trust-leader';
    const name = i === 0 ? leader.name : i === 1 ? senco.name : `Person ${i} ${WORDS[i % WORDS.length]}`;
    const email = i === 0 ? leader.email : i === 1 ? senco.email : `person${i}@large.org.uk`;
    return { id: randomUUID(), name, email, school, role: role as 'send-leader' | 'senco' | 'trust-leader' };
  });
  const written = await new PrismaRosterRepo(h.db.prisma, h.bot.deps.clock).write(trustId, {
    trust: { id: trustId, name: 'Large & <Learning> Trust' },
    schools: schoolRows.map((s) => ({
      id: s.id,
      trustId,
      name: s.name,
      phase: 'primary',
      localAuthority: 'Leeds',
      region: 'Yorkshire and the Humber',
      hasResourceBase: false,
      archived: false,
    })),
    people: personRows.map((p) => ({
      id: p.id,
      trustId,
      name: p.name,
      email: p.email,
      schoolId: p.role === 'trust-leader' || p.role === 'send-leader' ? null : p.school!.id,
      roles: [{ role: p.role, schoolId: p.role === 'senco' ? p.school!.id : null }],
      preferredPlatform: null,
      archived: false,
      profile: {
        appointedOn: null,
        priorSencoMonths: null,
        qualification: null,
        qualificationStartedOn: null,
        qualificationCompletedOn: null,
        tags: [],
      },
    })),
    audit: [],
  });
  if (!written.ok) throw new Error(written.error);
  await linkAccounts(h, leader, personRows[0]!.id);
  await linkAccounts(h, senco, personRows[1]!.id);
  return { trustId, schools: schoolRows, leader, senco };
}

const SENCO_SCHOOLS = 8;
const WORDS = [
  'Oakfield',
  'Ashgrove',
  'Birchwood',
  'Cedar Park',
  'Elmhurst',
  'Hazelmere',
  'Larchwood',
  'Maple Leaf',
  'Rowan',
  'Willow Bank',
];
const KINDS = ['Primary', 'Academy', 'Church of England Primary', 'Community School', 'Infant and Nursery'];
