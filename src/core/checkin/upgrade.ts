/**
 * Moving a trust's checklist to the newest shipped default (v1 -> v2) at its next round. The
 * trust's own changes carry over where the item still exists (same id): switched off stays off,
 * its own wording stays. Items v2 merged or replaced start off only when the trust had switched
 * off everything they replace. The trust's own items come along unchanged. Earlier versions are
 * never touched, so answers given under v1 keep v1's wording. Pure.
 */
import { CHECKLIST_V1_ITEMS, DEFAULT_CHECKLIST_ID } from './checklist-v1';
import { CHECKLIST_V2_ID, CHECKLIST_V2_ITEMS, V2_REPLACES } from './checklist-v2';
import type { Checklist, ChecklistItem } from './model';

/** The shipped default a trust's checklist should be based on. */
export const LATEST_CHECKLIST_ID = CHECKLIST_V2_ID;

function carried(v2: ChecklistItem, current: Checklist, kept: string[]): ChecklistItem {
  const mine = current.items.find((i) => i.id === v2.id && i.origin === 'default');
  if (mine) {
    const shipped = CHECKLIST_V1_ITEMS.find((i) => i.id === v2.id);
    const reworded = shipped !== undefined && mine.question !== shipped.question;
    if (!mine.enabled) kept.push(`${v2.id} off`);
    if (reworded) kept.push(`${v2.id} wording`);
    return { ...v2, enabled: mine.enabled, ...(reworded ? { question: mine.question } : {}) };
  }
  const replaced = current.items.filter((i) => (V2_REPLACES[v2.id] ?? []).includes(i.id));
  if (replaced.length > 0 && replaced.every((i) => !i.enabled)) {
    kept.push(`${v2.id} off`);
    return { ...v2, enabled: false };
  }
  return v2;
}

/** The next version, based on checklist-v2, or null when the checklist is already on it. */
export function upgradeChecklist(current: Checklist): Checklist | null {
  if (current.base !== DEFAULT_CHECKLIST_ID) return null;
  const kept: string[] = [];
  const items = [...CHECKLIST_V2_ITEMS.map((i) => carried(i, current, kept)), ...current.items.filter((i) => i.origin === 'trust')];
  const own = current.items.filter((i) => i.origin === 'trust').length;
  const note = [`Moved to ${CHECKLIST_V2_ID} (corrections from a legal review)`];
  if (kept.length > 0) note.push(`kept: ${kept.join(', ')}`);
  if (own > 0) note.push(`kept ${own} trust item${own === 1 ? '' : 's'}`);
  return { base: CHECKLIST_V2_ID, version: current.version + 1, items, note: note.join('; ') };
}
