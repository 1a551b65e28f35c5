// Reopening an unchanged index starts no writer (quiet-reopen.ts): the stored index is served as
// it is, with the same files, hits, counts and skip report as a reopen that reconciles. Freshness
// is never wrong: any difference (an in-place edit keeping the size, a new, deleted or renamed
// file, a new link) starts the writers, and so do a change and a rescan after a quiet reopen.
import { renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileList } from '../../../../electron/core/index/file-list';
import { freshnessWalk, runToEnd, Stale, StoredIndex } from '../../../../electron/core/index/fresh-check';
import type { IndexService } from '../../../../electron/core/index/index-service';
import type { IndexProgress } from '../../../../shared/api/contract';
import { DEFAULT_INDEX_EXCLUDES } from '../../../../electron/core/index/options';
import { IgnoreRules } from '../../../../electron/core/workspace/ignore-rules';
import { makeTree, useIndexSandbox } from './helpers';

async function snapshot(index: IndexService) {
  await index.whenIdle();
  const { files, textFiles, textBytes, skipped, state } = index.status();
  skipped.samples.sort((a, b) => (a.path + a.reason < b.path + b.reason ? -1 : 1));
  return {
    list: await index.listFiles(),
    hits: (await index.searchText({ query: 'needle' })).hits,
    quick: await index.searchFiles('file7'),
    status: { files, textFiles, textBytes, skipped, state },
  };
}

function tree(): string {
  const files: Record<string, string | Buffer> = {};
  for (let i = 0; i < 80; i++) files[`dir${i % 5}/file${i}.ts`] = `export const v${i} = 'needle ${i}';\n`;
  files['bin/blob.dat'] = Buffer.from([1, 0, 2, 0]);
  files['big.txt'] = 'x'.repeat(300);
  files['.gitignore'] = 'ignored/\n';
  files['ignored/hidden.ts'] = 'needle hidden\n';
  const root = makeTree(files);
  symlinkSync(path.join(root, 'dir1'), path.join(root, 'link-to-dir1'));
  return root;
}

