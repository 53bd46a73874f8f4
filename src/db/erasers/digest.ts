import type { PersonEraser } from './eraser';

/** Their own choice about the weekly digest. */
export const digestEraser: PersonEraser = {
  feature: 'digest',
  columns: { 'DigestSubscription.personId': 'deleted' },
  async personalData(db, trustId, personId) {
    const row = await db.digestSubscription.findUnique({
      where: { trustId_personId: { trustId, personId } },
      select: { subscribed: true },
    });
    return row ? { weeklyDigest: row.subscribed ? 'subscribed' : 'unsubscribed' } : null;
  },
  async erase({ tx, trustId, personId }) {
    await tx.digestSubscription.deleteMany({ where: { trustId, personId } });
  },
};
