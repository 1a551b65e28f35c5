// Matching lines straight on a file's stored UTF-8 bytes, so a search does not decode whole
// files (decoding was most of a search's time). Literal queries run as Buffer.indexOf (exact,
// case-sensitive), or, case-insensitive or whole-word with an ASCII query, on the bytes as
// byte-finder.ts finds them. Everything else decodes the file and uses line-matcher.ts. Of a
// matching line only the piece its preview shows is decoded (minified files have lines of 100s of KB).
import { isAscii } from 'node:buffer';
import { compileByteFinder } from './byte-finder';
import { compileMatcher, type LineHit, type MatchOptions } from './line-matcher';

/**
 * Matches one text, or one chunk of whole lines of it starting at line `firstLine` (the line
 * numbers are then the file's; only the first chunk can start with a byte order mark).
 */
export type ByteMatcher = (bytes: Buffer, limit: number, firstLine?: number) => LineHit[];

const utf8 = new TextDecoder('utf-8'); // lossy, as ripgrep reads Latin-1 files
const utf8KeepBom = new TextDecoder('utf-8', { ignoreBOM: true }); // mid-file, U+FEFF is text
const PREVIEW_MAX = 250;

export function compileByteMatcher(options: MatchOptions): ByteMatcher {
  const onText = compileMatcher(options); // validates a regex; the fallback for the other cases
  const decodeAll: ByteMatcher = (bytes, limit, firstLine = 1) => {
    const hits = onText(decode(bytes, firstLine === 1), limit);
    if (firstLine !== 1) for (const hit of hits) hit.line += firstLine - 1;
    return hits;
  };
  const { query, regex, caseSensitive, wholeWord } = options;
  if (regex || query.includes('\n') || !isAscii(Buffer.from(query))) {
    if (!regex && caseSensitive && !wholeWord && !query.includes('\n')) return literalBytes(Buffer.from(query, 'utf8'), query.length);
    return decodeAll;
  }
  if (caseSensitive && !wholeWord) return literalBytes(Buffer.from(query, 'latin1'), query.length);
  if (query.length === 0) return decodeAll; // an empty needle matches every line: the text matcher's case
  // ASCII query, case-insensitive and/or whole word: found on the bytes (byte-finder.ts), where
  // ASCII letters fold exactly as in UTF-8 text and no non-ASCII byte can match. Whole words
  // need Unicode word characters around them, which only ASCII files spell as bytes.
  const find = compileByteFinder(Buffer.from(query, 'latin1'), { caseSensitive, wholeWord });
  return (bytes, limit, firstLine = 1) => {
    if (wholeWord && !isAscii(bytes)) return decodeAll(bytes, limit, firstLine);
    // U+017F (ſ, C5 BF) and U+212A (K, E2 84 AA) fold to s and k in Unicode: leave those to the decoder.
    if (!caseSensitive && !isAscii(bytes) && (bytes.includes(LONG_S) || bytes.includes(KELVIN))) return decodeAll(bytes, limit, firstLine);
    const hits: LineHit[] = [];
    const lines = new ByteLines(bytes, firstLine);
    const scan = find(bytes);
    for (let from = 0; hits.length < limit; ) {
      const at = scan.next(from);
      if (at === -1) break;
      const { hit, lineEnd } = lines.hitAt(at, query.length, query.length);
      hits.push(hit);
      from = lineEnd + 1;
    }
    return hits;
  };
}

const LONG_S = Buffer.from('\u017f');
const KELVIN = Buffer.from('\u212a');

function literalBytes(needle: Buffer, utf16Length: number): ByteMatcher {
  return (bytes, limit, firstLine = 1) => {
    const hits: LineHit[] = [];
    const lines = new ByteLines(bytes, firstLine);
    for (let from = 0; hits.length < limit; ) {
      const at = bytes.indexOf(needle, from);
      if (at === -1) break;
      const { hit, lineEnd } = lines.hitAt(at, needle.length, utf16Length);
      hits.push(hit);
      from = lineEnd + 1;
    }
    return hits;
  };
}

/** Line numbers for increasing byte offsets, and the hit's line decoded alone. */
class ByteLines {
  private line: number;
  private counted = 0;
  /** A UTF-8 byte order mark is not part of the first line's text (the decoder drops it too). */
  private readonly bom: number;

  constructor(private readonly bytes: Buffer, private readonly firstLine: number) {
    this.line = firstLine;
    this.bom = firstLine === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  }

