import type { PersonalData } from '../../../src/core/roster-port';
import { PrismaPrivacyRepo } from '../../../src/db/privacy-repo';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases';
import { EVE, EVE_TEXT, seedErasureWorld, type ErasureWorld } from '../../helpers/erasure-seed';
import { FakeClock } from '../../helpers/fake-clock';

/**
 * Where an erased person's id may still stand: their own (emptied) row, the audit trail, and
 * records that keep it as an anonymous id (src/db/erasers/, docs/data-and-privacy.md).
 */
const ID_MAY_REMAIN = new Set([
  'Person.id',
  'AuditEntry.actorId',
  'AuditEntry.subject',
  'ApprovalRequest.personId',
  'OutboxMessage.personId',
  'OutboxMessage.key',
  'SchoolCheckin.sencoIds',
  'MeetingSeries.leaderId',
  'MeetingAgenda.setBy',
  'MeetingNotes.postedBy',
  'BuddyRequest.personId',
  'BuddyPair.menteeId',
  'BuddyPair.buddyId',
  'BuddyPair.groupId',
  'Bulletin.createdBy',
  'BulletinList.createdBy',
  'BulletinSender.grantedBy',
]);

type Row = Record<string, unknown>;

/** Every row of every table, read as JSON, so a table added later is searched too. */
async function everyRow(db: TestDatabase): Promise<Array<{ table: string; row: Row }>> {
  const tables = await db.prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  const out: Array<{ table: string; row: Row }> = [];
  for (const { name } of tables) {
    const rows = await db.prisma.$queryRawUnsafe<Array<{ j: string }>>(`SELECT row_to_json(t)::text AS j FROM "${name}" t`);
    for (const r of rows) out.push({ table: name, row: JSON.parse(r.j) as Row });
  }
  return out;
}

