// Byte trigrams for the custom posting store (postings.ts): the trigrams a chunk of text holds,
// the trigrams a query literal needs, and the compact encoding of a sorted list of chunk ids.
// A trigram is three bytes as one 24-bit number, ASCII letters folded to lower case (so one
// index serves case-sensitive and case-insensitive searches); other bytes are kept as they are.
// Trigrams holding a newline are never indexed: no match spans lines (ripgrep's semantics).
import { CHUNKS_PER_FILE } from './schema'; // chunk id = file id × CHUNKS_PER_FILE + chunk number (chunkRowid)

const FOLD = new Uint8Array(256).map((_, b) => (b >= 65 && b <= 90 ? b + 32 : b));
const NEWLINE = 10;
// U+212A KELVIN SIGN and U+017F LONG S fold to k and s in Unicode (and so in a case-insensitive
// search); a chunk holding them also gets the trigrams of its text with them spelled k and s.
const KELVIN = Buffer.from('\u212a');
const LONG_S = Buffer.from('\u017f');

/** The distinct trigrams of one chunk, in a reused array; no object per trigram. */
export class TrigramSet {
  /** One bit per possible trigram (2 MB), cleared after each chunk through `list`. */
  private readonly seen = new Uint32Array(2 ** 24 / 32);
  list = new Uint32Array(16 * 1024);
  size = 0;

  /** Replaces the set with the trigrams of `bytes[start, end)`. */
  collect(bytes: Uint8Array, start: number, end: number): void {
    this.clear();
    const high = this.add(bytes, start, end);
    if (high & 0x80) {
      const chunk = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start);
      if (chunk.includes(KELVIN) || chunk.includes(LONG_S)) {
        const folded = Buffer.from(chunk.toString('latin1').replaceAll('\u00e2\u0084\u00aa', 'k').replaceAll('\u00c5\u00bf', 's'), 'latin1');
        this.add(folded, 0, folded.length);
      }
    }
  }

  private clear(): void {
    const { seen, list } = this;
    for (let i = 0; i < this.size; i++) seen[list[i]! >>> 5] = 0;
    this.size = 0;
  }

  /** Adds the trigrams of a range; returns the OR of its bytes (bit 7 set: not ASCII). */
  private add(bytes: Uint8Array, start: number, end: number): number {
    const seen = this.seen;
    let list = this.list;
    let size = this.size;
    let high = 0;
    let gram = 0;
    let valid = 0; // how many bytes since the last newline (a trigram needs three)
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      high |= b;
      if (b === NEWLINE) {
        valid = 0;
        continue;
      }
      gram = ((gram << 8) | FOLD[b]!) & 0xffffff;
      if (++valid < 3) continue;
      const word = gram >>> 5;
      const bit = 1 << (gram & 31);
      if ((seen[word]! & bit) !== 0) continue;
      seen[word] = seen[word]! | bit;
      if (size === list.length) {
        const grown = new Uint32Array(list.length * 2);
        grown.set(list);
        this.list = list = grown;
      }
      list[size++] = gram;
    }
    this.size = size;
    return high;
  }
}

/**
 * The trigrams every match of `literal` must hold in the index, or null when there is none
 * (fewer than three bytes of usable text). Case-insensitive: trigrams with a non-ASCII byte are
 * left out (a non-ASCII letter matches other spellings). Bytes of U+FFFD are left out too: the
 * matcher decodes invalid UTF-8 as U+FFFD, which the stored bytes do not spell.
 */
export function queryTrigrams(literal: string, caseSensitive: boolean): number[] | null {
  const bytes = Buffer.from(literal, 'utf8');
  const usable = new Uint8Array(bytes.length).fill(1);
  for (let at = bytes.indexOf(REPLACEMENT); at !== -1; at = bytes.indexOf(REPLACEMENT, at + 1)) usable.fill(0, at, at + 3);
  const grams = new Set<number>();
  for (let i = 0; i + 3 <= bytes.length; i++) {
    const a = bytes[i]!;
    const b = bytes[i + 1]!;
    const c = bytes[i + 2]!;
    if (!usable[i] || !usable[i + 1] || !usable[i + 2]) continue;
    if (a === NEWLINE || b === NEWLINE || c === NEWLINE) continue;
    if (!caseSensitive && ((a | b | c) & 0x80) !== 0) continue;
    grams.add((FOLD[a]! << 16) | (FOLD[b]! << 8) | FOLD[c]!);
  }
  return grams.size === 0 ? null : [...grams];
}

