import type { PersonEraser } from './eraser';

/** Self-evaluation answers belong to the school: ratings stay (counts), the link and words go. */
export const selfevalEraser: PersonEraser = {
  feature: 'selfeval',
  columns: {
    'SelfEvalFramework.createdBy': 'unlinked',
    'SelfEvalCycle.createdBy': 'unlinked',
    'SelfEvalAnswer.answeredBy': 'unlinked; their evidence and help text emptied, the rating kept',
    'SelfEvalShare.sharedBy': "unlinked; the share stays (it is the school's, decided by the SEND leader role)",
  },
  async personalData(db, trustId, personId) {
    const answers = await db.selfEvalAnswer.findMany({
      where: { trustId, answeredBy: personId },
      select: { statementId: true, rating: true, evidence: true, help: true, answeredAt: true, cycle: { select: { label: true } } },
      orderBy: { answeredAt: 'asc' },
    });
    if (answers.length === 0) return null;
    return { selfEvaluationAnswersYouGave: answers.map(({ cycle, ...a }) => ({ cycle: cycle.label, ...a })) };
  },
  async erase({ tx, trustId, personId }) {
    await tx.selfEvalFramework.updateMany({ where: { trustId, createdBy: personId }, data: { createdBy: null } });
    await tx.selfEvalCycle.updateMany({ where: { trustId, createdBy: personId }, data: { createdBy: null } });
    await tx.selfEvalShare.updateMany({ where: { trustId, sharedBy: personId }, data: { sharedBy: null } });
    await tx.selfEvalAnswer.updateMany({
      where: { trustId, answeredBy: personId },
      data: { answeredBy: null, evidence: null, help: null },
    });
  },
};
