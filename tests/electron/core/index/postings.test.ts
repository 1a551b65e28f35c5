// The custom trigram posting store (postings.ts, trigrams.ts) on a real SQLite database: trigram
// extraction, the list encoding, candidate selection against a brute-force reference, and
// compaction (merged segments keep every live posting and drop the dead ones).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyBytes } from '../../../../electron/core/index/content';
import { IndexStore, type FileRow } from '../../../../electron/core/index/index-store';
import { openIndexDb, type IndexDb } from '../../../../electron/core/index/open-db';
import { candidateChunks, findList, PostingReader } from '../../../../electron/core/index/postings';
import { ByteWriter, decodePostings, PostingEncoder, queryTrigrams, TrigramSet } from '../../../../electron/core/index/trigrams';

const gram = (s: string) => (s.charCodeAt(0) << 16) | (s.charCodeAt(1) << 8) | s.charCodeAt(2);
const setOf = (text: string | Buffer) => {
  const set = new TrigramSet();
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  set.collect(bytes, 0, bytes.length);
  return new Set(set.list.subarray(0, set.size));
};

describe('trigrams', () => {
  it('collects the distinct, ASCII-folded trigrams of a chunk, none across a newline', () => {
    expect(setOf('AbcAbc\nxy')).toEqual(new Set([gram('abc'), gram('bca'), gram('cab')]));
    expect(setOf('ab\ncd')).toEqual(new Set());
    // A reused set forgets the previous chunk.
    const set = new TrigramSet();
    set.collect(Buffer.from('hello'), 0, 5);
    set.collect(Buffer.from('xxhelxx'), 2, 5);
    expect([...set.list.subarray(0, set.size)]).toEqual([gram('hel')]);
  });

  it('keeps non-ASCII bytes and adds k and s spellings of U+212A and U+017F', () => {
    const e = Buffer.from('é');
    expect(setOf('aé')).toEqual(new Set([(0x61 << 16) | (e[0]! << 8) | e[1]!]));
    expect(setOf('\u212aelvin').has(gram('kel'))).toBe(true);
    expect(setOf('cla\u017f').has(gram('las'))).toBe(true);
  });

  it('turns a query into the trigrams every match holds', () => {
    expect(queryTrigrams('ab', true)).toBeNull();
    expect(queryTrigrams('', false)).toBeNull();
    expect(queryTrigrams('ABC', true)).toEqual([gram('abc')]);
    expect(queryTrigrams('éco', true)).toHaveLength(2); // case-sensitive: bytes C3 A9 63 6F
    expect(queryTrigrams('éco', false)).toBeNull(); // case-insensitive: no non-ASCII trigram
    expect(queryTrigrams('a\ufffdbcd', true)).toEqual([gram('bcd')]);
    expect(queryTrigrams('ab\ncd', true)).toBeNull();
  });

  it('encodes sorted chunk ids and decodes them back', () => {
    const ids = [0, 1, 2 ** 20, 2 ** 20 + 7, 5 * 2 ** 20, 123_456 * 2 ** 20 + 129, 123_457 * 2 ** 20];
    const out = new ByteWriter();
    const encoder = new PostingEncoder(out);
    for (const id of [...ids, ids[ids.length - 1]!]) encoder.add(id); // a repeat is dropped
    expect(encoder.count).toBe(ids.length);
    const back = new Float64Array(ids.length);
    expect(decodePostings(out.bytes, 0, out.length, back, 0)).toBe(ids.length);
    expect([...back]).toEqual(ids);
    // A list cut inside a varint fails instead of reading past its end.
    const cut = Buffer.from([0x81]);
    expect(() => decodePostings(cut, 0, 1, new Float64Array(4), 0)).toThrow('damaged posting list');
    expect(() => decodePostings(Buffer.from([0x03, 0x80]), 0, 2, new Float64Array(4), 0)).toThrow('damaged posting list');
  });
});

