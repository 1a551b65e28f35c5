// One .gitignore file compiled once into matchers, with git's semantics (dir.c and wildmatch.c):
// blank lines and `#` comments skipped, `\r` and unescaped trailing spaces dropped, `!` negates,
// a trailing `/` matches folders only, a pattern with a `/` is anchored to its file's folder
// (else it matches the basename at any depth), `*` `?` `[...]` do not match `/`, `**` at a
// slash boundary matches any folders, `\` escapes. The common shapes skip the regular expression:
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
  readonly re: RegExp | null;
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
        hit = rule.re!.test(asBytes(name));
        break;
      case Kind.Path:
        hit = (rel ??= relPath.slice(start)) === rule.text;
        break;
      case Kind.PathRe:
        hit = rule.re!.test(asBytes((rel ??= relPath.slice(start))));
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
  const rule = (kind: Kind, text: string, re: RegExp | null = null): GitRule => ({ kind, text, re, negative, dirOnly });
  const literal = simpleLength(p);
  if (!anchored) {
    if (literal === p.length) return rule(Kind.Name, p);
    if (p[0] === '*' && simpleLength(p.slice(1)) === p.length - 1) return rule(Kind.Suffix, p.slice(1));
    const re = wildmatchRegExp('', p);
    return re ? rule(Kind.NameRe, p, re) : rule(Kind.Never, p);
  }
  if (literal === p.length) return rule(Kind.Path, p);
  // As git's match_pathname: the literal prefix is compared, then the rest is matched as a
  // pattern of its own (so a `**` right after the prefix counts as at the pattern's start).
  const re = wildmatchRegExp(p.slice(0, literal), p.slice(literal));
  return re ? rule(Kind.PathRe, p, re) : rule(Kind.Never, p);
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
 * wildmatch with WM_PATHNAME as a regular expression over bytes: `prefix` literally, then
 * `pattern`. Null when wildmatch would match nothing (an unterminated `[`, a malformed class, a
 * trailing `\`).
 */
function wildmatchRegExp(prefix: string, pattern: string): RegExp | null {
  const p = asBytes(pattern);
  let out = '^' + [...asBytes(prefix)].map(unit).join('');
  let i = 0;
  while (i < p.length) {
    const c = p[i]!;
    if (c === '\\') {
      if (i + 1 >= p.length) return null;
      out += unit(p[i + 1]!);
      i += 2;
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '*') {
      let j = i;
      while (p[j] === '*') j++;
      const double = j - i >= 2;
      const atBoundary = (i === 0 || p[i - 1] === '/') && (j === p.length || p[j] === '/' || (p[j] === '\\' && p[j + 1] === '/'));
      if (double && atBoundary) {
        if (j === p.length) {
          out += '[^]*';
          i = j;
        } else {
          out += '(?:[^]*/)?'; // `**/`: no folder, or any folders
          i = p[j] === '/' ? j + 1 : j + 2;
        }
      } else {
        out += '[^/]*';
        i = j;
      }
    } else if (c === '[') {
      const bracket = bracketRegExp(p, i);
      if (!bracket) return null;
      out += bracket.re;
      i = bracket.end;
    } else {
      out += unit(c);
      i++;
    }
  }
  return new RegExp(out + '$');
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
