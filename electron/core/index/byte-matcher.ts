// Matching lines straight on a file's stored UTF-8 bytes, so a search does not decode whole
// files (decoding was most of a search's time). Literal queries run as Buffer.indexOf (exact,
// case-sensitive), or, case-insensitive with an ASCII query, as a regex over the bytes read as
// Latin-1: ASCII letters then fold exactly as in UTF-8 text, and no non-ASCII byte can match.
// Everything else decodes the file and uses line-matcher.ts. Only the matching lines are decoded.
import { isAscii } from 'node:buffer';
import { compileMatcher, escapeRegExp, type LineHit, type MatchOptions } from './line-matcher';

/**
 * Matches one text, or one chunk of whole lines of it starting at line `firstLine` (the line
 * numbers are then the file's; only the first chunk can start with a byte order mark).
 */
export type ByteMatcher = (bytes: Buffer, limit: number, firstLine?: number) => LineHit[];

const utf8 = new TextDecoder('utf-8'); // lossy, as ripgrep reads Latin-1 files
const utf8KeepBom = new TextDecoder('utf-8', { ignoreBOM: true }); // mid-file, U+FEFF is text
const PREVIEW_MAX = 250;
const ASCII_WORD = '[A-Za-z0-9_]';

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
  // ASCII query, case-insensitive and/or whole word: a regex over the Latin-1 view of the bytes.
  // Whole words need Unicode word characters around them, which only ASCII files spell as bytes.
  let source = escapeRegExp(query);
  if (wholeWord) source = `(?<!${ASCII_WORD})(?:${source})(?!${ASCII_WORD})`;
  const pattern = new RegExp(source, caseSensitive ? 'g' : 'gi');
  return (bytes, limit, firstLine = 1) => {
    if (wholeWord && !isAscii(bytes)) return decodeAll(bytes, limit, firstLine);
    // U+017F (ſ, C5 BF) and U+212A (K, E2 84 AA) fold to s and k in Unicode: leave those to the decoder.
    if (!caseSensitive && !isAscii(bytes) && (bytes.includes(LONG_S) || bytes.includes(KELVIN))) return decodeAll(bytes, limit, firstLine);
    const text = bytes.toString('latin1');
    const hits: LineHit[] = [];
    const lines = new ByteLines(bytes, firstLine);
    pattern.lastIndex = 0;
    while (hits.length < limit) {
      const match = pattern.exec(text);
      if (!match) break;
      const { hit, lineEnd } = lines.hitAt(match.index, match[0].length);
      hits.push(hit);
      pattern.lastIndex = lineEnd + 1;
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
    const before = utf8.decode(bytes.subarray(lineStart, offset));
    const length = utf16Length ?? utf8.decode(bytes.subarray(offset, offset + byteLength)).length;
    let content = utf8.decode(bytes.subarray(lineStart, lineEnd));
    if (content.endsWith('\r')) content = content.slice(0, -1);
    const index = before.length;
    let previewColumn = index + 1;
    let preview = content;
    if (preview.length > PREVIEW_MAX) {
      const from = Math.max(0, index - 60);
      previewColumn = index - from + (from > 0 ? 2 : 1);
      preview = (from > 0 ? '…' : '') + content.slice(from, from + PREVIEW_MAX) + (from + PREVIEW_MAX < content.length ? '…' : '');
    }
    return { hit: { line: this.line, column: index + 1, length, preview, previewColumn }, lineEnd };
  }
}

function decode(bytes: Buffer, atFileStart = true): string {
  return isAscii(bytes) ? bytes.toString('latin1') : (atFileStart ? utf8 : utf8KeepBom).decode(bytes);
}
