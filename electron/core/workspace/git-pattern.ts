// One .gitignore file compiled once into matchers, with git's semantics (dir.c and wildmatch.c):
// blank lines and `#` comments skipped, `\r` and unescaped trailing spaces dropped, `!` negates,
// a trailing `/` matches folders only, a pattern with a `/` is anchored to its file's folder
// (else it matches the basename at any depth), `*` `?` `[...]` do not match `/`, `**` at a
// slash boundary matches any folders, `\` escapes. The common shapes skip the automaton (Glob):
// `name` and `*.ext` compare the basename, a literal anchored path compares the path.
// Matching is on UTF-8 bytes as git's (`?` is one byte), case-sensitive unless folded by the caller.

const enum Kind {
  /** The basename equals `text`. */
  Name,
  /** The basename ends with `text` (`*.ext`). */
  Suffix,
  /** The basename matches `re`. */
  NameRe,
  /** The path relative to the file's folder equals `text`. */
  Path,
  /** The path relative to the file's folder matches `re`. */
  PathRe,
  /** Never matches (a pattern git refuses to match: an unterminated `[`, a trailing `\`). */
  Never,
}

export interface GitRule {
  readonly kind: Kind;
  readonly text: string;
  readonly glob: Glob | null;
  readonly negative: boolean;
  readonly dirOnly: boolean;
}

/** The rules of one file in file order, or null when it has none. `fold` lowercases ASCII (core.ignorecase). */
export function compileGitignore(source: string, fold: (s: string) => string = (s) => s): GitRule[] | null {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source; // git skips a UTF-8 BOM
  const rules: GitRule[] = [];
  for (let line of text.split('\n')) {
    if (line === '' || line[0] === '#') continue;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const rule = compilePattern(fold(trimTrailingSpaces(line)));
    if (rule) rules.push(rule);
  }
  return rules.length > 0 ? rules : null;
}

/** 1: ignored, -1: re-included (a `!` pattern), 0: no pattern of the file matches. */
export function matchRules(rules: readonly GitRule[], relPath: string, start: number, name: string, isDir: boolean): number {
  let rel: string | undefined;
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i]!;
    if (rule.dirOnly && !isDir) continue;
    let hit: boolean;
    switch (rule.kind) {
      case Kind.Name:
        hit = name === rule.text;
        break;
      case Kind.Suffix:
        hit = name.endsWith(rule.text);
        break;
      case Kind.NameRe:
        hit = rule.glob!.test(asBytes(name));
        break;
      case Kind.Path:
        hit = (rel ??= relPath.slice(start)) === rule.text;
        break;
      case Kind.PathRe:
        hit = rule.glob!.test(asBytes((rel ??= relPath.slice(start))));
        break;
      default:
        hit = false;
    }
    if (hit) return rule.negative ? -1 : 1;
  }
  return 0;
}

/** git's trim_trailing_spaces: trailing spaces go unless the first of them is escaped. */
function trimTrailingSpaces(line: string): string {
  let lastSpace = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ') {
      if (lastSpace < 0) lastSpace = i;
    } else if (c === '\\') {
      i++;
      if (i >= line.length) return line;
      lastSpace = -1;
    } else lastSpace = -1;
  }
  return lastSpace >= 0 ? line.slice(0, lastSpace) : line;
}

function compilePattern(line: string): GitRule | null {
  let p = line;
  const negative = p[0] === '!';
  if (negative) p = p.slice(1);
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.includes('/');
  if (anchored && p[0] === '/') p = p.slice(1);
  if (p === '') return null; // git's empty pattern matches no name
  const rule = (kind: Kind, text: string, glob: Glob | null = null): GitRule => ({ kind, text, glob, negative, dirOnly });
  const literal = simpleLength(p);
  if (!anchored) {
    if (literal === p.length) return rule(Kind.Name, p);
    if (p[0] === '*' && simpleLength(p.slice(1)) === p.length - 1) return rule(Kind.Suffix, p.slice(1));
    const glob = compileGlob('', p);
    return glob ? rule(Kind.NameRe, p, glob) : rule(Kind.Never, p);
  }
  if (literal === p.length) return rule(Kind.Path, p);
  // As git's match_pathname: the literal prefix is compared, then the rest is matched as a
  // pattern of its own (so a `**` right after the prefix counts as at the pattern's start).
  const glob = compileGlob(p.slice(0, literal), p.slice(literal));
  return glob ? rule(Kind.PathRe, p, glob) : rule(Kind.Never, p);
}