describe('index: quiet reopen', () => {
  const sandbox = useIndexSandbox();
  afterEach(() => vi.restoreAllMocks());
  const options = { maxFileSize: 200 };

  it.each([1, 2])('serves an unchanged tree without a writer, exactly as a reconciling reopen (%i shard(s))', async (shards) => {
    const root = tree();
    const first = sandbox.open(root, { ...options, shards });
    const built = await snapshot(first);
    await first.close();
    expect(built.status.skipped.counts).toEqual({ binary: 1, 'larger than 200 bytes (content not indexed)': 1, 'symbolic link (not followed)': 1 });

    const reconciled = sandbox.open(root, { ...options, shards, quietReopen: false });
    const expected = await snapshot(reconciled);
    expect(reconciled.writersStarted).toBe(true);
    await reconciled.close();

    const quiet = sandbox.open(root, { ...options, shards });
    expect(await snapshot(quiet)).toEqual(expected);
    // Both report what the first scan skipped, the stored binary and too-large files included.
    expect(expected).toEqual(built);
    expect(quiet.writersStarted).toBe(false);
    expect(quiet.status().progress).toMatchObject({ phase: 'ready', filesToIndex: 0 });
  });

  it('starts the writers for any difference (same-size edit, creation, deletion, rename); a new link only adds a skip', async () => {
    const root = tree();
    const first = sandbox.open(root, options);
    await first.whenIdle();
    await first.close();
    const later = new Date(Date.now() + 5000);
    const changes: [string, () => void, (s: Awaited<ReturnType<typeof snapshot>>) => void, writes?: false][] = [
      ['same-size edit', () => {
        writeFileSync(path.join(root, 'dir0/file0.ts'), "export const v0 = 'NEEDLE 0';\n".replace('NEEDLE', 'nEEDLE'));
        utimesSync(path.join(root, 'dir0/file0.ts'), later, later);
      }, (s) => expect(s.hits.find((h) => h.path === 'dir0/file0.ts')?.preview).toContain('nEEDLE 0')],
      ['creation', () => writeFileSync(path.join(root, 'dir2/fresh.ts'), 'needle fresh\n'), (s) => expect(s.list).toContain('dir2/fresh.ts')],
      ['deletion', () => rmSync(path.join(root, 'dir3/file3.ts')), (s) => expect(s.list).not.toContain('dir3/file3.ts')],
      ['rename', () => renameSync(path.join(root, 'dir4'), path.join(root, 'dir4b')), (s) => expect(s.list).toContain('dir4b/file4.ts')],
      ['new link', () => symlinkSync(path.join(root, 'dir2'), path.join(root, 'link2')), (s) => expect(s.status.skipped.counts['symbolic link (not followed)']).toBe(2), false],
    ];
    for (const [what, change, check, writes] of changes) {
      change();
      const index = sandbox.open(root, options);
      const seen = await snapshot(index);
      expect({ what, writers: index.writersStarted }).toEqual({ what, writers: writes ?? true });
      check(seen);
      await index.close();
      // Unchanged again: the next open is quiet.
      const again = sandbox.open(root, options);
      expect(await snapshot(again)).toEqual(seen);
      expect({ what, writers: again.writersStarted }).toEqual({ what, writers: false });
      await again.close();
    }
  });

  it.each([1, 2])('a reopen after one change stages the stored list once and the writers look at that file only (%i shard(s)), with the same results as a reconciling reopen', async (shards) => {
    // Two equal trees, each with its index: each change is made in both; one reopens as it would,
    // the other reconciles (quietReopen: false), and the two must agree.
    const roots = [tree(), tree()] as const;
    let prev: string[] = [];
    for (const root of roots) {
      const first = sandbox.open(root, { ...options, shards });
      await first.whenIdle();
      prev = await first.listFiles();
      await first.close();
    }
    const later = new Date(Date.now() + 5000);
    // The files the writers read, and whether they list the tree (a folder that became a link: a reconcile).
    const changes: [string, (root: string) => void, read: number, lists?: true][] = [
      ['deletion', (root) => rmSync(path.join(root, 'dir3/file3.ts')), 0],
      ['edit', (root) => {
        writeFileSync(path.join(root, 'dir0/file5.ts'), 'needle edited\n');
        utimesSync(path.join(root, 'dir0/file5.ts'), later, later);
      }, 1],
      ['creation', (root) => writeFileSync(path.join(root, 'dir2/fresh.ts'), 'needle fresh\n'), 1],
      ['edit to binary', (root) => writeFileSync(path.join(root, 'dir1/file6.ts'), Buffer.from([0, 1, 2, 3, 4])), 1],
      ['folder deleted', (root) => rmSync(path.join(root, 'dir4'), { recursive: true }), 0],
      ['folder became a link', (root) => {
        renameSync(path.join(root, 'dir2'), path.join(root, 'dir2-real'));
        symlinkSync(path.join(root, 'dir2-real'), path.join(root, 'dir2'));
      }, 17, true],
    ];
    const stage = vi.spyOn(FileList.prototype, 'stage');
    const stagedSoFar = () => stage.mock.calls.reduce((n, [paths]) => n + paths.length, 0);
    for (const [what, change, read, lists] of changes) {
      for (const root of roots) change(root);
      const progress: IndexProgress[] = [];
      const stagedBefore = stagedSoFar();
      const index = sandbox.open(roots[0], { ...options, shards }, { progress: (p) => progress.push(p) });
      const seen = await snapshot(index);
      const staged = stagedSoFar() - stagedBefore;
      const reconciled = sandbox.open(roots[1], { ...options, shards, quietReopen: false });
      expect({ what, ...(await snapshot(reconciled)) }).toEqual({ what, ...seen });
      // The quiet walk staged the stored list and found the change; the writers apply only it.
      // Only the writer of the shard that holds the change starts (a folder's files: either).
      expect(index.writersRunning).toBe(lists || what.startsWith('folder') ? shards : 1);
      expect({
        what, writers: index.writersStarted, staged,
        lists: progress.some((p) => p.phase === 'listing'), read: progress.at(-1)?.filesToIndex, files: progress.at(-1)?.filesSeen,
      }).toEqual({ what, writers: true, staged: prev.length, lists: lists ?? false, read, files: seen.list.length });
      // A change then starts the other writers (their reconcile first) and is seen in every shard.
      const saved = [0, 1, 2, 3].map((n) => `dir0/saved-${what.replace(/ /g, '-')}-${n}.ts`);
      for (const root of roots) for (const p of saved) writeFileSync(path.join(root, p), `needle ${p}\n`);
      await index.applyChanges(saved);
      await index.whenIdle();
      expect(index.writersRunning).toBe(shards);
      expect((await index.searchText({ query: `needle dir0/saved-${what.replace(/ /g, '-')}` })).hits.map((h) => h.path).sort()).toEqual(saved);
      prev = await index.listFiles();
      expect(prev).toEqual([...seen.list, ...saved].sort());
      await Promise.all([index.close(), reconciled.close()]);
    }
  });

  it('a stored file or folder gone from a folder is stale there: the walk visits no folder after it', async () => {
    const root = tree();
    const first = sandbox.open(root, options);
    await first.whenIdle();
    const dbPaths = first.dbPaths;
    await first.close();
    // A new link in each subfolder: a walk that enters one reports its skip.
    for (let i = 0; i < 5; i++) symlinkSync(path.join(root, 'big.txt'), path.join(root, `dir${i}/late-link`));
    const walk = () => {
      const index = StoredIndex.open(dbPaths)!;
      const skipped: string[] = [];
      try {
        runToEnd(index.load());
        // As the callers judge it: a difference thrown, or fewer stored files found than stored.
        const seen = runToEnd(freshnessWalk(root, new IgnoreRules(root, DEFAULT_INDEX_EXCLUDES), index, (p) => skipped.push(p)));
        return { stale: seen !== index.stored.size, skipped };
      } catch (error) {
        if (!(error instanceof Stale)) throw error;
        return { stale: true, skipped };
      } finally {
        index.close();
      }
    };
    expect(walk()).toEqual({ stale: false, skipped: expect.arrayContaining(['dir0/late-link', 'dir4/late-link']) as unknown });
    for (const [what, gone] of [['a file', 'big.txt'], ['a folder', 'dir3']]) {
      const aside = path.join(path.dirname(root), `${path.basename(root)}-aside`);
      renameSync(path.join(root, gone!), aside);
      const { stale, skipped } = walk();
      expect({ what, stale, entered: skipped.filter((p) => p.endsWith('/late-link')) }).toEqual({ what, stale: true, entered: [] });
      renameSync(aside, path.join(root, gone!));
    }
  });

  it.each([1, 2])('stages the stored list once when the walk finds a change and the writers start (%i shard(s))', async (shards) => {
    const root = tree();
    const first = sandbox.open(root, { ...options, shards });
    await first.whenIdle();
    const files = (await first.listFiles()).length;
    await first.close();
    // A same-size edit: the writers' reconcile lists the same paths, so it sends no list of its own.
    const later = new Date(Date.now() + 5000);
    writeFileSync(path.join(root, 'dir0/file0.ts'), "export const v0 = 'nEEDLE 0';\n");
    utimesSync(path.join(root, 'dir0/file0.ts'), later, later);

    const staged = vi.spyOn(FileList.prototype, 'stage');
    const index = sandbox.open(root, { ...options, shards });
    const seen = await snapshot(index);
    expect(index.writersStarted).toBe(true);
    expect(seen.list.length).toBe(files);
    expect(seen.hits.find((h) => h.path === 'dir0/file0.ts')?.preview).toContain('nEEDLE 0');
    // Every stored path staged once (the quiet reopen's stored list), not again by the writers.
    expect(staged.mock.calls.reduce((n, [paths]) => n + paths.length, 0)).toBe(files);
  });

  it('a change asked for at once (before the stored list is staged) still leaves the full list', async () => {
    const root = tree();
    const first = sandbox.open(root, options);
    const built = await snapshot(first);
    await first.close();
    writeFileSync(path.join(root, 'dir0/saved.ts'), 'needle saved\n');
    const index = sandbox.open(root, options);
    await index.applyChanges(['dir0/saved.ts']);
    const seen = await snapshot(index);
    expect(seen.list).toEqual([...built.list, 'dir0/saved.ts'].sort());
  });

  it('after a quiet reopen, a change and a rescan start the writers and are seen', async () => {
    const root = tree();
    const first = sandbox.open(root, options);
    await first.whenIdle();
    await first.close();

    const index = sandbox.open(root, options);
    await index.whenIdle();
    expect(index.writersStarted).toBe(false);
    writeFileSync(path.join(root, 'dir0/saved.ts'), 'needle saved\n');
    // Resolved once the index holds it (the writers' first reconcile may be what finds it).
    await index.applyChanges(['dir0/saved.ts']);
    expect(index.writersStarted).toBe(true);
    await index.whenIdle();
    expect((await index.searchText({ query: 'needle saved' })).hits.map((h) => h.path)).toEqual(['dir0/saved.ts']);
    await index.close();

    const again = sandbox.open(root, options);
    await again.whenIdle();
    expect(again.writersStarted).toBe(false);
    writeFileSync(path.join(root, 'dir1/unreported.ts'), 'needle unreported\n'); // no watcher told us
    again.rescan();
    await again.whenIdle();
    expect(again.writersStarted).toBe(true);
    expect((await again.searchText({ query: 'needle unreported' })).hits.map((h) => h.path)).toEqual(['dir1/unreported.ts']);
  });
});
