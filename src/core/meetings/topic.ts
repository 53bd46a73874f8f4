/** The duplicate check for agenda topics: case and spacing do not make a new topic. */
export function normalizeTopic(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
