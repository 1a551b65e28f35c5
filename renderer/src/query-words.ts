// The filter boxes' matching (spec list, Problems, trace, command palette): a query is its words,
// lower-cased, and a row matches when its text holds every one of them.

export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** `words` from `queryWords`; `text` in any case. No words match everything. */
export function hasEveryWord(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = text.toLowerCase();
  return words.every((w) => haystack.includes(w));
}
