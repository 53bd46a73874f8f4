import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { personErasers } from '../../../src/db/erasers';

/**
 * Columns that look like they hold a person id. A new feature's column matching any of these
 * must be named by an eraser (src/db/erasers/), so erasure cannot forget it. Extend the list
 * when a new naming habit appears.
 */
const PERSON_COLUMN = [
  /^personIds?$/,
  /^(mentee|buddy|leader|actor|presenter|senco|sender|recipient|member|author|owner|subject)(Id|Ids)?$/i,
  /(Person|Presenter|Mentee|Buddy|Leader|Author|Member|Recipient)Ids?$/,
  /By(Id)?$/, // createdBy, decidedById, proposedBy, answeredBy, grantedBy, postedBy, setBy ...
  /^sencoIds$/,
];
/** Models whose columns are the person themselves (their own row, emptied by privacy-repo). */
const NOT_ABOUT_A_PERSON = new Set(['Person']);
/** Columns the pattern matches that hold no person id (say what they hold). */
const NOT_A_PERSON_ID = new Set([
  'CheckinAnswer.followUpBy', // a date
  'JobRun.claimedBy', // a replica
  'OutboxMessage.lockedBy', // a replica
]);

function personColumns(schema: string): string[] {
  const found: string[] = [];
  for (const model of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, name, body] = model;
    if (!name || !body || NOT_ABOUT_A_PERSON.has(name)) continue;
    for (const line of body.split('\n')) {
      const field = /^\s+(\w+)\s+(\w+)(\[\])?\??/.exec(line);
      if (!field || !field[1] || !field[2] || !/^(String|Json)$/.test(field[2])) continue;
      const column = `${name}.${field[1]}`;
      if (!NOT_A_PERSON_ID.has(column) && PERSON_COLUMN.some((re) => re.test(field[1]!))) found.push(column);
    }
  }
  return found.sort();
}

const schema = readFileSync(join(__dirname, '../../../prisma/schema.prisma'), 'utf8');
const covered = new Map(personErasers.flatMap((e) => Object.keys(e.columns).map((c) => [c, e.feature] as const)));

describe('person erasers cover the schema', () => {
  it('finds the person-id columns it should (the pattern works)', () => {
    const columns = personColumns(schema);
    expect(columns).toEqual(
      expect.arrayContaining([
        'RoleAssignment.personId',
        'AgendaTopic.proposedBy',
        'MeetingAgenda.strengthPresenterId',
        'BuddyPair.menteeId',
        'BuddyPair.buddyId',
        'SelfEvalAnswer.answeredBy',
        'BulletinSender.grantedBy',
        'AuditEntry.subject',
      ]),
    );
    expect(columns).not.toContain('Person.id');
    expect(personColumns('model NewThing {\n  id String @id\n  reviewerPersonId String?\n  hostId String\n  sharedBy String\n}\n')).toEqual(
      ['NewThing.reviewerPersonId', 'NewThing.sharedBy'],
    );
  });

  it('has an eraser naming every person-id column in prisma/schema.prisma', () => {
    const missing = personColumns(schema).filter((c) => !covered.has(c));
    // A failure here: add the column to your feature's eraser in src/db/erasers/ (what erasure
    // does to it), and write it in docs/data-and-privacy.md.
    expect(missing).toEqual([]);
  });

  it('names only columns that exist, each in one eraser', () => {
    const all = personErasers.flatMap((e) => Object.keys(e.columns));
    const exists = (c: string) => {
      const [model, column] = c.split('.');
      const body = new RegExp(`^model\\s+${model}\\s*\\{([\\s\\S]*?)^\\}`, 'm').exec(schema)?.[1] ?? '';
      return new RegExp(`^\\s+${column}\\s`, 'm').test(body);
    };
    expect(all.filter((c) => !exists(c))).toEqual([]);
    expect(all.length).toBe(new Set(all).size);
    expect(new Set(personErasers.map((e) => e.feature)).size).toBe(personErasers.length);
  });
});
