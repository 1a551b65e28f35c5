// Reopening an indexed folder reconciles by size and mtime, then hash, and re-reads only what changed.
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndexProgress } from '../../../../shared/api/contract';
import { makeTree, useIndexSandbox } from './helpers';

describe('index: reopen', () => {
  const sandbox = useIndexSandbox();

  it('re-reads only new and changed files and drops deleted ones; a touched file is re-read once, then trusted', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`f${i}.txt`] = `file ${i}\n`;
    const root = makeTree(files);
    const first = sandbox.open(root);
    await first.whenIdle();
    expect(first.status().progress?.filesToIndex).toBe(50);
    await first.close();

    writeFileSync(path.join(root, 'f1.txt'), 'file 1 edited\n'); // content changed
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(root, 'f3.txt'), later, later); // mtime only: the hash says unchanged
    rmSync(path.join(root, 'f2.txt'));
    writeFileSync(path.join(root, 'new.txt'), 'brand new\n');

    const progress: IndexProgress[] = [];
    const second = sandbox.open(root, {}, { progress: (p) => progress.push(p) });
    await second.whenIdle();
    expect(progress.at(-1)).toMatchObject({ phase: 'ready', filesToIndex: 3, filesIndexed: 3 });
    expect(second.status().files).toBe(50);
    expect((await second.searchText({ query: 'edited' })).hits.map((h) => h.path)).toEqual(['f1.txt']);
    expect((await second.searchText({ query: 'brand new' })).hits.map((h) => h.path)).toEqual(['new.txt']);
    expect((await second.searchText({ query: 'file 2', wholeWord: true })).hits).toEqual([]);
    expect((await second.searchText({ query: 'file 3', wholeWord: true })).hits.map((h) => h.path)).toEqual(['f3.txt']);
    await second.close();

    const third = sandbox.open(root, {}, { progress: (p) => progress.push(p) });
    await third.whenIdle();
    expect(third.status().progress?.filesToIndex).toBe(0);
  });

  it.each([
    ['quiet', true],
    ['reconciling', false],
  ])('reports the files the first scan skipped as binary or too large after a %s reopen', async (_how, quietReopen) => {
    const root = makeTree({ 'a.txt': 'text\n', 'bin/blob.dat': Buffer.from([7, 0, 1, 2]), 'logs/huge.log': 'y'.repeat(4096), 'b.txt': 'more text\n' });
    const options = { maxFileSize: 1024, shards: 2 };
    const first = sandbox.open(root, options);
    await first.whenIdle();
    const skipped = first.status().skipped;
    expect(skipped.counts).toEqual({ binary: 1, 'larger than 1024 bytes (content not indexed)': 1 });
    await first.close();

    const second = sandbox.open(root, { ...options, quietReopen });
    await second.whenIdle();
    expect(second.writersStarted).toBe(!quietReopen);
    expect(second.status().skipped).toEqual(skipped);
    await second.close();

    // A change elsewhere makes the reopen reconcile: the unchanged skipped files are still reported.
    writeFileSync(path.join(root, 'c.txt'), 'new\n');
    const third = sandbox.open(root, { ...options, quietReopen });
    await third.whenIdle();
    expect(third.writersStarted).toBe(true);
    expect(third.status().skipped).toEqual(skipped);
  });

  it('serves quick-open from the stored list before the scan has finished', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`pkg/m${i}.ts`] = `x${i}\n`;
    const root = makeTree(files);
    const first = sandbox.open(root);
    await first.whenIdle();
    await first.close();
    const second = sandbox.open(root);
    await second.whenListed();
    expect((await second.searchFiles('m1999'))[0]?.path).toBe('pkg/m1999.ts');
    await second.whenIdle();
  });
});