  hitAt(offset: number, byteLength: number, utf16Length?: number): { hit: LineHit; lineEnd: number } {
    const bytes = this.bytes;
    for (let i = bytes.indexOf(10, this.counted); i !== -1 && i < offset; i = bytes.indexOf(10, i + 1)) {
      this.line++;
      this.counted = i + 1;
    }
    const lineStart = Math.max(offset === 0 ? 0 : bytes.lastIndexOf(10, offset - 1) + 1, this.line === this.firstLine ? this.bom : 0);
    let lineEnd = bytes.indexOf(10, offset);
    if (lineEnd === -1) lineEnd = bytes.length;
    // The line without a final \r, in three pieces decoded apart (they split at whole characters:
    // the match starts and ends with one), so an ASCII piece is only measured, never decoded whole.
    const matchEnd = offset + byteLength;
    const contentEnd = lineEnd > lineStart && bytes[lineEnd - 1] === 13 ? lineEnd - 1 : lineEnd;
    if (matchEnd > contentEnd) return { hit: this.wholeLineHit(lineStart, lineEnd, offset, byteLength, utf16Length), lineEnd };
    // The file's byte order mark is left out above (lineStart); any other U+FEFF is text, as for ripgrep.
    const before = measure(bytes, lineStart, offset);
    const length = utf16Length ?? utf8KeepBom.decode(bytes.subarray(offset, matchEnd)).length;
    const after = measure(bytes, matchEnd, contentEnd);
    const index = before.length;
    const total = index + length + after.length;
    const match = textOf(bytes, measure(bytes, offset, matchEnd), 0, Infinity);
    let previewColumn = index + 1;
    let preview: string;
    if (total <= PREVIEW_MAX) preview = textOf(bytes, before, 0, index) + match + textOf(bytes, after, 0, after.length);
    else {
      const from = Math.max(0, index - 60);
      previewColumn = index - from + (from > 0 ? 2 : 1);
      const head = textOf(bytes, before, from, index) + match;
      const window = (head + textOf(bytes, after, 0, Math.max(0, PREVIEW_MAX - head.length))).slice(0, PREVIEW_MAX);
      preview = (from > 0 ? '…' : '') + window + (from + PREVIEW_MAX < total ? '…' : '');
    }
    return { hit: { line: this.line, column: index + 1, length, preview, previewColumn }, lineEnd };
  }

  /** The line decoded whole (a match that takes in the line's final \r). */
  private wholeLineHit(lineStart: number, lineEnd: number, offset: number, byteLength: number, utf16Length?: number): LineHit {
    const bytes = this.bytes;
    const before = utf8KeepBom.decode(bytes.subarray(lineStart, offset));
    const length = utf16Length ?? utf8KeepBom.decode(bytes.subarray(offset, offset + byteLength)).length;
    let content = utf8KeepBom.decode(bytes.subarray(lineStart, lineEnd));
    if (content.endsWith('\r')) content = content.slice(0, -1);
    const index = before.length;
    let previewColumn = index + 1;
    let preview = content;
    if (preview.length > PREVIEW_MAX) {
      const from = Math.max(0, index - 60);
      previewColumn = index - from + (from > 0 ? 2 : 1);
      preview = (from > 0 ? '…' : '') + content.slice(from, from + PREVIEW_MAX) + (from + PREVIEW_MAX < content.length ? '…' : '');
    }
    return { line: this.line, column: index + 1, length, preview, previewColumn };
  }
}

/** A piece of a line: its length in UTF-16 units; its text when it is not ASCII (decoded once). */
interface Piece {
  start: number;
  length: number;
  text: string | null;
}

/** An ASCII piece is measured by its bytes (only the part asked for is ever decoded); any other is decoded. */
function measure(bytes: Buffer, start: number, end: number): Piece {
  if (isAscii(bytes.subarray(start, end))) return { start, length: end - start, text: null };
  const text = utf8KeepBom.decode(bytes.subarray(start, end));
  return { start, length: text.length, text };
}

/** The piece's text from..to (UTF-16 units). */
function textOf(bytes: Buffer, piece: Piece, from: number, to: number): string {
  if (piece.text !== null) return piece.text.slice(from, to);
  return bytes.toString('latin1', piece.start + from, piece.start + Math.min(to, piece.length));
}

function decode(bytes: Buffer, atFileStart = true): string {
  return isAscii(bytes) ? bytes.toString('latin1') : (atFileStart ? utf8 : utf8KeepBom).decode(bytes);
}
