// The custom trigram posting store that replaced FTS5 for text (schema 3): FTS5's insert was
// about 90 % of indexing CPU. Log-structured: each indexing transaction writes one SEGMENT of
// postings for the chunks it stored (in the same transaction, so a killed run leaves both or
// neither), and small segments are merged (compaction). Rows: one per (bucket, segment), where a
// bucket is the trigram's first two bytes; the row holds every posting list of that bucket, so a
// segment is thousands of rows, not hundreds of thousands (one SQLite insert each).
//
// Row layout: varint n; n × (trigram's last byte, varint count, varint byte length, varint file id
// of the last entry); the lists. With the last file id, merging the lists of a full scan's
// segments (ascending, disjoint) is a copy that re-encodes only each list's first entry.
// postings.id = bucket × 2^32 + segment id, so a bucket's rows of every segment are adjacent.
//
// Stale postings (of chunks rewritten or deleted since) are harmless: every candidate is checked
// against its current text. dead_chunks records (chunk, generation) of each deleted chunk so that
// compaction drops those postings. A segment covers the generations lo..id (merged ones many).
import type { IndexDb } from './open-db';
import { CHUNKS_PER_FILE } from './schema';
import { ByteWriter, decodePostings, PostingEncoder, readVarint, TrigramSet } from './trigrams';

const SEGMENT_STRIDE = 2 ** 32;
/** Trailing segments of one size level merged into one (size-tiered compaction). */
const FAN_IN = 8;
/**
 * A segment is written once this many (trigram, chunk) pairs are collected (8 bytes each, twice
 * for the sort), even mid-transaction and mid-file: this bounds the writer's memory to ~10 MB.
 */
const SEGMENT_PAIRS = 512 * 1024;
/** Postings bytes of the smallest level. */
const LEVEL_BASE = 256 * 1024;

export interface SegmentInfo {
  id: number;
  lo: number;
  bytes: number;
}

/** Collects the trigrams of the chunks one transaction stores; `flush` writes them as a segment. */
export class SegmentWriter {
  private readonly grams = new TrigramSet();
  private trig = new Uint32Array(SEGMENT_PAIRS + 16 * 1024);
  private loc = new Uint32Array(SEGMENT_PAIRS + 16 * 1024);
  private tmpTrig = new Uint32Array(0);
  private tmpLoc = new Uint32Array(0);
  private pairs = 0;
  private chunkIds: number[] = [];
  private chunkStart: number[] = [];
  /** Chunks of this transaction deleted (or rewritten) since they were added: left out of the segment. */
  private dropped = new Set<number>();
  /** file id → indexes into chunkIds of that file's chunks. */
  private byFile = new Map<number, number[]>();
  private readonly out = new ByteWriter();
  private readonly lists = new ByteWriter();

  get isEmpty(): boolean {
    return this.chunkIds.length === 0;
  }

  /** (trigram, chunk) pairs collected so far. */
  get size(): number {
    return this.pairs;
  }

  /** Adds chunk `id` holding `bytes[start, end)`. */
  addChunk(id: number, bytes: Uint8Array, start: number, end: number): void {
    const set = this.grams;
    set.collect(bytes, start, end);
    const k = this.chunkIds.length;
    this.chunkIds.push(id);
    const file = Math.floor(id / CHUNKS_PER_FILE);
    const ks = this.byFile.get(file);
    if (ks) ks.push(k);
    else this.byFile.set(file, [k]);
    this.chunkStart.push(this.pairs);
    this.reserve(this.pairs + set.size);
    this.trig.set(set.list.subarray(0, set.size), this.pairs);
    this.loc.fill(k, this.pairs, this.pairs + set.size);
    this.pairs += set.size;
  }

  /** The chunks of file `file` added so far are deleted: their trigrams are not written. */
  dropFile(file: number): void {
    const ks = this.byFile.get(file);
    if (!ks) return;
    for (const k of ks) this.dropped.add(k);
    this.byFile.delete(file);
  }

  reset(): void {
    this.pairs = 0;
    this.chunkIds = [];
    this.chunkStart = [];
    this.dropped = new Set();
    this.byFile = new Map();
    // A huge transaction's arrays are not kept for the life of the worker.
    if (this.trig.length > 4 * SEGMENT_PAIRS) {
      this.trig = new Uint32Array(SEGMENT_PAIRS + 16 * 1024);
      this.loc = new Uint32Array(SEGMENT_PAIRS + 16 * 1024);
      this.tmpTrig = new Uint32Array(0);
      this.tmpLoc = new Uint32Array(0);
    }
  }

