// Line matchers that run in linear time. A regex like `^Requirement:\s*(.+?)\s*$` backtracks:
// the lazy body retries the `\s*$` tail at every position, so a heading with a long run of spaces
// (or ` #`) inside costs quadratic time, and an untrusted repository can stall every parse. These
// scanners give exactly the captures those regexes gave (tests/shared/specs/linear-match.test.ts
// checks them against the old regexes on generated lines) while looking at each character a
// bounded number of times. Each keeps the regex's `exec` shape so the parsers' call sites stay.

export interface LinearPattern {
  /** `[whole, ...groups]` as RegExp.exec would give (unmatched groups undefined), or null. */
  exec(s: string): Array<string | undefined> | null;
  test(s: string): boolean;
}

function pattern(exec: (s: string) => Array<string | undefined> | null): LinearPattern {
  return { exec, test: (s) => exec(s) !== null };
}

/** JavaScript's `\s` (WhiteSpace and LineTerminator; the same set String.prototype.trim removes). */
export function isSpace(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return c.trim() === '';
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && isSpace(s[i])) i++;
  return i;
}

/** `s.slice(i)` starts with `word`, ignoring case (ASCII words only). */
function startsWithWord(s: string, i: number, word: string): boolean {
  return s.slice(i, i + word.length).toLowerCase() === word.toLowerCase();
}

/**
 * The capture of `\s*(.+?)` (minOne) or `\s*(.*?)` before a tail, in a string from `from`: `tailStart`
 * is the smallest index where the tail pattern matches to the end (the set of such indexes is every
 * index from it on). Mirrors the engine: the leading `\s*` greedy, the body as short as possible.
 */
function lazyBody(s: string, from: number, tailStart: number, minOne: boolean): string | null {
  const lead = skipSpaces(s, from);
  if (!minOne) return s.slice(lead, Math.max(lead, tailStart));
  if (lead < s.length) return s.slice(lead, Math.max(lead + 1, tailStart));
  return s.length > from ? s.slice(s.length - 1) : null; // all spaces: `\s*` gives one back
}

/** Smallest index from which `s` is `\s*` to the end. */
function spacesTailStart(s: string): number {
  let j = s.length;
  while (j > 0 && isSpace(s[j - 1])) j--;
  return j;
}

/** Smallest index from which `s` is `\s*`?\s*` to the end. */
function backtickTailStart(s: string): number {
  let j = spacesTailStart(s);
  if (j > 0 && s[j - 1] === '`') {
    j--;
    while (j > 0 && isSpace(s[j - 1])) j--;
  }
  return j;
}

/** Was `/^Requirement:\s*(.+?)\s*$/is`. */
export const OPENSPEC_REQUIREMENT = pattern((s) => {
  if (!startsWithWord(s, 0, 'Requirement:')) return null;
  const body = lazyBody(s, 12, spacesTailStart(s), true);
  return body === null ? null : [s, body];
});

/** Was `/^Scenario:\s*(.*?)\s*$/is`. */
export const OPENSPEC_SCENARIO = pattern((s) => {
  if (!startsWithWord(s, 0, 'Scenario:')) return null;
  return [s, lazyBody(s, 9, spacesTailStart(s), false)!];
});

/** Was ``/^\s*[-*]\s*(FROM|TO)\s*:\s*`?\s*(?:###\s*)?Requirement:\s*(.+?)\s*`?\s*$/is``. */
export const OPENSPEC_RENAME_LINE = pattern((s) => {
  let i = skipSpaces(s, 0);
  if (s[i] !== '-' && s[i] !== '*') return null;
  i = skipSpaces(s, i + 1);
  const word = startsWithWord(s, i, 'FROM') ? s.slice(i, i + 4) : startsWithWord(s, i, 'TO') ? s.slice(i, i + 2) : null;
  if (word === null) return null;
  i = skipSpaces(s, i + word.length);
  if (s[i] !== ':') return null;
  i = skipSpaces(s, i + 1);
  if (s[i] === '`') i = skipSpaces(s, i + 1);
  if (s.startsWith('###', i)) i = skipSpaces(s, i + 3);
  if (!startsWithWord(s, i, 'Requirement:')) return null;
  const body = lazyBody(s, i + 12, backtickTailStart(s), true);
  return body === null ? null : [s, word, body];
});

const SPECKIT_SEPARATORS = '-–—:.';
const TARGET = '🎯';
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

function skipBlanks(s: string, i: number): number {
  while (isBlank(s[i])) i++;
  return i;
}

