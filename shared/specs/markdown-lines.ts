// Walks a Markdown text line by line with the facts every spec parser needs: where each line
// starts (UTF-16 offset), its text without the line terminator, and whether it sits inside a
// fenced code block. No recursion and no per-line allocation beyond the line string itself,
// so a 50 MB file or 1,000 levels of nesting cost no more than their length.
import { matchHeading } from './linear-match';

export interface LineInfo {
  /** 1-based line number. */
  no: number;
  /** The line without its terminator (`\n` or `\r\n`); a leading BOM is removed from line 1. */
  text: string;
  /** UTF-16 offset in the whole text of `text[0]`. */
  start: number;
  /** Inside a fenced code block, or a fence delimiter line itself. */
  fenced: boolean;
}

export interface ScanResult {
  lineCount: number;
  /** The line that opened a fence never closed (it runs to the end of the file), or null. */
  unclosedFenceLine: number | null;
}

// Fence rule (the same as the corpus's truth.py, CommonMark-like but with any indentation,
// because fences nested in list items are indented): >= 3 backticks or tildes open; a run of the
// same character at least as long, followed only by whitespace, closes.
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})(.*)$/s;

export function scanLines(text: string, visit: (line: LineInfo) => void): ScanResult {
  const cursor = new LineCursor(text);
  while (cursor.next()) visit(cursor);
  return { lineCount: cursor.no, unclosedFenceLine: cursor.unclosedFenceLine };
}

/**
 * The same walk as a loop the caller drives (`while (cursor.next()) { … }`): the hottest parser
 * (tasks) runs its line body inline instead of through a callback. The cursor is the line: its
 * fields change on each `next()`.
 */
export class LineCursor implements LineInfo {
  no = 0;
  text = '';
  start = 0;
  fenced = false;
  private readonly source: string;
  private at: number;
  private ended = false;
  private fenceChar = '';
  private fenceLen = 0;
  private fenceLine = 0;

  constructor(source: string) {
    this.source = source;
    this.at = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** The line that opened a fence never closed (once the walk has ended), or null. */
  get unclosedFenceLine(): number | null {
    return this.fenceLen > 0 ? this.fenceLine : null;
  }

  next(): boolean {
    const text = this.source;
    const length = text.length;
    const start = this.at;
    if (this.ended || start > length) return false;
    let end = text.indexOf('\n', start);
    const next = end === -1 ? length + 1 : end + 1;
    if (end === -1) end = length;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const line = text.slice(start, lineEnd);
    const no = this.no + 1;
    let fenced = this.fenceLen > 0;
    if (this.fenceLen === 0) {
      const m = line.length >= 3 && mayOpenFence(line) ? FENCE_OPEN.exec(line) : null;
      if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) {
        this.fenceChar = m[1]![0]!;
        this.fenceLen = m[1]!.length;
        this.fenceLine = no;
        fenced = true;
      }
    } else if (closesFence(line, this.fenceChar, this.fenceLen)) {
      this.fenceLen = 0;
    }
    this.no = no;
    this.text = line;
    this.start = start;
    this.fenced = fenced;
    this.at = next;
    if (end === length) this.ended = true;
    return true;
  }
}

/** Cheap pre-check: the first non-blank character is a backtick or a tilde. */
function mayOpenFence(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    return c === 96 || c === 126;
  }
  return false;
}

function closesFence(line: string, ch: string, len: number): boolean {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  let run = 0;
  while (i < line.length && line[i] === ch) {
    i++;
    run++;
  }
  if (run < len) return false;
  for (; i < line.length; i++) if (line[i] !== ' ' && line[i] !== '\t') return false;
  return true;
}

/** `s.trim() === ''` without building the trimmed copy (most lines are not blank). */
export function isBlankLine(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    // Other Unicode spaces are rare: let trim() decide from here.
    return c < 128 ? false : s.slice(i).trim() === '';
  }
  return true;
}

/** A heading line (`## Title`), outside fences: its level and text, or null (linear: see linear-match). */
export function headingOf(line: string): { level: number; text: string } | null {
  // matchHeading's own first test, inline: up to three spaces, then `#` (most lines fail here).
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  if (line.charCodeAt(i) !== 35) return null;
  const m = matchHeading(line);
  return m ? { level: m.hashes.length, text: m.text } : null;
}