  /** Writes the collected postings as segment `segment`; returns their size in bytes. */
  flush(insert: (rowId: number, data: Buffer) => void, segment: number): number {
    const n = this.pairs;
    const ids = this.chunkIds;
    // Pairs grouped by chunk in id order (they come in order unless a live batch was unordered),
    // then a stable radix sort by trigram: each trigram's chunks end up in ascending id order.
    let trig: Uint32Array = this.trig.subarray(0, n);
    let loc: Uint32Array = this.loc.subarray(0, n);
    if (!isAscending(ids)) [trig, loc] = this.groupByChunkOrder(trig, loc);
    if (this.tmpTrig.length < n) {
      this.tmpTrig = new Uint32Array(this.trig.length);
      this.tmpLoc = new Uint32Array(this.trig.length);
    }
    const tmpTrig = this.tmpTrig.subarray(0, n);
    const tmpLoc = this.tmpLoc.subarray(0, n);
    radixPass(trig, loc, tmpTrig, tmpLoc, 0);
    radixPass(tmpTrig, tmpLoc, trig, loc, 12);

    let bytes = 0;
    const header = this.out;
    const lists = this.lists;
    let i = 0;
    while (i < n) {
      const bucket = trig[i]! >>> 8;
      header.reset();
      lists.reset();
      const entries: number[] = [];
      while (i < n && trig[i]! >>> 8 === bucket) {
        const gram = trig[i]!;
        const before = lists.length;
        const encoder = new PostingEncoder(lists);
        const dropped = this.dropped;
        for (; i < n && trig[i] === gram; i++) if (dropped.size === 0 || !dropped.has(loc[i]!)) encoder.add(ids[loc[i]!]!);
        if (encoder.count > 0) entries.push(gram & 0xff, encoder.count, lists.length - before, encoder.lastFile);
      }
      if (entries.length === 0) continue;
      writeRow(header, entries, lists);
      insert(bucket * SEGMENT_STRIDE + segment, header.bytes.subarray(0, header.length) as Buffer);
      bytes += header.length;
    }
    this.reset();
    return bytes;
  }

  private reserve(need: number): void {
    if (need <= this.trig.length) return;
    let size = this.trig.length;
    while (size < need) size *= 2;
    const trig = new Uint32Array(size);
    trig.set(this.trig.subarray(0, this.pairs));
    const loc = new Uint32Array(size);
    loc.set(this.loc.subarray(0, this.pairs));
    this.trig = trig;
    this.loc = loc;
  }

  /** The pairs reordered so chunks come in ascending id order (and loc is that order's rank). */
  private groupByChunkOrder(trig: Uint32Array, loc: Uint32Array): [Uint32Array, Uint32Array] {
    const ids = this.chunkIds;
    const order = ids.map((_, k) => k).sort((a, b) => ids[a]! - ids[b]!);
    const outTrig = new Uint32Array(trig.length);
    const outLoc = new Uint32Array(loc.length);
    let at = 0;
    for (const k of order) {
      const start = this.chunkStart[k]!;
      const end = k + 1 < ids.length ? this.chunkStart[k + 1]! : this.pairs;
      outTrig.set(trig.subarray(start, end), at);
      outLoc.fill(k, at, at + end - start);
      at += end - start;
    }
    return [outTrig, outLoc];
  }
}

function isAscending(ids: number[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i]! < ids[i - 1]!) return false;
  return true;
}

const RADIX = 4096;
const counts = new Uint32Array(RADIX);

/** One stable counting-sort pass on 12 bits of the key (from `shift`). */
function radixPass(keys: Uint32Array, vals: Uint32Array, outKeys: Uint32Array, outVals: Uint32Array, shift: number): void {
  counts.fill(0);
  const n = keys.length;
  for (let i = 0; i < n; i++) counts[(keys[i]! >>> shift) & 0xfff]!++;
  let sum = 0;
  for (let d = 0; d < RADIX; d++) {
    const c = counts[d]!;
    counts[d] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const d = (keys[i]! >>> shift) & 0xfff;
    const at = counts[d]!++;
    outKeys[at] = keys[i]!;
    outVals[at] = vals[i]!;
  }
}

