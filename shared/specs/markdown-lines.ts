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
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let no = 0;
  let fenceChar = '';
  let fenceLen = 0;
  let fenceLine = 0;
  const length = text.length;
  const info: LineInfo = { no: 0, text: '', start: 0, fenced: false };
  while (start <= length) {
    let end = text.indexOf('\n', start);
    const next = end === -1 ? length + 1 : end + 1;
    if (end === -1) end = length;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const line = text.slice(start, lineEnd);
    no++;
    let fenced = fenceLen > 0;
    if (fenceLen === 0) {
      const m = line.length >= 3 && mayOpenFence(line) ? FENCE_OPEN.exec(line) : null;
      if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) {
        fenceChar = m[1]![0]!;
        fenceLen = m[1]!.length;
        fenceLine = no;
        fenced = true;
      }
    } else if (closesFence(line, fenceChar, fenceLen)) {
      fenceLen = 0;
    }
    info.no = no;
    info.text = line;
    info.start = start;
    info.fenced = fenced;
    visit(info);
    start = next;
    if (end === length) break;
  }
  return { lineCount: no, unclosedFenceLine: fenceLen > 0 ? fenceLine : null };
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

/** A heading line (`## Title`), outside fences: its level and text, or null (linear: see linear-match). */
export function headingOf(line: string): { level: number; text: string } | null {
  if (line.length === 0 || (line[0] !== '#' && line[0] !== ' ')) return null;
  const m = matchHeading(line);
  return m ? { level: m.hashes.length, text: m.text } : null;
}
