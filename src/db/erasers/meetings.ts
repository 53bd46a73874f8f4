import type { PersonEraser } from './eraser';

/**
 * RSVPs, votes and calendar feeds are theirs; meetings, agendas and notes are the network's.
 * A topic they proposed goes unless the leader already put it on an agenda (then it stays as
 * the meeting's record, no longer theirs).
 */
export const meetingsEraser: PersonEraser = {
  feature: 'meetings',
  columns: {
    'MeetingRsvp.personId': 'deleted',
    'AgendaVote.personId': 'deleted (topic vote counts drop by their one)',
    'CalendarFeedToken.personId': 'deleted (the feed link stops working)',
    'AgendaTopic.proposedBy': 'deleted with its votes if not on an agenda; else unlinked',
    'MeetingAgenda.strengthPresenterId': 'unlinked with the strength slot (school and title emptied): the leader picks again',
    'MeetingAgenda.setBy': "kept: anonymous id (required column; the agenda is the meeting's record)",
    'MeetingNotes.postedBy': "kept: anonymous id (required column; the notes are the meeting's record)",
    'MeetingSeries.leaderId': 'kept: anonymous id (required column; the flows treat an erased leader as gone)',
  },
  async personalData(db, trustId, personId) {
    const [rsvps, topics, votes, feeds, presenting] = await Promise.all([
      db.meetingRsvp.findMany({
        where: { trustId, personId },
        select: {
          answer: true,
          answeredAt: true,
          attended: true,
          occurrence: { select: { date: true, series: { select: { title: true } } } },
        },
      }),
      db.agendaTopic.findMany({ where: { trustId, proposedBy: personId }, select: { text: true, createdAt: true } }),
      db.agendaVote.count({ where: { personId, topic: { trustId } } }),
      db.calendarFeedToken.findMany({ where: { trustId, personId }, select: { createdAt: true, revokedAt: true } }),
      db.meetingAgenda.findMany({
        where: { trustId, strengthPresenterId: personId },
        select: { strengthTitle: true, occurrence: { select: { date: true } } },
      }),
    ]);
    if (rsvps.length + topics.length + votes + feeds.length + presenting.length === 0) return null;
    return {
      rsvps: rsvps.map((r) => ({ meeting: r.occurrence.series.title, date: r.occurrence.date, answer: r.answer, attended: r.attended })),
      topicsProposed: topics,
      topicVotes: votes,
      calendarFeeds: feeds.map((f) => ({ createdAt: f.createdAt, revoked: f.revokedAt !== null })),
      presenting: presenting.map((p) => ({ date: p.occurrence.date, title: p.strengthTitle })),
    };
  },
  async erase({ tx, trustId, personId }) {
    await tx.meetingRsvp.deleteMany({ where: { trustId, personId } });
    await tx.agendaVote.deleteMany({ where: { personId, topic: { trustId } } });
    await tx.calendarFeedToken.deleteMany({ where: { trustId, personId } });
    const proposed = await tx.agendaTopic.findMany({ where: { trustId, proposedBy: personId }, select: { id: true, slot: true } });
    const onAgenda = new Set(
      (
        await tx.meetingAgenda.findMany({
          where: { trustId, topicIds: { hasSome: proposed.map((p) => p.id) } },
          select: { topicIds: true },
        })
      ).flatMap((a) => a.topicIds),
    );
    const withdrawn = proposed.filter((p) => p.slot === null && !onAgenda.has(p.id)).map((p) => p.id);
    await tx.agendaTopic.deleteMany({ where: { id: { in: withdrawn } } });
    await tx.agendaTopic.updateMany({ where: { trustId, proposedBy: personId }, data: { proposedBy: null } });
    await tx.meetingAgenda.updateMany({
      where: { trustId, strengthPresenterId: personId },
      data: { strengthPresenterId: null, strengthSchoolId: null, strengthTitle: null },
    });
  },
};