/** Writes a row: its header from (last byte, count, byte length, last file) quads, then the lists. */
function writeRow(out: ByteWriter, entries: number[], lists: ByteWriter): void {
  out.varint(entries.length / 4);
  for (let e = 0; e < entries.length; e += 4) {
    out.byte(entries[e]!);
    out.varint(entries[e + 1]!);
    out.varint(entries[e + 2]!);
    out.varint(entries[e + 3]!);
  }
  out.append(lists.bytes.subarray(0, lists.length));
}

/** A row's lists as flat quints: last byte, count, start, end, last file. */
function parseRow(data: Uint8Array): number[] {
  let [n, pos] = readVarint(data, 0);
  const out: number[] = [];
  let v: number;
  for (; n > 0; n--) {
    out.push(data[pos++]!);
    [v, pos] = readVarint(data, pos);
    out.push(v);
    [v, pos] = readVarint(data, pos);
    out.push(v, 0); // start and end filled below
    [v, pos] = readVarint(data, pos);
    out.push(v);
  }
  for (let e = 0, offset = pos; e < out.length; e += 5) {
    const length = out[e + 2]!;
    out[e + 2] = offset;
    out[e + 3] = offset + length;
    offset += length;
  }
  return out;
}

/** Where one trigram's list lies inside a bucket row, or null when the row lacks it. */
export function findList(data: Uint8Array, low: number): { count: number; start: number; end: number } | null {
  const lists = parseRow(data);
  for (let e = 0; e < lists.length; e += 5) if (lists[e] === low) return { count: lists[e + 1]!, start: lists[e + 2]!, end: lists[e + 3]! };
  return null;
}

/** One trigram's postings over every segment: the parts to decode and their total count. */
export interface TrigramPostings {
  count: number;
  parts: { data: Uint8Array; start: number; end: number; count: number }[];
}

/** The query side: looks trigrams up and intersects their lists (read-only). */
export class PostingReader {
  private readonly bucketRows;

  constructor(db: IndexDb) {
    this.bucketRows = db.prepare('SELECT data FROM postings WHERE id >= ? AND id < ?').pluck();
  }

  lookup(gram: number): TrigramPostings {
    const bucket = gram >>> 8;
    const rows = this.bucketRows.all(bucket * SEGMENT_STRIDE, (bucket + 1) * SEGMENT_STRIDE) as Buffer[];
    const parts: TrigramPostings['parts'] = [];
    let count = 0;
    for (const data of rows) {
      const list = findList(data, gram & 0xff);
      if (!list) continue;
      parts.push({ data, ...list });
      count += list.count;
    }
    return { count, parts };
  }
}

const MAX_LOOKUPS = 24;

/** The ascending, distinct chunk ids of one trigram's postings. */
export function decodeAll(postings: TrigramPostings): Float64Array {
  const ids = new Float64Array(postings.count);
  let at = 0;
  for (const part of postings.parts) at = decodePostings(part.data, part.start, part.end, ids, at);
  if (postings.parts.length <= 1) return ids;
  ids.sort();
  return dedupeSorted(ids);
}

function dedupeSorted(ids: Float64Array): Float64Array {
  let k = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[k - 1]) ids[k++] = ids[i]!;
  return ids.subarray(0, k);
}

/** The ids in both sorted lists. */
export function intersectSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[k++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, k);
}

/**
 * The chunks that hold every trigram, as ascending ids, in steps (one list decoded per step, so
 * the serving thread never runs a long one). Rarest lists first; once the candidates are few,
 * lists far longer than them are not decoded (verifying a candidate is cheaper).
 */
export function* candidateChunks(reader: PostingReader, grams: number[]): Generator<void, Float64Array> {
  // A long literal: trigrams spread over it (each lookup reads its bucket's rows).
  const chosen = grams.length <= MAX_LOOKUPS ? grams : Array.from({ length: MAX_LOOKUPS }, (_, k) => grams[Math.round((k * (grams.length - 1)) / (MAX_LOOKUPS - 1))]!);
  const lists: TrigramPostings[] = [];
  for (const gram of chosen) {
    const list = reader.lookup(gram);
    if (list.count === 0) return new Float64Array(0); // a trigram no chunk holds: no match
    lists.push(list);
    yield;
  }
  lists.sort((a, b) => a.count - b.count);
  if (lists.length === 0) return new Float64Array(0); // (queryTrigrams never gives an empty list)
  let candidates = decodeAll(lists[0]!);
  for (let i = 1; i < lists.length && candidates.length > 0; i++) {
    if (candidates.length <= 8 || lists[i]!.count > candidates.length * 64) break;
    yield;
    candidates = intersectSorted(candidates, decodeAll(lists[i]!));
  }
  return candidates;
}

