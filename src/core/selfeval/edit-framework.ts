/**
 * Trust edits to the framework: reword, add or remove a statement. Every change makes a new
 * version; earlier versions stay as they were, so answers keep the wording they were given
 * under. Ids are never reused, so cycles compare statement by statement.
 */
import { fail, ok, type Result } from '../result';
import { findArea, findStatement } from './framework';
import type { Framework, Statement } from './model';

export const MAX_STATEMENT_LENGTH = 300;
/** "A handful" per area keeps one sitting short (at most 12 taps an area). */
export const MAX_STATEMENTS_PER_AREA = 6;

export type FrameworkChange =
  | { kind: 'reword'; statementId: string; text: string }
  | { kind: 'add'; areaId: string; text: string }
  | { kind: 'remove'; statementId: string };

export type FrameworkChangeError =
  'unknown-area' | 'unknown-statement' | 'empty-wording' | 'wording-too-long' | 'same-wording' | 'too-many-statements' | 'last-statement';

function clean(text: string): Result<string, FrameworkChangeError> {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return fail('empty-wording');
  if (t.length > MAX_STATEMENT_LENGTH) return fail('wording-too-long');
  return ok(t);
}

/**
 * trust-<area>-v<version>: the version that added it, so an id is never reused, even after the
 * statement is removed (a new statement must not inherit an old one's answers).
 */
function nextId(current: Framework, areaId: string): string {
  return `trust-${areaId}-v${current.version + 1}`;
}

export function applyFrameworkChange(current: Framework, change: FrameworkChange): Result<Framework, FrameworkChangeError> {
  const next = (areas: Framework['areas'], note: string): Framework => ({ ...current, version: current.version + 1, areas, note });
  if (change.kind === 'add') {
    const area = findArea(current, change.areaId);
    if (!area) return fail('unknown-area');
    if (area.statements.length >= MAX_STATEMENTS_PER_AREA) return fail('too-many-statements');
    const text = clean(change.text);
    if (!text.ok) return text;
    const template = area.statements[0];
    const statement: Statement = {
      id: nextId(current, area.id),
      text: text.value,
      evidencePrompt: template?.evidencePrompt ?? 'What shows this?',
      helpPrompt: template?.helpPrompt ?? 'What would help most to move this on?',
    };
    return ok(
      next(
        current.areas.map((a) => (a.id === area.id ? { ...a, statements: [...a.statements, statement] } : a)),
        `Added ${statement.id}`,
      ),
    );
  }
  const found = findStatement(current, change.statementId);
  if (!found) return fail('unknown-statement');
  if (change.kind === 'remove') {
    if (found.area.statements.length <= 1) return fail('last-statement');
    return ok(
      next(
        current.areas.map((a) =>
          a.id === found.area.id ? { ...a, statements: a.statements.filter((s) => s.id !== change.statementId) } : a,
        ),
        `Removed ${change.statementId}`,
      ),
    );
  }
  const text = clean(change.text);
  if (!text.ok) return text;
  if (text.value === found.statement.text) return fail('same-wording');
  return ok(
    next(
      current.areas.map((a) =>
        a.id === found.area.id
          ? { ...a, statements: a.statements.map((s) => (s.id === change.statementId ? { ...s, text: text.value } : s)) }
          : a,
      ),
      `Reworded ${change.statementId}`,
    ),
  );
}
