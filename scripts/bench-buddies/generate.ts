/**
 * Generated trusts for the buddy benchmark: seeded, so every run sees the same people.
 * Shapes follow the domain brief §8 (mostly primaries, some secondaries, a few special and AP
 * settings; several local authorities; usually one SENCO per school).
 */
import type { SchoolPhase } from '../../src/core/model';
import { BUDDY_TAGS } from '../../src/core/buddies/model';

/** mulberry32: a small, fast, seeded PRNG (public domain). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Senco {
  id: string;
  schoolId: string;
  phase: SchoolPhase;
  localAuthority: string;
  yearsInRole: number;
  qualified: boolean;
  /** Opted in as a buddy, with this many places and strengths. */
  buddyCapacity: number;
  strengths: string[];
}

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!;
}

function phaseOf(r: () => number): SchoolPhase {
  const x = r();
  return x < 0.6 ? 'primary' : x < 0.85 ? 'secondary' : x < 0.9 ? 'all-through' : x < 0.96 ? 'special' : 'alternative-provision';
}

export function generateTrust(n: number, seed: number): Senco[] {
  const r = rng(seed);
  const las = Array.from({ length: Math.max(2, Math.ceil(n / 40)) }, (_, i) => `LA ${i + 1}`);
  const out: Senco[] = [];
  let school = 0;
  let schoolPhase: SchoolPhase = 'primary';
  let schoolLa = las[0]!;
  for (let i = 0; i < n; i++) {
    // About one school in ten has a second SENCO (large secondaries, all-through).
    if (i === 0 || r() > 0.1) {
      school++;
      schoolPhase = phaseOf(r);
      schoolLa = pick(r, las);
    }
    const years = Math.floor(Math.pow(r(), 1.6) * 16);
    const buddy = years >= 3 && r() < 0.45;
    const strengths = buddy ? BUDDY_TAGS.filter(() => r() < 0.3) : [];
    out.push({
      id: `p${String(i).padStart(5, '0')}`,
      schoolId: `s${String(school).padStart(5, '0')}`,
      phase: schoolPhase,
      localAuthority: schoolLa,
      yearsInRole: years,
      qualified: years >= 2 || r() < 0.2,
      buddyCapacity: buddy ? 1 + Math.floor(r() * 3) : 0,
      strengths,
    });
  }
  return out;
}