interface Part {
  data: Buffer;
  count: number;
  start: number;
  end: number;
  lastFile: number;
  segLo: number;
  segHi: number;
}

/** Whether each part's first file comes after the previous part's last (a full scan's segments). */
function concatenable(parts: Part[]): boolean {
  for (let k = 1; k < parts.length; k++) {
    const p = parts[k]!;
    if (p.count === 0) return false;
    if (Math.floor(readVarint(p.data, p.start)[0] / 2) <= parts[k - 1]!.lastFile) return false;
  }
  return true;
}

/** Appends the parts as one list (each part's first entry re-encoded against the one before); returns its count. */
function concatenate(parts: Part[], out: ByteWriter): number {
  let count = 0;
  let lastFile = 0;
  for (const p of parts) {
    const [v, next] = readVarint(p.data, p.start);
    const file = Math.floor(v / 2);
    out.varint((file - lastFile) * 2 + (v % 2));
    out.append(p.data.subarray(next, p.end));
    lastFile = p.lastFile;
    count += p.count;
  }
  return count;
}

/** The writer's side: segment bookkeeping and compaction, on the worker's connection. */
export class PostingStore {
  private readonly st;
  private readonly writer = new SegmentWriter();
  /** The generation (segment id) the chunks stored now are written with. */
  private gen: number;

  constructor(
    private readonly db: IndexDb,
    private readonly segmentPairs = SEGMENT_PAIRS,
  ) {
    this.st = {
      insertRow: db.prepare('INSERT INTO postings (id, data) VALUES (?, ?)'),
      insertSegment: db.prepare('INSERT INTO segments (id, lo, bytes) VALUES (?, ?, ?)'),
      segments: db.prepare('SELECT id, lo, bytes FROM segments ORDER BY id'),
      maxSegment: db.prepare('SELECT max(id) FROM segments').pluck(),
      bucketRows: db.prepare('SELECT id, data FROM postings WHERE id >= ? AND id <= ?').raw(),
      nextRow: db.prepare('SELECT id FROM postings WHERE id >= ? ORDER BY id LIMIT 1').pluck(),
      deleteRows: db.prepare('DELETE FROM postings WHERE id >= ? AND id <= ?'),
      deleteSegments: db.prepare('DELETE FROM segments WHERE id >= ? AND id <= ?'),
      dead: db.prepare('SELECT chunk, segment FROM dead_chunks WHERE segment >= ? AND segment <= ?').raw(),
      deleteDead: db.prepare('DELETE FROM dead_chunks WHERE segment >= ? AND segment <= ?'),
      recordDead: db.prepare('INSERT OR IGNORE INTO dead_chunks (chunk, segment) SELECT id, segment FROM chunks WHERE id >= ? AND id < ? AND segment <> ?'),
    };
    this.gen = Number(this.st.maxSegment.get() ?? 0) + 1;
  }

  /** The generation new chunk rows carry. */
  get generation(): number {
    return this.gen;
  }

  addChunk(id: number, bytes: Uint8Array, start: number, end: number): void {
    this.writer.addChunk(id, bytes, start, end);
  }

  /** Before the chunks of file `file`, ids [from, to), are deleted: their postings become stale. */
  chunksDeleted(file: number, from: number, to: number): void {
    // Chunks of this (unflushed) generation are not recorded: their postings are not written yet
    // (the writer drops them), and a rewrite in this transaction shares the generation.
    this.st.recordDead.run(from, to, this.gen);
    this.writer.dropFile(file);
  }

  /** Inside the transaction, before a chunk is stored: writes a segment when the collected pairs are many. */
  flushIfFull(): void {
    if (this.writer.size >= this.segmentPairs) this.flush();
  }

  /** Inside the transaction that stored the chunks: writes their segment. */
  flush(): void {
    if (this.writer.isEmpty) return;
    const bytes = this.writer.flush((id, data) => this.st.insertRow.run(id, data), this.gen);
    this.st.insertSegment.run(this.gen, this.gen, bytes);
    this.gen++;
  }

  /** After a failed transaction: nothing collected survives it. */
  discard(): void {
    this.writer.reset();
  }

  segments(): SegmentInfo[] {
    return this.st.segments.all() as SegmentInfo[];
  }

