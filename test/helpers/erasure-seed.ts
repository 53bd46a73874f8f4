import type { PrismaClient } from '@prisma/client';

/** Words only Eve wrote: after her erasure they must be nowhere in the database. */
export const EVE_TEXT = 'EVE-WROTE-THIS';
export const EVE = { name: 'Eve Erasable', email: 'eve.erasable@oak.sch.uk', slackId: 'U0EVE0001' };

export interface ErasureWorld {
  trustId: string;
  schools: { oak: string; ash: string };
  people: { eve: string; ola: string; ben: string; lee: string };
  requestId: string;
  meeting: { occurrenceId: string; evesLooseTopic: string; evesAgendaTopic: string; olasTopic: string };
  buddies: { evesPair: string; bensPair: string; olasProposed: string; olasRequest: string };
  bulletins: { open: string; evesDraft: string; evesSent: string };
  selfeval: { cycleId: string };
}

/**
 * A trust where Eve (a SENCO at Oak, to be erased) has data in every feature, beside Ola (Oak)
 * and Ben (Ash), SENCOs whose data must survive, and Lee, the SEND leader.
 */
export async function seedErasureWorld(db: PrismaClient, at: Date): Promise<ErasureWorld> {
  const trust = await db.trust.create({ data: { name: `Erasure ${Math.random()}` } });
  const trustId = trust.id;
  const oak = await db.school.create({ data: { trustId, name: 'Oak', phase: 'primary' } });
  const ash = await db.school.create({ data: { trustId, name: 'Ash', phase: 'secondary' } });
  const person = (name: string, email: string, schoolId: string | null, role: string) =>
    db.person.create({
      data: {
        trustId,
        name,
        email,
        schoolId,
        appointedOn: '2025-09-01',
        tags: ['autism'],
        roles: { create: { trustId, role, schoolId } },
      },
    });
  const eve = (await person(EVE.name, EVE.email, oak.id, 'senco')).id;
  const ola = (await person('Ola Other', 'ola@oak.sch.uk', oak.id, 'senco')).id;
  const ben = (await person('Ben Baker', 'ben@ash.sch.uk', ash.id, 'senco')).id;
  const lee = (await person('Lee Leader', 'lee@trust.org.uk', null, 'send-leader')).id;

  // Roster: chat account, conversation state, snooze, digest choice, messages, an import.
  const identity = await db.chatIdentity.create({
    data: {
      platform: 'slack',
      tenantId: 'T1',
      userId: EVE.slackId,
      personId: eve,
      displayName: EVE.name,
      email: EVE.email,
      conversationRef: { channel: 'D0EVE' },
    },
  });
  await db.conversationState.create({ data: { key: `person:${eve}`, flow: 'x', step: 'y', data: { typed: EVE_TEXT }, expiresAt: at } });
  await db.snooze.create({ data: { personId: eve, kind: 'checkin-reminder', until: at } });
  await db.digestSubscription.createMany({ data: [eve, ola].map((personId) => ({ trustId, personId, subscribed: true, updatedAt: at })) });
  await db.homeTab.create({
    data: { personId: eve, platform: 'slack', trustId, target: { kind: 'slack-home', teamId: 'T0OAK', userId: 'U0EVE' }, openedAt: at },
  });
  const message = (key: string, personId: string, status: string) => ({
    key,
    trustId,
    personId,
    platform: 'slack',
    target: { channel: `D-${personId}` },
    content: { summary: `Hello ${personId === eve ? EVE.name : 'Ola'}` },
    status,
    bucket: 'slack:T1',
  });
  await db.outboxMessage.createMany({
    data: [message(`queued:${eve}`, eve, 'queued'), message(`sent:${eve}`, eve, 'sent'), message(`sent:${ola}`, ola, 'sent')],
  });
  await db.rosterImport.create({ data: { trustId, actorId: eve, fileName: 'roster.csv', planHash: 'h', status: 'applied' } });
  const request = await db.approvalRequest.create({ data: { trustId, kind: 'erase', personId: eve, data: {} } });
  await db.approvalRequest.create({ data: { trustId, kind: 'join', identityId: identity.id, data: { name: EVE.name } } });

  // Check-ins: a round Eve opened and closed, answers by Eve and Ola.
  await db.checklistVersion.create({ data: { trustId, version: 1, base: 'checklist-v1', items: [], createdBy: eve } });
  const round = await db.checkinRound.create({
    data: {
      trustId,
      year: '2026-27',
      term: 'autumn',
      cadence: 'termly',
      checklistVersion: 1,
      status: 'closed',
      opensAt: at,
      closesAt: at,
      createdBy: eve,
      closedBy: eve,
    },
  });
  const checkin = await db.schoolCheckin.create({
    data: { roundId: round.id, trustId, schoolId: oak.id, sencoIds: [eve, ola], prefill: {} },
  });
  const checkinAnswer = (itemId: string, by: string, words: string) => ({
    checkinId: checkin.id,
    itemId,
    checklistVersion: 1,
    value: 'partly',
    note: words,
    followUpHelp: words,
    followUpBy: '2027-01-10',
    source: 'answered',
    answeredBy: by,
    answeredAt: at,
  });
  await db.checkinAnswer.createMany({ data: [checkinAnswer('sen-register', eve, EVE_TEXT), checkinAnswer('senco-time', ola, 'Ola note')] });

  // Meetings: a series Lee leads and one Eve leads; RSVPs, topics, votes, agenda, notes, feeds.
  const series = (leaderId: string) =>
    db.meetingSeries.create({
      data: {
        trustId,
        title: `Network (${leaderId === eve ? 'Eve' : 'Lee'})`,
        perTerm: 1,
        weekday: 2,
        time: '15:45',
        durationMinutes: 60,
        mode: 'online',
        schoolIds: [oak.id, ash.id],
        leaderId,
        yearLabel: '2026-27',
        createdAt: at,
        occurrences: {
          create: {
            trustId,
            key: '2026-27/spring/1',
            date: '2027-01-12',
            time: '15:45',
            durationMinutes: 60,
            startsAt: at,
            endsAt: at,
            status: 'scheduled',
            updatedAt: at,
          },
        },
      },
      include: { occurrences: true },
    });
  const occurrenceId = (await series(lee)).occurrences[0]!.id;
  const evesSeries = (await series(eve)).occurrences[0]!.id;
  await db.meetingRsvp.createMany({
    data: [eve, ola].map((personId) => ({
      occurrenceId,
      trustId,
      personId,
      answer: 'going',
      answeredAt: at,
      attended: true,
      attendedAt: at,
    })),
  });
  const topic = (text: string, proposedBy: string, slot: string | null) =>
    db.agendaTopic.create({ data: { occurrenceId, trustId, text, normalized: text.toLowerCase(), proposedBy, slot, createdAt: at } });
  const evesLooseTopic = (await topic(`${EVE_TEXT} loose topic`, eve, null)).id;
  const evesAgendaTopic = (await topic('Transition to secondary', eve, 'discussion')).id;
  const olasTopic = (await topic('Annual reviews', ola, null)).id;
  await db.agendaVote.createMany({
    data: [
      { topicId: evesLooseTopic, personId: ola, createdAt: at },
      { topicId: olasTopic, personId: eve, createdAt: at },
      { topicId: olasTopic, personId: ola, createdAt: at },
      { topicId: evesAgendaTopic, personId: ola, createdAt: at },
    ],
  });
  await db.meetingAgenda.create({
    data: {
      occurrenceId,
      trustId,
      topicIds: [evesAgendaTopic],
      strengthSchoolId: oak.id,
      strengthPresenterId: eve,
      strengthTitle: `${EVE_TEXT} strength`,
      setBy: lee,
      setAt: at,
    },
  });
  await db.meetingAgenda.create({ data: { occurrenceId: evesSeries, trustId, topicIds: [], setBy: eve, setAt: at } });
  await db.meetingNotes.create({
    data: {
      occurrenceId: evesSeries,
      trustId,
      notes: 'We discussed transition.',
      actions: ['Share the template'],
      postedBy: eve,
      postedAt: at,
    },
  });
  await db.calendarFeedToken.createMany({
    data: [eve, ola].map((personId) => ({ trustId, personId, tokenHash: `hash-${personId}`, createdAt: at })),
  });

  // Buddying: Eve is Ola's mentee (active), Ben's buddy (active) and proposed to Ola's second ask.
  await db.buddyProfile.createMany({
    data: [eve, ola].map((personId) => ({
      trustId,
      personId,
      available: true,
      capacity: 2,
      strengths: ['semh'],
      updatedAt: at,
      ...(personId === ola ? { markedNewAt: at, markedNewBy: eve } : {}),
    })),
  });
  await db.buddyTrustSetting.create({ data: { trustId, autoApprove: true, updatedAt: at, updatedBy: eve } });
  const buddyRequest = (personId: string, status: string, needs: string[]) =>
    db.buddyRequest.create({
      data: {
        trustId,
        personId,
        openKey: status === 'open' ? `${trustId}:${personId}` : null,
        needs,
        status,
        createdAt: at,
        waitingReason: status === 'open' ? 'no-capacity' : null,
      },
    });
  const pair = (requestId: string, menteeId: string, buddyId: string, status: string) =>
    db.buddyPair.create({
      data: {
        trustId,
        requestId,
        menteeId,
        buddyId,
        groupId: `${buddyId}:${menteeId}`,
        status,
        liveKey: requestId,
        score: 80,
        reasons: [{ code: 'shared-need', tag: 'autism' }],
        proposedAt: at,
        approvedAt: status === 'active' ? at : null,
        approvedBy: status === 'active' ? (menteeId === eve ? lee : eve) : null, // Eve approved Ben's
        menteeFeedback: menteeId === eve ? `${EVE_TEXT} as mentee` : 'Mentee found it useful',
        buddyFeedback: buddyId === eve ? `${EVE_TEXT} as buddy` : 'Buddy enjoyed it',
      },
    });
  const evesRequest = await buddyRequest(eve, 'matched', ['semh']);
  await buddyRequest(eve, 'open', ['parents']); // a second ask, never paired
  const bensRequest = await buddyRequest(ben, 'matched', ['send-register', 'parents']);
  const olasRequest = await buddyRequest(ola, 'open', ['ehcp']);
  const evesPair = (await pair(evesRequest.id, eve, ola, 'active')).id;
  const bensPair = (await pair(bensRequest.id, ben, eve, 'active')).id;
  const olasProposed = (await pair(olasRequest.id, ola, eve, 'proposed')).id;

  // Self-evaluation: a framework and cycle Eve opened, answers by Eve and Ola for Oak, Oak's summary shared by Eve.
  await db.selfEvalFramework.create({
    data: { trustId, version: 2, base: 'selfeval-v1', areas: [], ratings: [], createdBy: eve, createdAt: at },
  });
  const cycle = await db.selfEvalCycle.create({
    data: { trustId, label: '2026-27', frameworkVersion: 1, status: 'open', createdBy: eve, openedAt: at },
  });
  const selfevalAnswer = (statementId: string, by: string, words: string) => ({
    cycleId: cycle.id,
    trustId,
    schoolId: oak.id,
    statementId,
    frameworkVersion: 1,
    rating: 'developing',
    evidence: words,
    help: words,
    answeredBy: by,
    answeredAt: at,
  });
  await db.selfEvalAnswer.createMany({ data: [selfevalAnswer('lead-1', eve, EVE_TEXT), selfevalAnswer('lead-2', ola, 'Ola evidence')] });
  await db.selfEvalShare.create({ data: { cycleId: cycle.id, trustId, schoolId: oak.id, sharedBy: eve, sharedAt: at } });

  // Bulletins: Lee's open bulletin both acknowledged; Eve's draft and her sent one; grants; a list.
  const bulletin = (createdBy: string, status: string, body: string) =>
    db.bulletin.create({
      data: {
        trustId,
        title: 'News',
        body,
        ackRequired: true,
        audience: 'all',
        status,
        opensAt: at,
        closesAt: at,
        createdBy,
        createdAt: at,
        closedBy: status === 'closed' ? eve : null,
      },
    });
  const open = (await bulletin(lee, 'open', 'Please read the new guidance.')).id;
  const evesDraft = (await bulletin(eve, 'draft', `${EVE_TEXT} draft`)).id;
  const evesSent = (await bulletin(eve, 'closed', 'Reminder: census day is Thursday.')).id;
  await db.bulletinAck.createMany({ data: [eve, ola].map((personId) => ({ bulletinId: open, personId, at })) });
  await db.bulletinSender.createMany({
    data: [
      { trustId, personId: eve, grantedBy: lee, at },
      { trustId, personId: ola, grantedBy: eve, at },
    ],
  });
  await db.bulletinList.create({ data: { trustId, name: 'Primaries', audience: 'phase:primary', createdBy: eve, createdAt: at } });

  return {
    trustId,
    schools: { oak: oak.id, ash: ash.id },
    people: { eve, ola, ben, lee },
    requestId: request.id,
    meeting: { occurrenceId, evesLooseTopic, evesAgendaTopic, olasTopic },
    buddies: { evesPair, bensPair, olasProposed, olasRequest: olasRequest.id },
    bulletins: { open, evesDraft, evesSent },
    selfeval: { cycleId: cycle.id },
  };
}