describe('posting store', () => {
  const dirs: string[] = [];
  const dbs: IndexDb[] = [];
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function openStore(segmentPairs?: number): IndexStore {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'specdeck-postings-'));
    dirs.push(dir);
    const { db } = openIndexDb(path.join(dir, 'index.sqlite'));
    dbs.push(db);
    return new IndexStore(db, { segmentPairs });
  }

  /** Deterministic text: lines of words from a small vocabulary, some files over one chunk. */
  function textOf(seed: number): string {
    const words = ['alpha', 'beta', 'Gamma', 'delta', 'needle', 'haystack', 'zeta', 'Kelvin', 'omega', 'sigma'];
    let x = seed * 7919 + 13;
    const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
    const lines: string[] = [];
    const n = 3 + (next() % (seed % 5 === 0 ? 3000 : 40));
    for (let i = 0; i < n; i++) lines.push(`${words[next() % words.length]} ${words[next() % words.length]}${next() % 100}`);
    return lines.join('\n') + '\n';
  }

  /** A pending file row, recorded in `rows`; returns its id. */
  function addFile(store: IndexStore, rows: Map<number, FileRow>, name: string): number {
    const id = store.insertPending(name, 1, 1);
    rows.set(id, store.rowById(id)!);
    return id;
  }

  function put(store: IndexStore, rows: Map<number, FileRow>, id: number, text: string): void {
    const row = rows.get(id)!;
    const content = classifyBytes(Buffer.from(text));
    store.store(row, 1, content);
    rows.set(id, { ...row, indexed_hash: content.kind === 'text' ? content.hash : null, kind: content.kind });
  }

  /** Chunk ids whose current text holds `literal` (ASCII, case-insensitive): what candidates must cover. */
  function truth(db: IndexDb, literal: string): number[] {
    const rows = db.prepare('SELECT id, text FROM chunks ORDER BY id').raw().all() as [number, Buffer][];
    return rows.filter(([, text]) => text.toString('latin1').toLowerCase().includes(literal.toLowerCase())).map(([id]) => id);
  }

  function candidates(db: IndexDb, literal: string): number[] {
    const steps = candidateChunks(new PostingReader(db), queryTrigrams(literal, false)!);
    for (;;) {
      const step = steps.next();
      if (step.done) return [...step.value];
    }
  }

  /** Every posting in every row names a live chunk written within that row's segment range. */
  function assertNoDeadPostings(db: IndexDb): void {
    const gens = new Map((db.prepare('SELECT id, segment FROM chunks').raw().all() as [number, number][]).map(([id, g]) => [id, g]));
    const ranges = new Map((db.prepare('SELECT id, lo FROM segments').raw().all() as [number, number][]).map(([id, lo]) => [id, lo]));
    for (const [rowId, data] of db.prepare('SELECT id, data FROM postings').raw().all() as [number, Buffer][]) {
      const segment = rowId % 2 ** 32;
      const lo = ranges.get(segment)!;
      expect(lo).toBeDefined();
      for (let low = 0; low < 256; low++) {
        const list = findList(data, low);
        if (!list) continue;
        const ids = new Float64Array(list.count);
        decodePostings(data, list.start, list.end, ids, 0);
        for (const id of ids) {
          const gen = gens.get(id);
          expect(gen !== undefined && gen >= lo && gen <= segment).toBe(true);
        }
      }
    }
  }

  it('selects a superset of the chunks holding a literal, through rewrites, deletions and compaction', () => {
    const store = openStore();
    const { db } = store;
    const rows = new Map<number, FileRow>();
    store.transaction(() => {
      for (let i = 0; i < 60; i++) addFile(store, rows, `f${i}.txt`);
    });
    const ids = [...rows.keys()];
    // Several transactions (segments), one of them storing files out of id order.
    for (let batch = 0; batch < 6; batch++) {
      store.transaction(() => {
        const part = ids.slice(batch * 10, batch * 10 + 10);
        for (const id of batch === 3 ? part.reverse() : part) put(store, rows, id, textOf(id));
      });
    }
    expect(store.postings.segments().length).toBe(6);
    // Rewrites (one twice in one transaction) and deletions: their old postings become stale.
    store.transaction(() => {
      put(store, rows, ids[2]!, 'now only xyzzy here\n');
      put(store, rows, ids[7]!, textOf(1000));
      put(store, rows, ids[7]!, 'rewritten twice: needle once\n');
      store.remove(rows.get(ids[11]!)!);
      store.remove(rows.get(ids[25]!)!);
    });
    const queries = ['needle', 'haystack', 'Kelvin', 'xyzzy', 'gamma delta', 'omega1', 'nothing at all'];
    const check = () => {
      for (const q of queries) {
        const got = new Set(candidates(db, q));
        const want = truth(db, q);
        expect({ q, missing: want.filter((id) => !got.has(id)) }).toEqual({ q, missing: [] });
      }
    };
    check();
    expect(candidates(db, 'xyzzy')).toEqual([ids[2]! * 2 ** 20]);
    expect(db.prepare('SELECT count(*) FROM dead_chunks').pluck().get()).toBeGreaterThan(0);

    store.postings.compact(false);
    check();
    store.postings.compact(true);
    expect(store.postings.segments().length).toBe(1);
    check();
    assertNoDeadPostings(db);
    expect(db.prepare('SELECT count(*) FROM dead_chunks').pluck().get()).toBe(0);
    // The deleted file's chunks are no candidates any more, the rewritten one's old text neither.
    expect(candidates(db, 'xyzzy')).toEqual([ids[2]! * 2 ** 20]);
    const needle = new Set(candidates(db, 'needle'));
    expect(needle.has(ids[11]! * 2 ** 20)).toBe(false);
    expect(needle.has(ids[7]! * 2 ** 20)).toBe(true);
  });

  it('writes several segments in one transaction when the pairs are many, and tracks deletions across them', () => {
    const store = openStore(200);
    const { db } = store;
    const rows = new Map<number, FileRow>();
    store.transaction(() => {
      for (let i = 0; i < 30; i++) {
        const id = addFile(store, rows, `h${i}.txt`);
        put(store, rows, id, textOf(i + 3));
      }
      const ids = [...rows.keys()];
      // Files whose segment was already written in this transaction: removed and rewritten.
      // ids[2] and ids[7] are files of many chunks (their postings span several segments).
      expect(db.prepare('SELECT count(*) FROM chunks WHERE id >= ? AND id < ?').pluck().get(ids[7]! * 2 ** 20, (ids[7]! + 1) * 2 ** 20)).toBeGreaterThan(3);
      store.remove(rows.get(ids[1]!)!);
      store.remove(rows.get(ids[7]!)!);
      put(store, rows, ids[2]!, 'plain xyzzy\n');
    });
    const segments = store.postings.segments().length;
    expect(segments).toBeGreaterThan(5);
    for (const q of ['needle', 'haystack', 'xyzzy']) {
      const got = new Set(candidates(db, q));
      expect(truth(db, q).filter((id) => !got.has(id))).toEqual([]);
    }
    store.postings.compact(true);
    assertNoDeadPostings(db);
    expect(candidates(db, 'xyzzy')).toEqual([[...rows.keys()][2]! * 2 ** 20]);
  });

  it('merges tiers of small segments as they accumulate and keeps their postings', () => {
    const store = openStore();
    const { db } = store;
    const rows = new Map<number, FileRow>();
    for (let i = 0; i < 40; i++) {
      store.transaction(() => {
        const id = addFile(store, rows, `g${i}.txt`);
        put(store, rows, id, textOf(i + 1));
      });
      store.postings.compact(false);
    }
    expect(store.postings.segments().length).toBeLessThan(8);
    for (const q of ['needle', 'sigma', 'zeta7']) expect(candidates(db, q).filter((id) => truth(db, q).includes(id))).toEqual(truth(db, q));
    assertNoDeadPostings(db);
  });

  it('writes nothing of a transaction that fails', () => {
    const store = openStore();
    const { db } = store;
    let id = 0;
    store.transaction(() => {
      id = store.insertPending('a.txt', 1, 1);
    });
    expect(() =>
      store.transaction(() => {
        store.store(store.rowById(id)!, 1, classifyBytes(Buffer.from('lost needle\n')));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.prepare('SELECT count(*) FROM chunks').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM postings').pluck().get()).toBe(0);
    // The next transaction's segment holds only its own text.
    store.transaction(() => store.store(store.rowById(id)!, 1, classifyBytes(Buffer.from('kept haystack\n'))));
    expect(candidates(db, 'needle')).toEqual([]);
    expect(candidates(db, 'haystack')).toEqual([id * 2 ** 20]);
  });
});
