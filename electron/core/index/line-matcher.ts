// Finds the matching lines of one text, with ripgrep's line semantics: `\n` ends a line, `\r`
// stays part of it, a line is reported once (at its first match), and no match spans lines.
import { ApiError } from '../../../shared/api/errors';

export interface MatchOptions {
  query: string;
  regex: boolean;
  caseSensitive: boolean;
  wholeWord: boolean;
}

export interface LineHit {
  line: number;
  column: number;
  length: number;
  preview: string;
  /** 1-based column of the match in `preview`. */
  previewColumn: number;
}

// ripgrep's \w: Unicode letters, marks, decimal digits, connector punctuation, join controls.
const WORD = String.raw`[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]`;
const PREVIEW_MAX = 250;

export type LineMatcher = (text: string, limit: number) => LineHit[];

export function compileMatcher(options: MatchOptions): LineMatcher {
  const { query, regex, caseSensitive, wholeWord } = options;
  if (!regex && !wholeWord && caseSensitive) return literalMatcher(query);
  let source = regex ? query : escapeRegExp(query);
  if (wholeWord) source = `(?<!${WORD})(?:${source})(?!${WORD})`;
  const flags = 'su' + (caseSensitive ? '' : 'i');
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, flags);
  } catch (error) {
    if (!regex) throw error;
    try {
      pattern = new RegExp(source, flags.replace('u', '')); // patterns that only non-Unicode mode accepts
    } catch {
      throw new ApiError('INVALID_ARGUMENT', `Invalid regular expression: ${(error as Error).message}`, 'query');
    }
  }
  return regex ? perLineMatcher(pattern) : wholeTextMatcher(new RegExp(pattern.source, pattern.flags + 'g'));
}

/** Case-sensitive literal: indexOf over the whole text, then the lines around each hit. */
function literalMatcher(query: string): LineMatcher {
  if (query.includes('\n')) return () => [];
  return (text, limit) => {
    const hits: LineHit[] = [];
    const lines = new LineCounter(text);
    let from = 0;
    while (hits.length < limit) {
      const at = text.indexOf(query, from);
      if (at === -1) break;
      const hit = lines.hitAt(at, query.length);
      hits.push(hit.hit);
      from = hit.lineEnd + 1;
    }
    return hits;
  };
}

/** A pattern that cannot cross a line (a literal): one global scan of the whole text. */
function wholeTextMatcher(pattern: RegExp): LineMatcher {
  return (text, limit) => {
    const hits: LineHit[] = [];
    const lines = new LineCounter(text);
    pattern.lastIndex = 0;
    while (hits.length < limit) {
      const match = pattern.exec(text);
      if (!match) break;
      const hit = lines.hitAt(match.index, match[0].length);
      hits.push(hit.hit);
      pattern.lastIndex = hit.lineEnd + 1;
    }
    return hits;
  };
}

/** A regular expression runs on each line alone, as ripgrep runs it without --multiline. */
function perLineMatcher(pattern: RegExp): LineMatcher {
  return (text, limit) => {
    const hits: LineHit[] = [];
    let start = 0;
    for (let line = 1; start <= text.length && hits.length < limit; line++) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      // A final newline ends the last line; it does not start an empty one.
      if (start === text.length && (line > 1 || text.length === 0)) break;
      const content = text.slice(start, end);
      const match = pattern.exec(content);
      if (match) hits.push(makeHit(line, content, match.index, match[0].length));
      start = end + 1;
    }
    return hits;
  };
}

/** Line numbers for increasing offsets, counting newlines only once. */
class LineCounter {
  private line = 1;
  private counted = 0;

  constructor(private readonly text: string) {}

  hitAt(offset: number, length: number): { hit: LineHit; lineEnd: number } {
    const text = this.text;
    for (let i = text.indexOf('\n', this.counted); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      this.line++;
      this.counted = i + 1;
    }
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd === -1) lineEnd = text.length;
    return { hit: makeHit(this.line, text.slice(lineStart, lineEnd), offset - lineStart, length), lineEnd };
  }
}

function makeHit(line: number, content: string, index: number, length: number): LineHit {
  const clean = content.endsWith('\r') ? content.slice(0, -1) : content;
  let previewColumn = index + 1;
  let preview = clean;
  if (preview.length > PREVIEW_MAX) {
    const from = Math.max(0, index - 60);
    previewColumn = index - from + (from > 0 ? 2 : 1);
    preview = (from > 0 ? '…' : '') + clean.slice(from, from + PREVIEW_MAX) + (from + PREVIEW_MAX < clean.length ? '…' : '');
  }
  return { line, column: index + 1, length, preview, previewColumn };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
