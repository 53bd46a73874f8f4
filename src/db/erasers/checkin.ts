import type { PersonEraser } from './eraser';

/** Check-ins belong to the school: answers and counts stay, the person's link and words go. */
export const checkinEraser: PersonEraser = {
  feature: 'checkin',
  columns: {
    'ChecklistVersion.createdBy': 'unlinked',
    'CheckinRound.createdBy': 'unlinked',
    'CheckinRound.closedBy': 'unlinked',
    'CheckinAnswer.answeredBy': 'unlinked; their note and follow-up text emptied, the value and date kept',
    'SchoolCheckin.sencoIds': 'kept: anonymous id, so "SENCO changed since last round" still sees the change',
  },
  async personalData(db, trustId, personId) {
    const answers = await db.checkinAnswer.findMany({
      where: { answeredBy: personId, checkin: { trustId } },
      select: { itemId: true, value: true, note: true, followUpHelp: true, followUpBy: true, answeredAt: true },
      orderBy: { answeredAt: 'asc' },
    });
    return answers.length > 0 ? { checkInAnswersYouGave: answers } : null;
  },
  async erase({ tx, trustId, personId }) {
    await tx.checklistVersion.updateMany({ where: { trustId, createdBy: personId }, data: { createdBy: null } });
    await tx.checkinRound.updateMany({ where: { trustId, createdBy: personId }, data: { createdBy: null } });
    await tx.checkinRound.updateMany({ where: { trustId, closedBy: personId }, data: { closedBy: null } });
    await tx.checkinAnswer.updateMany({
      where: { answeredBy: personId, checkin: { trustId } },
      data: { answeredBy: null, note: null, followUpHelp: null },
    });
  },
};