/** `P\d+` at `i` (either case): its text and the index after it. */
function readP(s: string, i: number): { value: string; end: number } | null {
  if (s[i] !== 'P' && s[i] !== 'p') return null;
  let j = i + 1;
  while (j < s.length && s[j]! >= '0' && s[j]! <= '9') j++;
  return j === i + 1 ? null : { value: s.slice(i, j), end: j };
}

/**
 * Was `/^(?:\[(P\d+)\][ \t]*)?(?:User Story|Story|US)[ \t]*-?[ \t]*(\d+)(?![.\d])[ \t]*[-–—:.]?[ \t]*(.*?)[ \t]*
 * (?:[([][ \t]*Priority[ \t]*:[ \t]*(P\d+)[ \t]*[)\]])?[ \t]*(?:🎯.*)?$/is` (one line). Groups: the `[P1]`
 * prefix, the number, the title (the shortest text after which the rest is blanks, an optional
 * `(Priority: P1)`, blanks, then the end or 🎯 and anything), the priority.
 */
export const SPECKIT_USER_STORY = pattern((s) => {
  let i = 0;
  let prefix: string | undefined;
  if (s[0] === '[') {
    const p = readP(s, 1);
    if (p && s[p.end] === ']') {
      prefix = p.value;
      i = skipBlanks(s, p.end + 1);
    }
  }
  // The regex tries the words in order and takes the first with which the rest matches; past the
  // number the rest always matches, so the first word followed by a valid number wins.
  let number: { value: string; end: number } | null = null;
  for (const word of ['User Story', 'Story', 'US']) {
    if (!startsWithWord(s, i, word)) continue;
    let j = skipBlanks(s, i + word.length);
    if (s[j] === '-') j = skipBlanks(s, j + 1);
    const start = j;
    while (j < s.length && s[j]! >= '0' && s[j]! <= '9') j++;
    if (j === start || s[j] === '.') continue; // (?![.\d]): the digits run out at a non-dot
    number = { value: s.slice(start, j), end: j };
    break;
  }
  if (number === null) return null;
  i = skipBlanks(s, number.end);
  if (i < s.length && SPECKIT_SEPARATORS.includes(s[i]!)) i = skipBlanks(s, i + 1);
  // nextNonBlank[k]: the first index ≥ k that is not a blank (one pass from the right).
  const nextNonBlank = new Int32Array(s.length + 1);
  nextNonBlank[s.length] = s.length;
  for (let k = s.length - 1; k >= 0; k--) nextNonBlank[k] = isBlank(s[k]) ? nextNonBlank[k + 1]! : k;
  const endsHere = (j: number) => j === s.length || s.startsWith(TARGET, j);
  // Every k in a run of blanks leads to the same j: its priority is read once.
  let readAt = -1;
  let priority: { value: string; end: number } | null = null;
  for (let k = i; k <= s.length; k++) {
    const j = nextNonBlank[k]!;
    if (endsHere(j)) return [s, prefix, number.value, s.slice(i, k), undefined];
    if (s[j] !== '(' && s[j] !== '[') continue;
    if (readAt !== j) [readAt, priority] = [j, readPriority(s, j, nextNonBlank)];
    if (priority && endsHere(nextNonBlank[priority.end]!)) return [s, prefix, number.value, s.slice(i, k), priority.value];
  }
  return null; // not reached: k = s.length always ends
});

/** `[([][ \t]*Priority[ \t]*:[ \t]*(P\d+)[ \t]*[)\]]` at `j`: the `P…` text and the index after the bracket. */
function readPriority(s: string, j: number, next: Int32Array): { value: string; end: number } | null {
  let i = next[j + 1]!;
  if (!startsWithWord(s, i, 'Priority')) return null;
  i = next[i + 8]!;
  if (s[i] !== ':') return null;
  const p = readP(s, next[i + 1]!);
  if (!p) return null;
  i = next[p.end]!;
  if (s[i] !== ')' && s[i] !== ']') return null;
  return { value: p.value, end: i + 1 };
}

/** Was `/^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/s`: the level's hashes and the text without closing `#`s. */
export function matchHeading(line: string): { hashes: string; text: string } | null {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const start = i;
  while (i < line.length && line[i] === '#' && i - start < 7) i++;
  const level = i - start;
  if (level < 1 || level > 6) return null;
  if (line[i] !== ' ' && line[i] !== '\t') return null;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  let end = line.length;
  while (end > i && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '#')) end--;
  return { hashes: line.slice(start, start + level), text: line.slice(i, end) };
}
