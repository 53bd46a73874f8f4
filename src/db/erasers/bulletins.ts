import type { PersonEraser } from './eraser';

/** Acknowledgements and sender grants are theirs; bulletins sent are the trust's. */
export const bulletinsEraser: PersonEraser = {
  feature: 'bulletins',
  columns: {
    'BulletinAck.personId': 'deleted (the acknowledged count drops by their one)',
    'BulletinSender.personId': 'deleted (their permission to send)',
    'BulletinSender.grantedBy': 'kept: anonymous id (grants they gave others stay)',
    'Bulletin.createdBy': "their unsent drafts deleted; scheduled and sent bulletins keep the anonymous id (the trust's communication)",
    'Bulletin.closedBy': 'unlinked',
    'BulletinList.createdBy': 'kept: anonymous id (a saved audience names schools or groups, never people)',
  },
  async personalData(db, trustId, personId) {
    const [acks, sender, written] = await Promise.all([
      db.bulletinAck.findMany({
        where: { personId, bulletin: { trustId } },
        select: { at: true, bulletin: { select: { title: true } } },
        orderBy: { at: 'asc' },
      }),
      db.bulletinSender.count({ where: { trustId, personId } }),
      db.bulletin.count({ where: { trustId, createdBy: personId } }),
    ]);
    if (acks.length === 0 && sender === 0 && written === 0) return null;
    return {
      acknowledged: acks.map((a) => ({ bulletin: a.bulletin.title, at: a.at })),
      maySendBulletins: sender > 0,
      bulletinsWritten: written,
    };
  },
  async erase({ tx, trustId, personId }) {
    await tx.bulletinAck.deleteMany({ where: { personId, bulletin: { trustId } } });
    await tx.bulletinSender.deleteMany({ where: { trustId, personId } });
    await tx.bulletin.deleteMany({ where: { trustId, createdBy: personId, status: 'draft' } });
    await tx.bulletin.updateMany({ where: { trustId, closedBy: personId }, data: { closedBy: null } });
  },
};
