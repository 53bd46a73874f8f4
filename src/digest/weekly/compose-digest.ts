/**
 * Puts the features' contributions together: sections in a fixed order, and the schools to
 * look at merged across features (a school named by two features is one entry with both
 * reasons), most urgent first, deterministic for equal weights.
 */
import type { LocalDate } from '../../core/dates';
import type { DigestContribution, DigestView, SchoolToLookAt } from '../../core/digest/model';

export const SECTION_ORDER = ['compliance', 'selfeval', 'network', 'bulletins'];

function orderOf(id: string): number {
  const index = SECTION_ORDER.indexOf(id);
  return index < 0 ? SECTION_ORDER.length : index;
}

export function composeDigest(trustName: string, weekOf: LocalDate, contributions: readonly DigestContribution[]): DigestView {
  const sections = contributions
    .map((c) => c.section)
    .filter((s): s is NonNullable<typeof s> => s !== null)
    .sort((a, b) => orderOf(a.id) - orderOf(b.id) || a.id.localeCompare(b.id));
  const bySchool = new Map<string, SchoolToLookAt>();
  for (const reason of contributions.flatMap((c) => c.lookAt)) {
    const entry = bySchool.get(reason.schoolId) ?? { schoolId: reason.schoolId, schoolName: reason.schoolName, reasons: [], weight: 0 };
    if (!entry.reasons.includes(reason.reason)) entry.reasons.push(reason.reason);
    entry.weight += reason.weight;
    bySchool.set(reason.schoolId, entry);
  }
  const lookAt = [...bySchool.values()].sort((a, b) => b.weight - a.weight || a.schoolName.localeCompare(b.schoolName, 'en-GB'));
  return { trustName, weekOf, sections, lookAt };
}
