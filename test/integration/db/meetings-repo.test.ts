import ICAL from 'ical.js';
import { cancelOccurrence, rescheduleOccurrence } from '../../../src/core/meetings/changes';
import type { NewOccurrence, NewSeries } from '../../../src/core/meetings-port';
import { PrismaMeetingsRepo } from '../../../src/db/meetings-repo';
import { feedForToken } from '../../../src/meetings/feed';
import { hashFeedToken, newFeedToken } from '../../../src/meetings/feed-token';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases';

const at = new Date('2026-09-10T09:00:00Z');

function newSeries(trustId: string, schoolIds: string[], leaderId: string): NewSeries {
  return {
    trustId,
    title: 'SENCO network',
    perTerm: 1,
    weekday: 2,
    time: '15:45',
    durationMinutes: 90,
    mode: 'hybrid',
    venue: 'Oak Academy',
    joinUrl: 'https://teams.example/join/1',
    schoolIds,
    leaderId,
    yearLabel: '2026-27',
  };
}

const occurrences: NewOccurrence[] = [
  {
    key: '2026-27/spring/1',
    date: '2027-02-02',
    time: '15:45',
    durationMinutes: 90,
    startsAt: new Date('2027-02-02T15:45:00Z'),
    endsAt: new Date('2027-02-02T17:15:00Z'),
    schoolsOff: [],
  },
  {
    key: '2026-27/autumn/1',
    date: '2026-10-13',
    time: '15:45',
    durationMinutes: 90,
    startsAt: new Date('2026-10-13T14:45:00Z'),
    endsAt: new Date('2026-10-13T16:15:00Z'),
    schoolsOff: ['s2'],
  },
];

