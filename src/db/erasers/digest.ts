import type { PersonEraser } from './eraser';

/** Their own choice about the weekly digest. */
export const digestEraser: PersonEraser = {
  feature: 'digest',
  columns: { 'DigestSubscription.personId': 'deleted' },
  async erase({ tx, trustId, personId }) {
    await tx.digestSubscription.deleteMany({ where: { trustId, personId } });
  },
};
