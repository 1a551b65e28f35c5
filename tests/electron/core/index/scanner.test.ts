// The index's walk: typed folder entries, lstat only for files, and a shard's filter applied
// before any system call (so shards walking one tree do not stat each other's files).
import fs, { symlinkSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanTree, type ScannedFile } from '../../../../electron/core/index/scanner';
import { IgnoreRules } from '../../../../electron/core/workspace/ignore-rules';
import { makeTree } from './helpers';

function scan(root: string, wants?: (p: string) => boolean) {
  const files: ScannedFile[] = [];
  const skipped: string[] = [];
  scanTree(root, new IgnoreRules(root, ['node_modules']), '', (f) => files.push(f), (p, reason) => skipped.push(`${p}: ${reason}`), wants);
  return { paths: files.map((f) => f.path).sort(), files, skipped: skipped.sort() };
}

/** The .gitignore paths (relative to the tree) that `run` asks the disk about, through fs.existsSync. */
function gitignoreLookups(root: string, run: () => unknown): string[] {
  const real = fs.existsSync;
  const seen: string[] = [];
  fs.existsSync = (p: fs.PathLike) => {
    if (String(p).endsWith('.gitignore')) seen.push(path.relative(root, String(p)));
    return real(p);
  };
  syncBuiltinESMExports(); // the named `existsSync` imports see the wrapper too
  try {
    run();
  } finally {
    fs.existsSync = real;
    syncBuiltinESMExports();
  }
  return seen;
}

describe('index: the walk', () => {
  it('lists visible files with size and mtime, honouring ignore rules, and reports links', () => {
    const root = makeTree({ 'a.ts': 'abc', 'src/b.ts': 'hello', 'src/deep/c.md': '', 'node_modules/x/y.js': '', '.gitignore': 'out/\n', 'out/z.js': '' });
    symlinkSync(path.join(root, 'src'), path.join(root, 'link'));
    const { paths, files, skipped } = scan(root);
    expect(paths).toEqual(['.gitignore', 'a.ts', 'src/b.ts', 'src/deep/c.md']);
    expect(files.find((f) => f.path === 'src/b.ts')).toMatchObject({ size: 5 });
    expect(files.every((f) => f.mtimeMs > 0)).toBe(true);
    expect(skipped).toEqual(['link: symbolic link (not followed)']);
  });

  it('passes over the files a shard does not want, in every folder', () => {
    const root = makeTree({ 'a.ts': '', 'b.ts': '', 'src/a.ts': '', 'src/b.ts': '', 'src/deep/a.ts': '' });
    const { paths } = scan(root, (p) => path.basename(p) === 'a.ts');
    expect(paths).toEqual(['a.ts', 'src/a.ts', 'src/deep/a.ts']);
  });
});

describe('index: the walk and nested ignore files', () => {
  it('honours a .gitignore in a nested folder (also with re-includes) while folders without one are never stat-ed for it', () => {
    const root = makeTree({
      'a/.gitignore': '*.log\n!keep.log\n', 'a/x.log': '', 'a/keep.log': '', 'a/b/y.log': '', 'a/b/z.ts': '',
      'c/d/e/.gitignore': 'gen/\n', 'c/d/e/gen/g.ts': '', 'c/d/e/f.ts': '', 'c/x.log': '',
    });
    expect(scan(root).paths).toEqual(['a/.gitignore', 'a/b/z.ts', 'a/keep.log', 'c/d/e/.gitignore', 'c/d/e/f.ts', 'c/x.log']);
    // The same rules object walked twice (the indexer keeps its rules): the noted folders stay right.
    const rules = new IgnoreRules(root, ['node_modules']);
    const twice: string[][] = [[], []];
    for (const run of twice) scanTree(root, rules, '', (f) => run.push(f.path), () => {});
    expect(twice[1]!.sort()).toEqual(twice[0]!.sort());
    expect(rules.isIgnored('c/d/e/gen/new.ts', false)).toBe(true);
    expect(rules.isIgnored('a/b/new.log', false)).toBe(true);
    expect(rules.isIgnored('a/b/keep.log', false)).toBe(false);
    // The title's claim, counted: a fresh walk looks for .gitignore on disk only at the root and in
    // the folders whose listing has one (a counting wrapper around the real fs.existsSync).
    expect(gitignoreLookups(root, () => scan(root)).sort()).toEqual(['.gitignore', 'a/.gitignore', 'c/d/e/.gitignore']);
  });
});
