// A small cache for documents that several specs read: every OpenSpec change reads its root's
// `openspec/config.yaml` and the capability specs its deltas modify. Keyed by path and checked
// against the text itself (the same string object compares in O(1)), so an edited file is re-read.
// Bounded: past `limit` entries it starts again (parsing is a pure function of the text).

export interface TextMemo<T> {
  get(path: string, text: string, compute: () => T): T;
}

export function textMemo<T>(limit = 256): TextMemo<T> {
  let entries = new Map<string, { text: string; value: T }>();
  return {
    get(path, text, compute) {
      const hit = entries.get(path);
      if (hit !== undefined && hit.text === text) return hit.value;
      if (entries.size >= limit) entries = new Map();
      const value = compute();
      entries.set(path, { text, value });
      return value;
    },
  };
}