describe.each(databaseKinds)('erasing a person from every feature on %s', (kind) => {
  let db: TestDatabase;
  let w: ErasureWorld;
  let exported: PersonalData | null;
  const clock = new FakeClock('2027-01-20T10:00:00Z');
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    w = await seedErasureWorld(db.prisma, new Date('2027-01-12T15:00:00Z'));
    const before = await everyRow(db);
    // The seed really does name Eve everywhere it should (else the test below proves nothing).
    const withText = new Set(before.filter(({ row }) => JSON.stringify(row).includes(EVE_TEXT)).map((r) => r.table));
    expect(withText).toEqual(
      new Set(['AgendaTopic', 'Bulletin', 'BuddyPair', 'CheckinAnswer', 'ConversationState', 'MeetingAgenda', 'SelfEvalAnswer']),
    );
    exported = await new PrismaPrivacyRepo(db.prisma, clock).personalData(w.trustId, w.people.eve);
    const erased = await new PrismaPrivacyRepo(db.prisma, clock).erase(
      w.trustId,
      w.people.eve,
      { requestId: w.requestId, deciderId: w.people.lee },
      [{ trustId: w.trustId, actorId: w.people.lee, action: 'person.erase', subject: w.people.eve }],
    );
    expect(erased).toEqual({ ok: true, value: undefined });
  });
  afterAll(async () => db.destroy());

  it('leaves nothing that names them or holds their words, and their id only where kept as anonymous', async () => {
    const rows = await everyRow(db);
    const named = rows.filter(({ row }) =>
      [EVE_TEXT, EVE.name, EVE.email, EVE.slackId, 'D0EVE'].some((s) => JSON.stringify(row).toLowerCase().includes(s.toLowerCase())),
    );
    expect(named).toEqual([]);
    const idAt = new Set(
      rows.flatMap(({ table, row }) =>
        Object.entries(row)
          .filter(([, value]) => JSON.stringify(value ?? null).includes(w.people.eve))
          .map(([column]) => `${table}.${column}`),
      ),
    );
    expect([...idAt].filter((c) => !ID_MAY_REMAIN.has(c))).toEqual([]);
    expect(await db.prisma.person.findUniqueOrThrow({ where: { id: w.people.eve } })).toMatchObject({ name: 'Erased person', email: null });
  });

  it('keeps meetings: others’ RSVPs, votes and feeds stay; topics on an agenda stay, unlinked', async () => {
    const p = db.prisma;
    expect(await p.meetingRsvp.findMany({ where: { occurrenceId: w.meeting.occurrenceId }, select: { personId: true } })).toEqual([
      { personId: w.people.ola },
    ]);
    expect(await p.agendaTopic.findUnique({ where: { id: w.meeting.evesLooseTopic } })).toBeNull();
    expect(await p.agendaTopic.findUniqueOrThrow({ where: { id: w.meeting.evesAgendaTopic } })).toMatchObject({
      text: 'Transition to secondary',
      proposedBy: null,
    });
    expect(await p.agendaVote.count({ where: { topicId: w.meeting.evesAgendaTopic } })).toBe(1);
    expect(await p.agendaVote.findMany({ where: { topicId: w.meeting.olasTopic }, select: { personId: true } })).toEqual([
      { personId: w.people.ola },
    ]);
    expect(await p.meetingAgenda.findUniqueOrThrow({ where: { occurrenceId: w.meeting.occurrenceId } })).toMatchObject({
      topicIds: [w.meeting.evesAgendaTopic],
      strengthPresenterId: null,
      strengthTitle: null,
      setBy: w.people.lee,
    });
    expect(await p.calendarFeedToken.findMany({ select: { personId: true } })).toEqual([{ personId: w.people.ola }]);
    expect(await p.meetingNotes.count()).toBe(1);
  });

  it('ends their buddy pairs quietly: the other mentee waits again, nothing is sent', async () => {
    const p = db.prisma;
    expect(await p.buddyProfile.findMany({ select: { personId: true, markedNewBy: true, markedNewAt: true } })).toEqual([
      { personId: w.people.ola, markedNewBy: null, markedNewAt: expect.any(Date) },
    ]);
    expect(await p.buddyTrustSetting.findUniqueOrThrow({ where: { trustId: w.trustId } })).toMatchObject({
      autoApprove: true,
      updatedBy: null,
    });
    const evesPair = await p.buddyPair.findUniqueOrThrow({ where: { id: w.buddies.evesPair } });
    expect(evesPair).toMatchObject({
      status: 'ended',
      endReason: 'left',
      liveKey: null,
      menteeFeedback: null,
      buddyFeedback: 'Buddy enjoyed it',
      reasons: [],
      approvedBy: w.people.lee,
    });
    expect(await p.buddyPair.findUniqueOrThrow({ where: { id: w.buddies.bensPair } })).toMatchObject({
      status: 'ended',
      endReason: 'left',
      buddyFeedback: null,
      menteeFeedback: 'Mentee found it useful',
      approvedBy: null,
    });
    expect(await p.buddyPair.findUniqueOrThrow({ where: { id: w.buddies.olasProposed } })).toMatchObject({
      status: 'declined',
      liveKey: null,
    });
    // Ben's buddy is gone: he is back on the waiting list with what he asked for.
    expect(await p.buddyRequest.findMany({ where: { personId: w.people.ben, status: 'open' }, select: { needs: true } })).toEqual([
      { needs: ['send-register', 'parents'] },
    ]);
    // Ola's own ask, to which Eve was only proposed, is still open.
    expect(await p.buddyRequest.findUniqueOrThrow({ where: { id: w.buddies.olasRequest } })).toMatchObject({ status: 'open' });
    // Eve's never-paired ask is gone; the one under a pair is closed and empty.
    expect(
      await p.buddyRequest.findMany({ where: { personId: w.people.eve }, select: { status: true, needs: true, openKey: true } }),
    ).toEqual([{ status: 'matched', needs: [], openKey: null }]);
    expect(await p.outboxMessage.count({ where: { status: 'queued' } })).toBe(0);
  });

  it('keeps the school’s self-evaluation and check-in answers, without their link or words', async () => {
    const p = db.prisma;
    const answers = await p.selfEvalAnswer.findMany({ orderBy: { statementId: 'asc' } });
    expect(answers.map((a) => [a.statementId, a.rating, a.answeredBy, a.evidence])).toEqual([
      ['lead-1', 'developing', null, null],
      ['lead-2', 'developing', w.people.ola, 'Ola evidence'],
    ]);
    const checkin = await p.checkinAnswer.findMany({ orderBy: { itemId: 'asc' } });
    expect(checkin.map((a) => [a.itemId, a.value, a.answeredBy, a.note, a.followUpBy])).toEqual([
      ['sen-register', 'partly', null, null, '2027-01-10'],
      ['senco-time', 'partly', w.people.ola, 'Ola note', '2027-01-10'],
    ]);
    expect(await p.checkinRound.findFirstOrThrow()).toMatchObject({ createdBy: null, closedBy: null });
  });

  it('keeps bulletins sent, drops their draft, acknowledgement and grant', async () => {
    const p = db.prisma;
    expect(await p.bulletin.findUnique({ where: { id: w.bulletins.evesDraft } })).toBeNull();
    expect(await p.bulletin.findUniqueOrThrow({ where: { id: w.bulletins.evesSent } })).toMatchObject({ closedBy: null, status: 'closed' });
    expect(await p.bulletinAck.findMany({ select: { personId: true } })).toEqual([{ personId: w.people.ola }]);
    expect(await p.bulletinSender.findMany({ select: { personId: true } })).toEqual([{ personId: w.people.ola }]);
    expect(await p.bulletinList.count()).toBe(1);
    expect(await p.digestSubscription.findMany({ select: { personId: true } })).toEqual([{ personId: w.people.ola }]);
    expect(await p.homeTab.count()).toBe(0);
  });

  it('listed every feature’s data in their export before, and has nothing to export after', async () => {
    const features = exported?.features ?? {};
    expect(Object.keys(features).sort()).toEqual(['buddies', 'bulletins', 'checkin', 'digest', 'home', 'meetings', 'selfeval']);
    const text = JSON.stringify(features);
    for (const words of [`${EVE_TEXT} loose topic`, `${EVE_TEXT} as mentee`, `${EVE_TEXT} as buddy`, `${EVE_TEXT} strength`]) {
      expect(text).toContain(words);
    }
    expect(features.selfeval).toEqual({
      selfEvaluationAnswersYouGave: [expect.objectContaining({ cycle: '2026-27', statementId: 'lead-1', evidence: EVE_TEXT })],
    });
    expect(features.bulletins).toMatchObject({ maySendBulletins: true, bulletinsWritten: 2, acknowledged: [{ bulletin: 'News' }] });
    // Other people's words and ids are not in her export.
    expect(text).not.toContain('Ola evidence');
    expect(text).not.toContain(w.people.ola);
    expect(await new PrismaPrivacyRepo(db.prisma, clock).personalData(w.trustId, w.people.eve)).toBeNull();
  });

  it('erases once: a second confirmation is a conflict and changes nothing', async () => {
    const before = JSON.stringify(await everyRow(db));
    const again = await new PrismaPrivacyRepo(db.prisma, clock).erase(
      w.trustId,
      w.people.eve,
      { requestId: w.requestId, deciderId: w.people.lee },
      [{ trustId: w.trustId, actorId: w.people.lee, action: 'person.erase', subject: w.people.eve }],
    );
    expect(again).toEqual({ ok: false, error: 'conflict' });
    expect(JSON.stringify(await everyRow(db))).toBe(before);
  });
});