/** Length of the part before the first glob character (git's simple_length: `*?[\`). */
function simpleLength(p: string): number {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*' || c === '?' || c === '[' || c === '\\') return i;
  }
  return p.length;
}

/** A string whose code units are its UTF-8 bytes, as wildmatch sees it. */
function asBytes(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return Buffer.from(s, 'utf8').toString('latin1');
  return s;
}

const CLASSES: Record<string, string> = {
  alnum: 'A-Za-z0-9', alpha: 'A-Za-z', blank: ' \\t', cntrl: '\\x00-\\x1f\\x7f', digit: '0-9', graph: '\\x21-\\x7e',
  lower: 'a-z', print: '\\x20-\\x7e', punct: '!-\\/:-@\\[-`{-~', space: ' \\t\\n\\r\\v\\f', upper: 'A-Z', xdigit: '0-9A-Fa-f',
};

function unit(c: string): string {
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/**
 * One step of a pattern: a byte, `?` (a byte but `/`), a bracket expression (one byte but `/`),
 * `*` (bytes but `/`), a trailing `**` (any bytes), or `**` before a slash (nothing, or any bytes
 * ending with a `/`: DIRS).
 */
type Step = number | typeof ONE | RegExp | typeof STAR | typeof ANY | typeof DIRS;
const ONE = -1;
const STAR = -2;
const ANY = -3;
const DIRS = -4;
const SLASH = 0x2f;

/**
 * wildmatch with WM_PATHNAME over the bytes of a path (as `asBytes` gives them), run as an
 * automaton: every position of the pattern the text could have reached is kept at once, so the
 * cost is at most the text's length times the pattern's. A regular expression of the same
 * pattern backtracks: `*a*a*a*a*a*a*a*a*a*a*a*a*b` against 40 `a`s ran for minutes, and a
 * repository's .gitignore must not be able to stall a walk.
 */
export class Glob {
  /** The states the text may be in: `i` before step i (`steps.length`: all matched), `inside + i` within DIRS step i. */
  private current: Int32Array;
  private following: Int32Array;
  /** `marks[state] === pass`: the state is listed in this pass (no clearing between characters). */
  private readonly marks: Uint32Array;
  private pass = 0;
  private readonly inside: number;

  constructor(private readonly steps: readonly Step[]) {
    this.inside = steps.length + 1;
    this.current = new Int32Array(2 * this.inside);
    this.following = new Int32Array(2 * this.inside);
    this.marks = new Uint32Array(2 * this.inside);
  }

  test(text: string): boolean {
    const { steps, inside } = this;
    const m = steps.length;
    if (this.pass > 0xfffffff0) {
      this.marks.fill(0);
      this.pass = 0;
    }
    let count = this.add(this.current, 0, ++this.pass, 0);
    for (let s = 0; s < text.length; s++) {
      const c = text.charCodeAt(s);
      const pass = ++this.pass;
      const list = this.current;
      let next = 0;
      for (let k = 0; k < count; k++) {
        const state = list[k]!;
        if (state >= inside) {
          next = this.add(this.following, state, pass, next);
          if (c === SLASH) next = this.add(this.following, state - inside + 1, pass, next);
          continue;
        }
        if (state === m) continue;
        const step = steps[state]!;
        if (step === DIRS) {
          next = this.add(this.following, inside + state, pass, next);
          if (c === SLASH) next = this.add(this.following, state + 1, pass, next);
        } else if (step === ANY || (step === STAR && c !== SLASH)) {
          next = this.add(this.following, state, pass, next);
        } else if (step === ONE ? c !== SLASH : typeof step === 'number' ? step === c : step.test(String.fromCharCode(c))) {
          next = this.add(this.following, state + 1, pass, next);
        }
      }
      if (next === 0) return false;
      const swap = this.current; // no array per character: this runs for every byte of a path
      this.current = this.following;
      this.following = swap;
      count = next;
    }
    return this.marks[m] === this.pass;
  }

  /** Lists `state` (and, before a step that may match nothing, the states past it) once per pass. */
  private add(list: Int32Array, state: number, pass: number, count: number): number {
    for (;;) {
      if (this.marks[state] === pass) return count;
      this.marks[state] = pass;
      list[count++] = state;
      const step = state < this.steps.length ? this.steps[state] : undefined;
      if (step !== STAR && step !== ANY && step !== DIRS) return count;
      state++;
    }
  }
}

/**
 * wildmatch with WM_PATHNAME as a Glob: `prefix` literally, then `pattern`. As git's dir.c, which
 * compares an anchored pattern's literal prefix first and hands wildmatch the rest, a `**` at the
 * start of `pattern` counts as at a slash boundary. Null when wildmatch would match nothing (an
 * unterminated `[`, a malformed class, a trailing `\\`).
 */
function compileGlob(prefix: string, pattern: string): Glob | null {
  const p = asBytes(pattern);
  const steps: Step[] = [];
  for (const c of asBytes(prefix)) steps.push(c.charCodeAt(0));
  let i = 0;
  while (i < p.length) {
    const c = p[i]!;
    if (c === '\\') {
      if (i + 1 >= p.length) return null;
      steps.push(p.charCodeAt(i + 1));
      i += 2;
    } else if (c === '?') {
      steps.push(ONE);
      i++;
    } else if (c === '*') {
      let j = i;
      while (p[j] === '*') j++;
      const double = j - i >= 2;
      const atBoundary = (i === 0 || p[i - 1] === '/') && (j === p.length || p[j] === '/' || (p[j] === '\\' && p[j + 1] === '/'));
      if (double && atBoundary) {
        if (j === p.length) {
          steps.push(ANY);
          i = j;
        } else {
          steps.push(DIRS); // `**/`: no folder, or any folders
          i = p[j] === '/' ? j + 1 : j + 2;
        }
      } else {
        steps.push(STAR);
        i = j;
      }
    } else if (c === '[') {
      const bracket = bracketRegExp(p, i);
      if (!bracket) return null;
      steps.push(new RegExp(`^${bracket.re}$`));
      i = bracket.end;
    } else {
      steps.push(p.charCodeAt(i));
      i++;
    }
  }
  return new Glob(steps);
}

/** wildmatch's `[...]` from `p[open]`: never matches `/`; `!` or `^` negates; `]` first is literal. */
function bracketRegExp(p: string, open: number): { re: string; end: number } | null {
  let i = open + 1;
  let negated = false;
  if (p[i] === '!' || p[i] === '^') {
    negated = true;
    i++;
  }
  let set = '';
  let prev: string | null = null;
  let first = true;
  while (first || p[i] !== ']') {
    first = false;
    if (i >= p.length) return null;
    let c = p[i]!;
    if (c === '\\') {
      i++;
      if (i >= p.length) return null;
      c = p[i]!;
      set += unit(c);
      prev = c;
    } else if (c === '-' && prev !== null && i + 1 < p.length && p[i + 1] !== ']') {
      i++;
      let hi = p[i]!;
      if (hi === '\\') {
        i++;
        if (i >= p.length) return null;
        hi = p[i]!;
      }
      if (hi >= prev) set += `${unit(prev)}-${unit(hi)}`;
      prev = null;
    } else if (c === '[' && p[i + 1] === ':') {
      const close = p.indexOf(']', i + 2);
      if (close < 0) return null;
      if (close - (i + 2) < 1 || p[close - 1] !== ':') {
        set += unit('['); // no `:]`: a plain `[`
        prev = '[';
      } else {
        const cls = CLASSES[p.slice(i + 2, close - 1)];
        if (cls === undefined) return null;
        set += cls;
        prev = null;
        i = close;
      }
    } else {
      set += unit(c);
      prev = c;
    }
    i++;
  }
  return { re: negated ? `[^/${set}]` : `(?!/)[${set}]`, end: i + 1 };
}
