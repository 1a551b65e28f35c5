// A full scan in the writer (indexer.ts) on a real tree and a real SQLite database, in-process:
// pending rows are read a page at a time (BATCH_FILES rows, cut short by BATCH_BYTES), so the
// pages must join up exactly (no file skipped, none read twice), and the scan's segments are
// merged into one at its end.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Indexer } from '../../../../electron/core/index/indexer';
import { IndexStore } from '../../../../electron/core/index/index-store';
import { openIndexDb, type IndexDb } from '../../../../electron/core/index/open-db';
import { DEFAULT_INDEX_OPTIONS } from '../../../../electron/core/index/options';
import { makeTree } from './helpers';

describe('index scan', () => {
  const dirs: string[] = [];
  const dbs: IndexDb[] = [];
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function openStore(): IndexStore {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'specdeck-scan-'));
    dirs.push(dir);
    const { db } = openIndexDb(path.join(dir, 'index.sqlite'));
    dbs.push(db);
    return new IndexStore(db);
  }

  it('pages pending rows in id order, leaving out rows no longer pending', () => {
    const store = openStore();
    const ids = ['a', 'b', 'c', 'd', 'e'].map((p) => store.insertPending(p, 1, 1));
    store.transaction(() => store.store(store.rowById(ids[1]!)!, 1, { kind: 'binary', hash: 'h', size: 1 }));
    expect(store.pendingCount()).toBe(4);
    expect(store.pendingRowsAfter(0, 2).map((r) => r.path)).toEqual(['a', 'c']);
    expect(store.pendingRowsAfter(ids[2]!, 2).map((r) => r.path)).toEqual(['d', 'e']);
    expect(store.pendingRowsAfter(ids[4]!, 2)).toEqual([]);
  });

  it('indexes every file of a scan longer than one page and one byte budget, into one segment', async () => {
    // 2,300 small files (more than one page of 2,000 rows) and 12 files of 900 KB among the first
    // rows (past the 8 MB byte budget of a batch: a page is cut short and resumed).
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`big/b${String(i).padStart(2, '0')}.txt`] = `big file ${i} bigneedle${i}\n`.padEnd(900 * 1024, 'x\n');
    for (let i = 0; i < 2300; i++) files[`small/d${i % 23}/f${i}.ts`] = `export const value${i} = 'smallneedle${i}';\n`;
    const root = makeTree(files);
    dirs.push(root);
    const store = openStore();
    const progress: number[] = [];
    let scanned = false;
    let failure: unknown = null;
    const indexer = new Indexer(store, root, DEFAULT_INDEX_OPTIONS, () => true, {
      list: () => {}, listPart: () => {}, listDiff: () => {},
      progress: (p) => progress.push(p.filesIndexed),
      changed: () => {},
      scanned: () => (scanned = true),
      failed: (error) => (failure = error),
    });
    indexer.requestRescan();
    await expect.poll(() => scanned || failure !== null, { timeout: 60_000 }).toBe(true);
    expect(failure).toBeNull();
    await indexer.stop();

    expect(store.pendingCount()).toBe(0);
    const rows = store.allRows();
    expect(rows).toHaveLength(2312);
    expect(rows.filter((r) => r.kind !== 'text')).toEqual([]);
    expect(Math.max(...progress)).toBe(2312); // each file counted once
    expect(store.postings.segments()).toHaveLength(1);
    // Every file's text is stored (chunk rowid = file id × 2^20 + chunk number).
    const chunks = store.db.prepare('SELECT count(DISTINCT id >> 20) FROM chunks').pluck().get();
    expect(chunks).toBe(2312);
  });

  it('a first scan sends its list in parts while it walks, before it writes a row; a rescan sends its difference, or the list whole when the difference is large', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12_000; i++) files[`p${i % 40}/f${i}.ts`] = '';
    const root = makeTree(files);
    dirs.push(root);
    const store = openStore();
    const parts: { paths: string[]; first: boolean; last: boolean; rows: number }[] = [];
    const lists: string[][] = [];
    const diffs: [string[], string[]][] = [];
    let scans = 0;
    const indexer = new Indexer(store, root, DEFAULT_INDEX_OPTIONS, () => true, {
      list: (paths) => lists.push(paths),
      listPart: (paths, first, last) => parts.push({ paths, first, last, rows: store.allRows().length }),
      listDiff: (added, removed) => diffs.push([added, [...removed].sort()]),
      progress: () => {},
      changed: () => {},
      scanned: () => scans++,
      failed: (error) => {
        throw error;
      },
    });
    indexer.requestRescan();
    await expect.poll(() => scans, { timeout: 60_000 }).toBe(1);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.map((p) => [p.first, p.last])).toEqual(parts.map((_, i) => [i === 0, i === parts.length - 1]));
    expect(parts.every((p) => p.rows === 0)).toBe(true); // all sent before the listing transaction
    expect(parts.flatMap((p) => p.paths).sort()).toEqual(Object.keys(files).sort());
    expect(lists).toEqual([]);

    const sent = parts.length;
    writeFileSync(path.join(root, 'p0/new.ts'), '');
    rmSync(path.join(root, 'p1/f1.ts'));
    indexer.requestRescan();
    await expect.poll(() => scans, { timeout: 60_000 }).toBe(2);
    expect(parts.length).toBe(sent); // a listed index sends no parts
    expect({ lists, diffs }).toEqual({ lists: [], diffs: [[['p0/new.ts'], ['p1/f1.ts']]] });

    // More than 5000 differences: the whole list again (one staging instead of thousands of adds).
    for (let folder = 2; folder < 20; folder++) rmSync(path.join(root, `p${folder}`), { recursive: true });
    indexer.requestRescan();
    await expect.poll(() => scans, { timeout: 60_000 }).toBe(3);
    await indexer.stop();
    expect(lists.map((l) => l.length)).toEqual([12_000 - 1 - 18 * 300 + 1]);
    expect(diffs).toHaveLength(1);
  });
});
