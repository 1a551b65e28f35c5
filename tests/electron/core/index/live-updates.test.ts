// The real watcher feeds the index: creates, edits, deletes, renames (files and folders) and
// bursts of thousands of files, one transaction per batch.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IndexService } from '../../../../electron/core/index/index-service';
import type { ChangeSummary } from '../../../../electron/core/index/protocol';
import { watchWorkspace, type WatchHandle } from '../../../../electron/core/watch/watcher';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import { eventually, makeTree, useIndexSandbox } from './helpers';

describe('index: live updates from the watcher', () => {
  const sandbox = useIndexSandbox();
  let watch: WatchHandle | null = null;
  afterEach(async () => {
    await watch?.close();
    watch = null;
  });

  async function watched(files: Record<string, string>) {
    const root = makeTree(files);
    const changes: ChangeSummary[] = [];
    const index = sandbox.open(root, {}, { changed: (s) => changes.push(s) });
    await index.whenIdle();
    const ws = await Workspace.open(root);
    const batches: number[] = [];
    watch = await watchWorkspace(ws, (batch) => {
      const paths = [...batch.created, ...batch.updated, ...batch.deleted];
      batches.push(paths.length);
      void index.applyChanges(paths);
    });
    return { root, index, changes, batches };
  }

  const hitsOf = async (index: IndexService, query: string) =>
    (await index.searchText({ query, caseSensitive: true, limit: 20_000 })).hits.map((h) => `${h.path}:${h.line}`);

  it('indexes created, changed and deleted files', async () => {
    const { root, index, changes, batches } = await watched({ 'a.txt': 'alpha\n', 'b.txt': 'beta\n' });
    writeFileSync(path.join(root, 'c.txt'), 'gamma\n');
    writeFileSync(path.join(root, 'a.txt'), 'first line\nalpha changed\n');
    rmSync(path.join(root, 'b.txt'));
    const announced = () =>
      changes.flatMap((c) => [...c.created.map((p) => `+${p}`), ...c.updated.map((p) => `~${p}`), ...c.removed.map((p) => `-${p}`)]);
    // Generous: CI runs the whole suite on 2 cores, and this waits on inotify, a worker and SQLite.
    // The change announcement comes after every shard has applied its part, so wait for it too
    // (the file list can show the deletion a moment before `changed` reports it).
    await eventually(
      async () =>
        (await index.listFiles()).join() === 'a.txt,c.txt' &&
        (await hitsOf(index, 'alpha changed')).length === 1 &&
        announced().length >= 3,
      30_000,
      async () => `files ${(await index.listFiles()).join()}, hits ${(await hitsOf(index, 'alpha changed')).join()}, watcher batches ${batches.join()}, index changes ${JSON.stringify(changes)}`,
    );
    expect(await hitsOf(index, 'alpha changed')).toEqual(['a.txt:2']);
    expect(await hitsOf(index, 'gamma')).toEqual(['c.txt:1']);
    expect(await hitsOf(index, 'beta')).toEqual([]);
    expect(new Set(announced())).toEqual(new Set(['+c.txt', '~a.txt', '-b.txt']));
  }, 60_000);

  it('follows file and folder renames', async () => {
    const { root, index } = await watched({ 'old.txt': 'renamed needle\n', 'dir/one.txt': 'one needle\n', 'dir/sub/two.txt': 'two needle\n' });
    renameSync(path.join(root, 'old.txt'), path.join(root, 'new name.txt'));
    renameSync(path.join(root, 'dir'), path.join(root, 'moved'));
    const expected = ['moved/one.txt', 'moved/sub/two.txt', 'new name.txt'];
    await eventually(async () => (await index.listFiles()).join() === expected.join());
    expect(await hitsOf(index, 'needle')).toEqual(['moved/one.txt:1', 'moved/sub/two.txt:1', 'new name.txt:1']);
    expect((await index.searchFiles('two'))[0]?.path).toBe('moved/sub/two.txt');
  });

  it('absorbs a burst of 3,000 new files and then their deletion (like a git checkout)', async () => {
    const { root, index, batches } = await watched({ 'keep.txt': 'keep\n' });
    mkdirSync(path.join(root, 'burst'));
    for (let i = 0; i < 3000; i++) {
      mkdirSync(path.join(root, 'burst', `d${i % 30}`), { recursive: true });
      writeFileSync(path.join(root, 'burst', `d${i % 30}`, `f${i}.ts`), `export const v${i} = 'burst-${i}';\n`);
    }
    await eventually(async () => (await index.listFiles()).length === 3001, 30_000);
    expect(await hitsOf(index, "'burst-2999'")).toEqual(['burst/d29/f2999.ts:1']);
    expect(await hitsOf(index, 'burst-')).toHaveLength(3000);
    expect(batches.length).toBeLessThan(3000); // batched, not one event per file
    rmSync(path.join(root, 'burst'), { recursive: true });
    await eventually(async () => (await index.listFiles()).join() === 'keep.txt', 30_000);
    expect(await hitsOf(index, 'burst-')).toEqual([]);
    expect(index.status().files).toBe(1);
  }, 60_000);

  it('rescans when a .gitignore changes', async () => {
    const { root, index } = await watched({ 'src/a.ts': 'a\n', 'build/out.js': 'out\n' });
    expect(await index.listFiles()).toEqual(['build/out.js', 'src/a.ts']);
    writeFileSync(path.join(root, '.gitignore'), 'build/\n');
    await eventually(async () => (await index.listFiles()).join() === '.gitignore,src/a.ts');
    rmSync(path.join(root, '.gitignore'));
    await eventually(async () => (await index.listFiles()).join() === 'build/out.js,src/a.ts');
  });
});