describe.each(databaseKinds)('PrismaMeetingsRepo on %s', (kind) => {
  let db: TestDatabase;
  let repo: PrismaMeetingsRepo;
  let trustId: string;
  let otherTrustId: string;
  let schoolId: string;
  let sencoId: string;
  let outsiderId: string;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    repo = new PrismaMeetingsRepo(db.prisma);
    const trust = await db.prisma.trust.create({ data: { name: 'Oak Trust' } });
    const other = await db.prisma.trust.create({ data: { name: 'Elm Trust' } });
    trustId = trust.id;
    otherTrustId = other.id;
    const school = await db.prisma.school.create({ data: { trustId, name: 'Oak Primary', phase: 'primary' } });
    const elsewhere = await db.prisma.school.create({ data: { trustId, name: 'Ash Primary', phase: 'primary' } });
    schoolId = school.id;
    sencoId = (await db.prisma.person.create({ data: { trustId, schoolId, name: 'Sam SENCO' } })).id;
    outsiderId = (await db.prisma.person.create({ data: { trustId, schoolId: elsewhere.id, name: 'Ola Outside' } })).id;
  });
  afterAll(async () => db.destroy());

  async function seed() {
    return repo.createSeries(newSeries(trustId, [schoolId], 'leader-1'), occurrences, at);
  }

  it('creates a series with its occurrences in date order at sequence 0', async () => {
    const { series, occurrences: stored } = await seed();
    expect(series).toMatchObject({ trustId, perTerm: 1, schoolIds: [schoolId], cancelled: false });
    expect(stored.map((o) => [o.key, o.sequence, o.status])).toEqual([
      ['2026-27/autumn/1', 0, 'scheduled'],
      ['2026-27/spring/1', 0, 'scheduled'],
    ]);
    expect(stored[0]!.schoolsOff).toEqual(['s2']);
    expect(await repo.getSeries(otherTrustId, series.id)).toBeNull();
    expect(await repo.getOccurrence(otherTrustId, stored[0]!.id)).toBeNull();
  });

  it('saves a change once; the same change again is unchanged, an older one is stale', async () => {
    const { occurrences: stored } = await seed();
    const first = stored[0]!;
    const moved = rescheduleOccurrence(first, {
      ...occurrences[0]!,
      date: '2026-10-20',
      startsAt: new Date('2026-10-20T14:45:00Z'),
      schoolsOff: [],
    });
    expect(await repo.saveOccurrence(trustId, moved, at)).toBe('updated');
    expect(await repo.saveOccurrence(trustId, moved, at)).toBe('unchanged');
    // A second leader cancels the version they saw before the move: refused, not overwritten.
    expect(await repo.saveOccurrence(trustId, cancelOccurrence(first), at)).toBe('unchanged');
    const cancelledFromOld = { ...cancelOccurrence(first), sequence: 1, status: 'cancelled' as const };
    expect(await repo.saveOccurrence(trustId, cancelledFromOld, at)).toBe('unchanged');
    expect(await repo.saveOccurrence(trustId, cancelOccurrence(moved), at)).toBe('updated');
    expect(await repo.saveOccurrence(trustId, { ...moved, sequence: 5 }, at)).toBe('stale');
    expect(await repo.saveOccurrence(otherTrustId, cancelOccurrence(cancelOccurrence(moved)), at)).toBe('not-found');
    const reread = await repo.getOccurrence(trustId, first.id);
    expect(reread?.occurrence).toMatchObject({ date: '2026-10-20', status: 'cancelled', sequence: 2 });
  });

  it('keeps one RSVP per person, updates it, and records attendance', async () => {
    const { occurrences: stored } = await seed();
    const id = stored[0]!.id;
    expect(await repo.setRsvp(trustId, id, sencoId, 'maybe', at)).toBe('created');
    expect(await repo.setRsvp(trustId, id, sencoId, 'maybe', at)).toBe('unchanged');
    expect(await repo.setRsvp(trustId, id, sencoId, 'going', at)).toBe('updated');
    expect(await repo.markAttended(trustId, id, sencoId, at)).toBe('updated');
    expect(await repo.markAttended(trustId, id, sencoId, at)).toBe('unchanged');
    expect(await repo.markAttended(trustId, id, outsiderId, at)).toBe('created');
    expect(await repo.setRsvp(otherTrustId, id, sencoId, 'going', at)).toBe('not-found');
    const both = await Promise.all([
      repo.setRsvp(trustId, stored[1]!.id, sencoId, 'going', at),
      repo.setRsvp(trustId, stored[1]!.id, sencoId, 'going', at),
    ]);
    expect(both.filter((o) => o === 'created')).toHaveLength(1);
    expect(await repo.listRsvps(trustId, id)).toEqual(
      [
        { personId: sencoId, answer: 'going', attended: true },
        { personId: outsiderId, answer: null, attended: true },
      ].sort((a, b) => (a.personId < b.personId ? -1 : 1)),
    );
  });

  it('merges duplicate topics, counts one vote per person, and sets slots', async () => {
    const { occurrences: stored } = await seed();
    const id = stored[0]!.id;
    const a = await repo.addTopic(trustId, id, 'Provision maps', sencoId, at);
    const again = await repo.addTopic(trustId, id, '  provision   MAPS ', outsiderId, at);
    const b = await repo.addTopic(trustId, id, 'EHCP applications', outsiderId, at);
    expect(a?.created).toBe(true);
    expect(again).toMatchObject({ created: false, topic: { id: a!.topic.id, text: 'Provision maps' } });
    expect(await repo.vote(trustId, b!.topic.id, sencoId, at)).toBe('created');
    expect(await repo.vote(trustId, b!.topic.id, sencoId, at)).toBe('unchanged');
    expect(await repo.vote(trustId, b!.topic.id, outsiderId, at)).toBe('created');
    expect(await repo.vote(otherTrustId, b!.topic.id, outsiderId, at)).toBe('not-found');
    expect(await repo.setTopicSlot(trustId, a!.topic.id, 'school-strength')).toBe('updated');
    expect(await repo.setTopicSlot(trustId, a!.topic.id, 'school-strength')).toBe('unchanged');
    expect((await repo.listTopics(trustId, id)).map((t) => [t.text, t.votes, t.slot])).toEqual([
      ['EHCP applications', 2, null],
      ['Provision maps', 0, 'school-strength'],
    ]);
    expect(await repo.addTopic(otherTrustId, id, 'x', null, at)).toBeNull();
  });

  it('keeps one set of notes per meeting', async () => {
    const { occurrences: stored } = await seed();
    const id = stored[0]!.id;
    expect(await repo.saveNotes(trustId, id, { notes: 'We shared maps.', actions: ['Send template'] }, 'leader-1', at)).toBe('created');
    expect(await repo.saveNotes(trustId, id, { notes: 'We shared maps.', actions: ['Send template'] }, 'leader-1', at)).toBe('unchanged');
    expect(await repo.saveNotes(trustId, id, { notes: 'We shared maps.', actions: [] }, 'leader-1', at)).toBe('updated');
    expect(await repo.getNotes(trustId, id)).toMatchObject({ notes: 'We shared maps.', actions: [] });
    expect(await repo.getNotes(otherTrustId, id)).toBeNull();
  });

  it("serves a feed only for a live token, with the meetings of the person's school", async () => {
    const { series } = await seed();
    const token = newFeedToken();
    await repo.issueFeedToken({ trustId, personId: sencoId }, hashFeedToken(token), at);
    const text = await feedForToken(repo, token, at);
    const calendar = new ICAL.Component(ICAL.parse(text!) as unknown[]);
    const uids = calendar.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
    const mine = (await repo.occurrencesFor(trustId, sencoId)).map((o) => o.occurrence.id);
    expect(uids).toHaveLength(mine.length);
    expect(mine.length).toBeGreaterThan(0);
    expect(await repo.occurrencesFor(trustId, outsiderId)).toEqual([]);
    expect((await repo.occurrencesFor(trustId, 'leader-1')).length).toBe(mine.length);

    // A cancelled series shows as cancelled even if an occurrence was left scheduled.
    expect(await repo.cancelSeries(trustId, series.id, at)).toBe('updated');
    expect(await repo.cancelSeries(trustId, series.id, at)).toBe('unchanged');
    const after = new ICAL.Component(ICAL.parse((await feedForToken(repo, token, at))!) as unknown[]);
    expect(after.getAllSubcomponents('vevent').some((e) => e.getFirstPropertyValue('status') === 'CANCELLED')).toBe(true);

    const replacement = newFeedToken();
    await repo.issueFeedToken({ trustId, personId: sencoId }, hashFeedToken(replacement), at);
    expect(await feedForToken(repo, token, at)).toBeNull();
    expect(await feedForToken(repo, replacement, at)).not.toBeNull();
    expect(await repo.revokeFeedTokens({ trustId, personId: sencoId }, at)).toBe(1);
    expect(await feedForToken(repo, replacement, at)).toBeNull();
    expect(await feedForToken(repo, newFeedToken(), at)).toBeNull();
    expect(await feedForToken(repo, 'not-a-token', at)).toBeNull();
    const stored = await db.prisma.calendarFeedToken.findMany();
    expect(stored.every((row) => row.tokenHash !== token && row.tokenHash !== replacement)).toBe(true);
  });
});
