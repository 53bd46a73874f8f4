/**
 * The bulletins section of the weekly digest, from facts (pure): how many bulletins went out
 * this week, the acknowledgement rate of those that asked for it, and that rate by school,
 * lowest first (a school whose SENCOs are not reading is worth a look).
 */
import type { DigestContribution, LookAtReason } from './digest/model';

export interface BulletinWeekFacts {
  title: string;
  ackRequired: boolean;
  /** One per recipient: their school (id and name) and whether they acknowledged. */
  recipients: Array<{ schoolId: string | null; school: string; acked: boolean }>;
}

export interface BulletinDigestWording {
  title: string;
  headline(sent: number, rate: number | null): string;
  schoolLine(school: string, acked: number, total: number, percent: number): string;
  lookAt(percent: number): string;
}

/** Below this share acknowledged (with at least 2 asked), a school goes on "schools to look at". */
const LOW_RATE = 0.5;
const percentOf = (n: number, d: number) => (d === 0 ? 0 : Math.round((100 * n) / d));

export function bulletinDigest(week: readonly BulletinWeekFacts[], words: BulletinDigestWording): DigestContribution {
  if (week.length === 0) return { section: null, lookAt: [] };
  const bySchool = new Map<string, { schoolId: string | null; acked: number; total: number }>();
  let acked = 0;
  let asked = 0;
  for (const b of week) {
    if (!b.ackRequired) continue;
    for (const r of b.recipients) {
      const row = bySchool.get(r.school) ?? { schoolId: r.schoolId, acked: 0, total: 0 };
      bySchool.set(r.school, row);
      row.total += 1;
      asked += 1;
      if (r.acked) {
        row.acked += 1;
        acked += 1;
      }
    }
  }
  const rows = [...bySchool.entries()]
    .map(([school, r]) => ({ school, ...r, rate: r.acked / r.total }))
    .sort((a, b) => a.rate - b.rate || a.school.localeCompare(b.school, 'en-GB'));
  const lookAt: LookAtReason[] = rows
    .filter((r) => r.schoolId && r.total >= 2 && r.rate < LOW_RATE)
    .map((r) => ({ schoolId: r.schoolId!, schoolName: r.school, reason: words.lookAt(percentOf(r.acked, r.total)), weight: 1 }));
  return {
    section: {
      id: 'bulletins',
      title: words.title,
      headline: words.headline(week.length, asked === 0 ? null : percentOf(acked, asked)),
      lines: rows.map((r) => words.schoolLine(r.school, r.acked, r.total, percentOf(r.acked, r.total))),
    },
    lookAt,
  };
}
