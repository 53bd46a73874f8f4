/**
 * A small seeded generator of hostile input for the endpoints' fuzz tests: deterministic
 * (mulberry32), so a failing case is found again from its seed and index. No dependency.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** 0 <= x < 1 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Text people (or attackers) might type: markup, control characters, odd Unicode, near-commands. */
export const NASTY_TEXT = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '**bold** _it_ ~strike~ `code` [link](https://evil.example.org) <https://evil.example.org|click>',
  '<!channel> <!here> <@U0BOB> @everyone',
  '${{7*7}} {{constructor.constructor("x")()}} %s %n',
  '\'; DROP TABLE "Person"; --',
  '\u0000\u0001\u0007\u001b[31mred\u001b[0m',
  '\ud800 lone high \udfff lone low',
  '\u202eevil\u202c right-to-left override',
  'Zalgo: Z̸̢̛̳̖a̵͇̓l̶̰̈g̸̣̈́o̵̙͝',
  '👩🏽‍🏫🏫📚 emoji 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '\r\n\t  \u00a0\u2028\u2029',
  'help',
  'checkin export',
  'school add <b>Evil</b> Academy',
  'person add Mallory <mallory@evil.example.org>',
  'erase me',
  'cancel',
  '',
];

/** A string of one of the nasty kinds, sometimes very long. */
export function nastyString(rng: Rng): string {
  const base = rng.pick(NASTY_TEXT);
  if (rng.chance(0.08)) return base.repeat(1 + rng.int(20_000)).slice(0, 200_000);
  if (rng.chance(0.2)) return Array.from({ length: 1 + rng.int(40) }, () => String.fromCharCode(rng.int(0x10000))).join('');
  return base;
}

/** A value of the wrong type for whatever field it lands in. */
export function wrongValue(rng: Rng): unknown {
  return rng.pick<() => unknown>([
    () => null,
    () => rng.int(1e9) - 5e8,
    () => 1e308 * 10,
    () => true,
    () => [],
    () => [nastyString(rng)],
    () => ({}),
    () => ({ $ne: null, __proto__: { admin: true } }),
    () => nastyString(rng),
    () => '',
  ])();
}

/** Replaces, deletes or adds fields anywhere in a payload (a fresh copy). */
export function mutate(rng: Rng, value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((v) => (rng.chance(0.3) ? mutate(rng, v, depth + 1) : v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const roll = rng.next();
      if (roll < 0.06) continue; // dropped
      if (roll < 0.14) out[k] = wrongValue(rng);
      else if (roll < 0.5 && depth < 6) out[k] = mutate(rng, v, depth + 1);
      else out[k] = v;
    }
    if (rng.chance(0.1)) out[rng.pick(['extra', 'constructor', '__proto__', 'toString', 'value', 'verb'])] = wrongValue(rng);
    return out;
  }
  if (typeof value === 'string' && rng.chance(0.3)) return nastyString(rng);
  return value;
}

/** The body as bytes of broken JSON: cut short, doubled, or with a character flipped. */
export function breakJson(rng: Rng, text: string): string {
  return rng.pick<() => string>([
    () => text.slice(0, rng.int(text.length)),
    () => text + text,
    () => {
      const at = rng.int(text.length);
      return text.slice(0, at) + rng.pick(['{', '}', '"', '\\', ',', '\u0000', '\ud800']) + text.slice(at + 1);
    },
    () => '',
    () => 'null',
    () => '[]',
    () => '"just a string"',
    () => '{"a":'.repeat(5000),
    () => '['.repeat(100_000),
  ])();
}
