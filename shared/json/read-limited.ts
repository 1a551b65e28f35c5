// JSON that comes from a repository (cc-sdd spec.json, Kiro's .config.kiro, Kiro's task
// dependency graph, …) is untrusted: a file nested 20,000 levels parses, then overflows the stack
// of whoever walks or serialises it. Every such read goes through parseJsonLimited, which refuses
// too-large and too-deep text before JSON.parse sees it.

export interface JsonLimits {
  /** Longest text accepted, in UTF-16 code units. */
  maxLength: number;
  /** Deepest nesting of arrays and objects accepted (a scalar is depth 0, `[]` depth 1). */
  maxDepth: number;
}

/** Limits for metadata files a repository contains: far above any real one. */
export const REPOSITORY_JSON_LIMITS: JsonLimits = { maxLength: 1024 * 1024, maxDepth: 64 };

export type LimitedJson =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'too-large' | 'too-deep'; message: string }
  | { ok: false; reason: 'invalid'; message: string; error: unknown };

export function parseJsonLimited(text: string, limits: JsonLimits = REPOSITORY_JSON_LIMITS): LimitedJson {
  if (text.length > limits.maxLength) {
    return { ok: false, reason: 'too-large', message: `it is larger than ${limits.maxLength} characters` };
  }
  if (depthExceededAt(text, limits.maxDepth) !== -1) {
    return { ok: false, reason: 'too-deep', message: `it nests deeper than ${limits.maxDepth} levels` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: 'invalid', message: error instanceof Error ? error.message : String(error), error };
  }
}

/**
 * The offset of the bracket where nesting first passes `max`, or -1. Counts outside strings only
 * (escapes skipped); linear, and right for valid JSON; for invalid text the parser reports the
 * error afterwards. Every reader of repository JSON checks this before parsing (config.ts,
 * settings.ts, task-graph.ts).
 */
export function depthExceededAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/**
 * Whether a value (parsed JSON, or anything built from it) nests deeper than `maxDepth`. Iterative,
 * so it cannot overflow the stack it protects; cycles count as too deep.
 */
export function exceedsDepth(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > maxDepth) return true;
    const children = Array.isArray(current) ? current : Object.values(current as Record<string, unknown>);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
