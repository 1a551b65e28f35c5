// The CLI's read-only index: answers like IndexService while the stored index matches the disk,
// and steps aside (null) as soon as anything differs, so a command never answers from stale data.
import { mkdirSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ReadOnlyIndex } from '../../../../electron/core/index/read-only-index';
import { makeTree, useIndexSandbox } from './helpers';

const FILES = {
  'src/a.ts': 'function fooBar() {}\nconst FOO = 1;\n',
  'src/b.ts': 'foo bar baz\n',
  'docs/readme.md': '# Foo\nnothing\n',
  '.gitignore': 'dist/\n',
  'dist/out.js': 'foo ignored\n',
};

describe('index: read-only open for one-shot commands', () => {
  const sandbox = useIndexSandbox();

  async function indexed(shards: number) {
    const root = makeTree(FILES);
    const index = sandbox.open(root, { shards });
    await index.whenIdle();
    return { root, index };
  }

  /** Whether the read-only open answers (the index matches the disk). */
  function isFresh(root: string): boolean {
    const opened = ReadOnlyIndex.openIfFresh(root, { shards: 2 });
    opened?.close();
    return opened !== null;
  }

  async function reindexed(root: string): Promise<void> {
    const again = sandbox.open(root, { shards: 2 });
    await again.whenIdle();
    await again.close();
  }

  for (const shards of [1, 2]) {
    it(`answers exactly as the index service on an unchanged tree (${shards} shard(s))`, async () => {
      const { root, index } = await indexed(shards);
      const queries = [{ query: 'foo' }, { query: 'FOO', caseSensitive: true }, { query: 'ba[rz]$', regex: true }, { query: 'fo' }, { query: 'foo', wholeWord: true, limit: 1 }];
      const expected = await Promise.all(queries.map((q) => index.searchText(q)));
      const files = await index.searchFiles('ts');
      await index.close();
      const fresh = ReadOnlyIndex.openIfFresh(root, { shards });
      expect(fresh).not.toBeNull();
      try {
        for (let i = 0; i < queries.length; i++) {
          const { elapsedMs: _a, ...got } = await fresh!.searchText(queries[i]!);
          const { elapsedMs: _b, ...want } = expected[i]!;
          expect(got).toEqual(want);
        }
        expect(await fresh!.searchFiles('ts')).toEqual(files);
      } finally {
        fresh!.close();
      }
    });
  }

  it('steps aside when a file changed, appeared or disappeared, and when there is no index', async () => {
    const { root, index } = await indexed(2);
    await index.close();
    const fresh = () => isFresh(root);
    expect(fresh()).toBe(true);
    utimesSync(path.join(root, 'src/a.ts'), new Date(), new Date(Date.now() + 5000)); // same size, new mtime
    expect(fresh()).toBe(false);
    const reindex = () => reindexed(root);
    await reindex();
    expect(fresh()).toBe(true);
    writeFileSync(path.join(root, 'src/new.ts'), 'x\n');
    expect(fresh()).toBe(false);
    await reindex();
    rmSync(path.join(root, 'docs/readme.md'));
    expect(fresh()).toBe(false);
    await reindex();
    writeFileSync(path.join(root, 'dist/more.js'), 'ignored, so it changes nothing\n');
    expect(fresh()).toBe(true);
    writeFileSync(path.join(root, 'src/debug.log'), 'a new visible file\n');
    expect(fresh()).toBe(false);
    rmSync(path.join(root, 'src/debug.log'));
    expect(fresh()).toBe(true);
    // Rules the index holds no file of: .git/info/exclude (and a .gitignore that ignores itself).
    mkdirSync(path.join(root, '.git', 'info'), { recursive: true });
    writeFileSync(path.join(root, '.git', 'info', 'exclude'), '*.md\n');
    expect(fresh()).toBe(false);
    await reindex();
    expect(fresh()).toBe(true);
    writeFileSync(path.join(root, 'src', '.gitignore'), '.gitignore\n');
    expect(fresh()).toBe(false);
    await reindex();
    expect(fresh()).toBe(true);
    writeFileSync(path.join(root, 'src', '.gitignore'), '.gitignore\nb.ts\n');
    expect(fresh()).toBe(false);
    expect(ReadOnlyIndex.openIfFresh(makeTree({ 'x.txt': 'x\n' }), { shards: 2 })).toBeNull();
  });

  it("for paths only (`specdeck files`), an edited file's content does not matter, but its rules and the path set do", async () => {
    const { root, index } = await indexed(2);
    await index.close();
    const pathsFresh = () => {
      const opened = ReadOnlyIndex.openIfFresh(root, { shards: 2, needs: 'paths' });
      opened?.close();
      return opened !== null;
    };
    writeFileSync(path.join(root, 'src/a.ts'), 'function renamedContent() { return 1; }\n'); // new size and mtime
    expect([isFresh(root), pathsFresh()]).toEqual([false, true]);
    const paths = ReadOnlyIndex.openIfFresh(root, { shards: 2, needs: 'paths' })!;
    try {
      expect((await paths.searchFiles('a.ts'))[0]?.path).toBe('src/a.ts');
      await expect(paths.searchText({ query: 'renamedContent' })).rejects.toThrow(/paths only/);
    } finally {
      paths.close();
    }
    writeFileSync(path.join(root, 'src/new.ts'), 'x\n');
    expect(pathsFresh()).toBe(false);
    rmSync(path.join(root, 'src/new.ts'));
    expect(pathsFresh()).toBe(true);
    renameSync(path.join(root, 'src/b.ts'), path.join(root, 'src/c.ts'));
    expect(pathsFresh()).toBe(false);
    renameSync(path.join(root, 'src/c.ts'), path.join(root, 'src/b.ts'));
    expect(pathsFresh()).toBe(true);
    // A rule file's content decides which paths are visible: its size and mtime are still compared.
    writeFileSync(path.join(root, '.gitignore'), 'dist/\ndocs/\n');
    expect(pathsFresh()).toBe(false);
  });

  it('trusts a folder holding indexed files without an ignore verdict, yet sees renames, new folders and newly ignored folders', async () => {
    const { root, index } = await indexed(2);
    mkdirSync(path.join(root, 'empty/deeper'), { recursive: true }); // folders the index holds no file of
    await index.close();
    const fresh = () => isFresh(root);
    const reindex = () => reindexed(root);
    await reindex();
    expect(fresh()).toBe(true);
    writeFileSync(path.join(root, 'empty/deeper/new.ts'), 'in a folder with no indexed file\n');
    expect(fresh()).toBe(false);
    await reindex();
    expect(fresh()).toBe(true);
    renameSync(path.join(root, 'src/b.ts'), path.join(root, 'src/c.ts')); // a file renamed in place
    expect(fresh()).toBe(false);
    await reindex();
    renameSync(path.join(root, 'docs'), path.join(root, 'guides')); // a folder renamed
    expect(fresh()).toBe(false);
    await reindex();
    expect(fresh()).toBe(true);
    // A folder that holds indexed files becomes ignored: the held .gitignore changed, and says so.
    writeFileSync(path.join(root, '.gitignore'), 'dist/\nguides/\n');
    expect(fresh()).toBe(false);
    await reindex();
    expect(fresh()).toBe(true);
    const opened = ReadOnlyIndex.openIfFresh(root, { shards: 2 });
    try {
      expect((await opened!.searchFiles('readme')).map((h) => h.path)).toEqual([]);
      expect((await opened!.searchFiles('c.ts')).map((h) => h.path)).toContain('src/c.ts');
    } finally {
      opened?.close();
    }
  });

  it('steps aside for an interrupted scan and for a damaged database, without throwing', async () => {
    const { root, index } = await indexed(1);
    await index.close();
    const dbPath = path.join(sandbox.dataDir(), 'index', readdirSync(path.join(sandbox.dataDir(), 'index')).find((f) => f.endsWith('.sqlite'))!);
    const db = new Database(dbPath);
    db.prepare("UPDATE files SET kind = 'pending' WHERE path = 'src/b.ts'").run();
    db.close();
    expect(ReadOnlyIndex.openIfFresh(root, { shards: 1 })).toBeNull();
    writeFileSync(dbPath, Buffer.alloc(8192, 7));
    for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
    expect(ReadOnlyIndex.openIfFresh(root, { shards: 1 })).toBeNull();
  });
});
