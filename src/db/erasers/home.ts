import type { PersonEraser } from './eraser';

/** The Slack App Home tabs they opened (where Home pushes refreshes): nothing is pushed to an erased person. */
export const homeEraser: PersonEraser = {
  feature: 'home',
  columns: { 'HomeTab.personId': 'deleted' },
  async personalData(db, trustId, personId) {
    const tabs = await db.homeTab.findMany({ where: { trustId, personId }, select: { platform: true, openedAt: true } });
    return tabs.length ? { homeTabsOpened: tabs.map((t) => ({ platform: t.platform, openedAt: t.openedAt.toISOString() })) } : null;
  },
  async erase({ tx, trustId, personId }) {
    await tx.homeTab.deleteMany({ where: { trustId, personId } });
  },
};