const REPLACEMENT = Buffer.from('\ufffd');

/** A growable byte buffer for varints. */
export class ByteWriter {
  bytes = Buffer.allocUnsafe(64 * 1024);
  length = 0;

  reset(): void {
    this.length = 0;
  }

  varint(value: number): void {
    if (this.length + 10 > this.bytes.length) this.grow(this.length + 10);
    const bytes = this.bytes;
    let v = value;
    while (v >= 0x80) {
      bytes[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    bytes[this.length++] = v;
  }

  byte(value: number): void {
    if (this.length + 1 > this.bytes.length) this.grow(this.length + 1);
    this.bytes[this.length++] = value;
  }

  append(source: Uint8Array): void {
    if (this.length + source.length > this.bytes.length) this.grow(this.length + source.length);
    this.bytes.set(source, this.length);
    this.length += source.length;
  }

  /** A copy of what was written. */
  take(): Buffer {
    return Buffer.from(this.bytes.subarray(0, this.length));
  }

  private grow(need: number): void {
    const grown = Buffer.allocUnsafe(Math.max(need, this.bytes.length * 2));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}

/**
 * Appends one posting list: sorted, distinct chunk ids. Each entry is varint(file delta × 2 +
 * (chunk number ≠ 0)) and, when the chunk number is not 0, varint(chunk number): most files are
 * one chunk, so an entry is mostly one byte.
 */
export class PostingEncoder {
  /** The file id of the last entry (kept in the row header, so lists can be concatenated). */
  lastFile = 0;
  private lastId = -1;
  count = 0;

  constructor(private readonly out: ByteWriter) {}

  /** Ids must come in ascending order; a repeat of the last one is skipped. */
  add(id: number): void {
    if (id === this.lastId) return;
    const file = Math.floor(id / CHUNKS_PER_FILE);
    const n = id - file * CHUNKS_PER_FILE;
    this.out.varint((file - this.lastFile) * 2 + (n === 0 ? 0 : 1));
    if (n !== 0) this.out.varint(n);
    this.lastFile = file;
    this.lastId = id;
    this.count++;
  }
}

/**
 * Decodes the posting list in `bytes[start, end)` into `into` at `at`; returns the new end.
 * The two varint reads stay inline (not readVarint): this is the query's hot loop, and
 * readVarint returns a fresh [value, position] pair per call.
 */
export function decodePostings(bytes: Uint8Array, start: number, end: number, into: Float64Array, at: number): number {
  let pos = start;
  let file = 0;
  let k = at;
  while (pos < end) {
    let v = 0;
    let scale = 1;
    for (;;) {
      if (pos >= end) throw damaged();
      const b = bytes[pos++]!;
      v += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 0x80;
    }
    file += Math.floor(v / 2);
    let n = 0;
    if (v % 2 === 1) {
      scale = 1;
      for (;;) {
        if (pos >= end) throw damaged();
        const b = bytes[pos++]!;
        n += (b & 0x7f) * scale;
        if (b < 0x80) break;
        scale *= 0x80;
      }
    }
    into[k++] = file * CHUNKS_PER_FILE + n;
  }
  return k;
}

/** A list that ends inside a varint (never written so): an error, not a read past the end. */
function damaged(): Error {
  return new Error('the index holds a damaged posting list; rebuild the index');
}

/** Reads a varint at `pos`; returns [value, next position]. */
export function readVarint(bytes: Uint8Array, pos: number): [number, number] {
  let v = 0;
  let scale = 1;
  for (;;) {
    if (pos >= bytes.length) throw damaged();
    const b = bytes[pos++]!;
    v += (b & 0x7f) * scale;
    if (b < 0x80) return [v, pos];
    scale *= 0x80;
  }
}
