// Reads one file for the index and decides what it is: text (indexed), binary or too large.
// Files are read into one reused buffer and handed to SQLite as bytes, so indexing a large
// tree allocates almost nothing on the JavaScript heap (big heaps mean long GC pauses, which
// stall the whole process, the serving thread included).
import { hashBytes } from '../workspace/hash';
import { readVerifiedInto } from '../workspace/pinned';

export type FileContent =
  /** `bytes` is only valid until the next read with the same reader. */
  | { kind: 'text'; bytes: Buffer; hash: string; size: number }
  | { kind: 'binary'; hash: string; size: number }
  | { kind: 'too-large'; size: number };

export class ContentReader {
  private readonly buffer: Buffer;

  constructor(private readonly limit: number) {
    this.buffer = Buffer.allocUnsafe(limit + 1); // one byte more tells "grew past the limit"
  }

  /**
   * `absolute` is the workspace's real root joined with the file's path: the open is verified
   * to be that file (a folder swapped for a link to outside is refused with a RaceError or
   * ELOOP, see isRaceOrGone), before even a too-large file is recorded under that name.
   * Throws the fs error (ENOENT when the file vanished, EACCES, EISDIR…) for the caller to report.
   */
  read(absolute: string, statSize: number): FileContent {
    if (statSize > this.limit) {
      readVerifiedInto(absolute, Buffer.alloc(0));
      return { kind: 'too-large', size: statSize };
    }
    const length = readVerifiedInto(absolute, this.buffer);
    if (length === this.buffer.length) return { kind: 'too-large', size: length }; // it grew since the stat
    return classifyBytes(this.buffer.subarray(0, length));
  }
}

export function classifyBytes(bytes: Buffer): FileContent {
  const hash = hashBytes(bytes);
  // ripgrep's rule: a NUL byte anywhere makes a file binary.
  if (bytes.indexOf(0) !== -1) return { kind: 'binary', hash, size: bytes.length };
  return { kind: 'text', bytes, hash, size: bytes.length };
}

/**
 * Target size of one stored piece of text. Text is stored and trigram-indexed in pieces of whole
 * lines, so a search reads only the pieces that hold every trigram of the query, not whole files
 * (most of a search's time was reading and scanning big candidate files). No match spans lines
 * (ripgrep's line semantics), so matching a piece alone is exact.
 */
export const TEXT_CHUNK_BYTES = 8 * 1024;

export interface TextChunk {
  start: number;
  end: number;
  /** 1-based line number of the chunk's first line. */
  firstLine: number;
}

/**
 * Splits text into chunks of whole lines: each ends just after the first `\n` at or past
 * `target` bytes (a longer line stays whole), the last one at the end of the text. An empty
 * text is one empty chunk.
 */
export function textChunks(bytes: Uint8Array, target = TEXT_CHUNK_BYTES): TextChunk[] {
  const chunks: TextChunk[] = [];
  let start = 0;
  let line = 1;
  do {
    const cut = start + target >= bytes.length ? -1 : bytes.indexOf(10, start + target - 1);
    const end = cut === -1 ? bytes.length : cut + 1;
    chunks.push({ start, end, firstLine: line });
    if (end < bytes.length) line += countNewlines(bytes, start, end);
    start = end;
  } while (start < bytes.length);
  return chunks;
}

function countNewlines(bytes: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(10, start); i !== -1 && i < end; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