  /**
   * Size-tiered: while the newest FAN_IN segments are of one size level, merge them. With `all`,
   * merge every segment into one (after a full scan). Each merge is its own transaction.
   */
  compact(all: boolean): void {
    for (;;) {
      const segments = this.segments();
      if (segments.length <= 1) return;
      if (all) {
        this.merge(segments);
        return;
      }
      const level = (s: SegmentInfo) => Math.floor(Math.log(Math.max(s.bytes, LEVEL_BASE) / LEVEL_BASE) / Math.log(FAN_IN));
      const newest = level(segments[segments.length - 1]!);
      let k = segments.length - 1;
      while (k > 0 && level(segments[k - 1]!) <= newest) k--;
      if (segments.length - k < FAN_IN) return;
      this.merge(segments.slice(k));
    }
  }

  /** Merges adjacent segments into one covering their generations, dropping dead postings. */
  private merge(segments: SegmentInfo[]): void {
    const lo = segments[0]!.lo;
    const hi = segments[segments.length - 1]!.id;
    const rangeOf = new Map(segments.map((s) => [s.id, s.lo]));
    this.db.transaction(() => {
      const dead = new Map<number, number[]>();
      for (const [chunk, gen] of this.st.dead.iterate(lo, hi) as IterableIterator<[number, number]>) {
        const gens = dead.get(chunk);
        if (gens) gens.push(gen);
        else dead.set(chunk, [gen]);
      }
      const live = (id: number, segLo: number, segHi: number) => {
        const gens = dead.get(id);
        return !gens || !gens.some((g) => g >= segLo && g <= segHi);
      };
      const out = new ByteWriter();
      const lists = new ByteWriter();
      let bytes = 0;
      let scratch = new Float64Array(1024);
      for (let from = 0; ; ) {
        const next = this.st.nextRow.get(from) as number | undefined;
        if (next === undefined) break;
        const bucket = Math.floor(next / SEGMENT_STRIDE);
        const base = bucket * SEGMENT_STRIDE;
        from = base + SEGMENT_STRIDE;
        const rows = (this.st.bucketRows.all(base + lo, base + hi) as [number, Buffer][]);
        if (rows.length === 0) continue;
        // Every list of the bucket from every merged row (oldest first), per trigram (last byte).
        const byLow = new Map<number, Part[]>();
        for (const [id, data] of rows) {
          const seg = id - base;
          const quints = parseRow(data);
          for (let e = 0; e < quints.length; e += 5) {
            const low = quints[e]!;
            let parts = byLow.get(low);
            if (!parts) byLow.set(low, (parts = []));
            parts.push({ data, count: quints[e + 1]!, start: quints[e + 2]!, end: quints[e + 3]!, lastFile: quints[e + 4]!, segLo: rangeOf.get(seg) ?? seg, segHi: seg });
          }
        }
        out.reset();
        lists.reset();
        const entries: number[] = [];
        for (const low of [...byLow.keys()].sort((a, b) => a - b)) {
          const parts = byLow.get(low)!;
          const before = lists.length;
          if (dead.size === 0 && concatenable(parts)) {
            entries.push(low, concatenate(parts, lists), lists.length - before, parts[parts.length - 1]!.lastFile);
            continue;
          }
          const total = parts.reduce((n, p) => n + p.count, 0);
          if (scratch.length < total) scratch = new Float64Array(total * 2);
          let at = 0;
          for (const p of parts) {
            const start = at;
            at = decodePostings(p.data, p.start, p.end, scratch, at);
            if (dead.size > 0) {
              let keep = start;
              for (let i = start; i < at; i++) if (live(scratch[i]!, p.segLo, p.segHi)) scratch[keep++] = scratch[i]!;
              at = keep;
            }
          }
          const ids = scratch.subarray(0, at);
          if (parts.length > 1) ids.sort();
          if (ids.length === 0) continue;
          const encoder = new PostingEncoder(lists);
          for (let i = 0; i < ids.length; i++) encoder.add(ids[i]!);
          entries.push(low, encoder.count, lists.length - before, encoder.lastFile);
        }
        this.st.deleteRows.run(base + lo, base + hi);
        if (entries.length === 0) continue;
        writeRow(out, entries, lists);
        this.st.insertRow.run(base + hi, out.bytes.subarray(0, out.length));
        bytes += out.length;
      }
      this.st.deleteDead.run(lo, hi);
      this.st.deleteSegments.run(lo, hi);
      this.st.insertSegment.run(hi, lo, bytes);
    })();
  }
}
