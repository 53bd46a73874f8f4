/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, so "hepl"
 * is one edit from "help"), for "did you mean" suggestions.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The closest candidate to `input`, or null when nothing is close enough to be a typo. */
export function closest(input: string, candidates: readonly string[]): string | null {
  const word = input.toLowerCase().trim().slice(0, 40);
  if (!word) return null;
  let best: { name: string; distance: number } | null = null;
  for (const name of candidates) {
    const distance = word.length >= 3 && name.startsWith(word) ? 0 : editDistance(word, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  const tolerance = Math.max(1, Math.floor(word.length / 3));
  return best && best.distance <= tolerance ? best.name : null;
}

/** True when `typed` is `word` or a typo of it (the same tolerance as `closest`). */
function sameWord(typed: string, word: string): boolean {
  return typed === word || closest(typed, [word]) === word;
}

/**
 * The command a person most likely meant by `text`: all of a command's words in another
 * order ("round start checkin" -> "checkin round start"), with typos allowed, the longest
 * such command first; otherwise a typo or prefix of its first words.
 */
export function suggestCommand(text: string, commands: readonly string[]): string | null {
  const typed = text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
  if (typed.length === 0) return null;
  const byWords = commands
    .map((command) => command.split(' '))
    .filter((words) => words.length > 1 && words.every((word) => typed.some((t) => sameWord(t, word))))
    .sort((a, b) => b.length - a.length || a.join(' ').localeCompare(b.join(' ')));
  if (byWords[0]) return byWords[0].join(' ');
  const firstTwo = typed.slice(0, 2).join(' ');
  return closest(firstTwo, commands) ?? closest(typed[0]!, commands);
}
