/**
 * Trust customisation of the checklist: switch an item off or on, reword it, add a trust item.
 * Every change makes a new version; earlier versions stay as they were, so answers given under
 * them keep their wording.
 */
import { fail, ok, type Result } from '../result';
import { SCHOOL_PHASES } from '../model';
import type { AnswerType, Checklist, ChecklistItem, Frequency, Strength } from './model';

export const MAX_QUESTION_LENGTH = 300;
/** Keeps a check-in short: the brief's "under about 3 minutes". */
export const MAX_ITEMS = 30;

export type ChecklistChange =
  | { kind: 'off'; itemId: string }
  | { kind: 'on'; itemId: string }
  | { kind: 'reword'; itemId: string; question: string }
  | { kind: 'add'; question: string; strength: Strength; answer: AnswerType; frequency: Frequency };

export type ChecklistChangeError =
  'unknown-item' | 'already-off' | 'already-on' | 'same-wording' | 'empty-wording' | 'wording-too-long' | 'too-many-items';

export function findItem(checklist: Checklist, itemId: string): ChecklistItem | undefined {
  return checklist.items.find((i) => i.id === itemId);
}

export function enabledItems(checklist: Checklist): ChecklistItem[] {
  return checklist.items.filter((i) => i.enabled);
}

function cleanWording(text: string): Result<string, ChecklistChangeError> {
  const question = text.trim().replace(/\s+/g, ' ');
  if (!question) return fail('empty-wording');
  if (question.length > MAX_QUESTION_LENGTH) return fail('wording-too-long');
  return ok(question);
}

function nextTrustItemId(items: readonly ChecklistItem[]): string {
  const used = items
    .map((i) => /^trust-(\d+)$/.exec(i.id)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return `trust-${used.length ? Math.max(...used) + 1 : 1}`;
}

function shortTitle(question: string): string {
  return question.length > 40 ? `${question.slice(0, 39).trimEnd()}…` : question;
}

/** A trust's own item, asking every school whatever its phase. */
function trustItem(id: string, change: Extract<ChecklistChange, { kind: 'add' }>, question: string): ChecklistItem {
  return {
    id,
    title: shortTitle(question),
    question,
    hint: null,
    strength: change.strength,
    basis: 'Trust item',
    phases: SCHOOL_PHASES,
    frequency: change.frequency,
    answer: change.answer,
    followUp: change.answer === 'choice' ? { kind: 'choices', values: ['no', 'partly'] } : { kind: 'none' },
    prefill: false,
    renewMonths: null,
    countsDueSoon: false,
    derived: null,
    enabled: true,
    origin: 'trust',
  };
}

function describe(change: ChecklistChange, item: ChecklistItem): string {
  switch (change.kind) {
    case 'off':
      return `Switched off ${item.id}`;
    case 'on':
      return `Switched on ${item.id}`;
    case 'reword':
      return `Reworded ${item.id}`;
    case 'add':
      return `Added ${item.id}`;
  }
}

/** The next version of the checklist with one change applied; the given version is untouched. */
export function applyChange(current: Checklist, change: ChecklistChange): Result<Checklist, ChecklistChangeError> {
  let items: ChecklistItem[];
  let changed: ChecklistItem;
  if (change.kind === 'add') {
    if (current.items.length >= MAX_ITEMS) return fail('too-many-items');
    const question = cleanWording(change.question);
    if (!question.ok) return question;
    changed = trustItem(nextTrustItemId(current.items), change, question.value);
    items = [...current.items, changed];
  } else {
    const existing = findItem(current, change.itemId);
    if (!existing) return fail('unknown-item');
    if (change.kind === 'off' && !existing.enabled) return fail('already-off');
    if (change.kind === 'on' && existing.enabled) return fail('already-on');
    if (change.kind === 'reword') {
      const question = cleanWording(change.question);
      if (!question.ok) return question;
      if (question.value === existing.question) return fail('same-wording');
      changed = { ...existing, question: question.value, ...(existing.origin === 'trust' ? { title: shortTitle(question.value) } : {}) };
    } else {
      changed = { ...existing, enabled: change.kind === 'on' };
    }
    items = current.items.map((i) => (i.id === existing.id ? changed : i));
  }
  return ok({ base: current.base, version: current.version + 1, items, note: describe(change, changed) });
}
