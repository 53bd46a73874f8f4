import type { PersonEraser } from './eraser';

/** Self-evaluation answers belong to the school: ratings stay (counts), the link and words go. */
export const selfevalEraser: PersonEraser = {
  feature: 'selfeval',
  columns: {
    'SelfEvalFramework.createdBy': 'unlinked',
    'SelfEvalCycle.createdBy': 'unlinked',
    'SelfEvalAnswer.answeredBy': 'unlinked; their evidence and help text emptied, the rating kept',
  },
  async erase({ tx, trustId, personId }) {
    await tx.selfEvalFramework.updateMany({ where: { trustId, createdBy: personId }, data: { createdBy: null } });
    await tx.selfEvalCycle.updateMany({ where: { trustId, createdBy: personId }, data: { createdBy: null } });
    await tx.selfEvalAnswer.updateMany({
      where: { trustId, answeredBy: personId },
      data: { answeredBy: null, evidence: null, help: null },
    });
  },
};
