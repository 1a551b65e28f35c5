// Issue 13: the ignore rules against real git. Each tree is a temporary git repository; the files
// the index's walk (scanTree), the workspace walk (walkFiles) and isIgnored keep must be exactly
// those `git ls-files --others --exclude-standard` lists (git run through the project's safe runner;
// the repository's own config points core.excludesFile at an empty file, so the user's global
// ignore file plays no part, and core.ignorecase is false as on Linux).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGit } from '../../../../electron/core/git/git-run';
import { scanTree } from '../../../../electron/core/index/scanner';
import { IgnoreRules } from '../../../../electron/core/workspace/ignore-rules';
import { walkFiles } from '../../../../electron/core/workspace/walk';
import { makeTree } from '../index/helpers';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

async function gitKeeps(files: Record<string, string>): Promise<{ root: string; git: string[] }> {
  const root = makeTree(files);
  roots.push(root);
  await runGit(root, ['init', '-q']);
  writeFileSync(path.join(root, '.git', 'empty-excludes'), '');
  await runGit(root, ['config', 'core.excludesFile', path.join(root, '.git', 'empty-excludes')]);
  await runGit(root, ['config', 'core.ignorecase', 'false']);
  if (files['.git/info/exclude'] === undefined) writeFileSync(path.join(root, '.git', 'info', 'exclude'), '');
  const out = await runGit(root, ['ls-files', '--others', '--exclude-standard', '-z']);
  return { root, git: out.split('\0').filter((p) => p !== '').sort() };
}

async function expectSameAsGit(files: Record<string, string>): Promise<void> {
  const { root, git } = await gitKeeps(files);
  const scanned: string[] = [];
  scanTree(root, new IgnoreRules(root, ['.git']), '', (f) => scanned.push(f.path), (p, reason) => scanned.push(`skipped ${p}: ${reason}`));
  expect(scanned.sort(), 'scanTree').toEqual(git);
  expect(await walkFiles(root, new IgnoreRules(root, ['.git'])), 'walkFiles').toEqual(git);
  // isIgnored on every file of the tree, from a fresh object (no walk before it).
  const rules = new IgnoreRules(root, ['.git']);
  const kept = Object.keys(files).filter((p) => !p.startsWith('.git/') && !rules.isIgnored(p, false));
  expect(kept.sort(), 'isIgnored').toEqual(git);
  rmSync(root, { recursive: true, force: true });
}

describe('ignore rules: the same verdicts as git', () => {
  it('pattern shapes: comments, escapes, trailing spaces, anchors, dir/, **, brackets, case', async () => {
    await expectSameAsGit({
      '.gitignore': [
        '# a comment', '\\#hash.txt', '\\!bang.txt', '*.log', '!keep.log', '/anchored.txt', 'build/', '**/deep.txt',
        'a/**/b.txt', 'docs/*.md', 'trailing.txt   ', 'escaped\\ ', 'foo[0-9].c', '[!x]y.q', '?.one', 'only-dir/',
        'logs/**', '!logs/important/', '!logs/important/**', 'space name.txt', '*~', 'mid/**/end/', 'x**y.z',
        'crlf.txt\r', '', '   ', 'sub/', '!sub/', 'tail/**/', '*.cache/', 'br[[:digit:]]ck', '?.one-byte', '??.two-bytes', 'ü*.lit',
      ].join('\n'),
      '#hash.txt': '', 'hash.txt': '', '!bang.txt': '', 'bang.txt': '', 'a.log': '', 'keep.log': '', 'z/keep.log': '', 'z/b.log': '',
      'X.LOG': '', 'anchored.txt': '', 'z/anchored.txt': '', 'build/out.js': '', 'src/build/y.js': '', 'other/build': '',
      'deep.txt': '', 'x/y/deep.txt': '', 'a/b.txt': '', 'a/x/b.txt': '', 'a/x/y/b.txt': '', 'c/a/b.txt': '',
      'docs/r.md': '', 'docs/sub/r.md': '', 'trailing.txt': '', 'escaped ': '', 'escaped': '', 'foo1.c': '', 'foox.c': '',
      'ay.q': '', 'xy.q': '', 'a.one': '', 'ab.one': '', 'only-dir': '', 'z/only-dir/f': '', 'logs/a.txt': '',
      'logs/important/i.txt': '', 'logs/important/deeper/j.txt': '', 'space name.txt': '', 'back~': '',
      'mid/end/f': '', 'mid/q/end/f': '', 'mid/x/end': '', 'xABy.z': '', 'xA/By.z': '', 'crlf.txt': '',
      'sub/s.txt': '', 'tail/t.txt': '', 'tail/d/t.txt': '', 'q.cache/c': '', 'q.cache2': '', 'br7ck': '', 'brack': '', 'é.one-byte': '', 'e.one-byte': '', 'é.two-bytes': '', 'ü1.lit': '',
    });
  });

  it('nested .gitignore files: deeper ones override, negations, anchors relative to their folder, info/exclude lowest', async () => {
    await expectSameAsGit({
      '.gitignore': '*.gen\n/out\nsecret/\n!secret/x.txt\n!over.exc\n*.txt\n!*.md.txt\n',
      '.git/info/exclude': '*.exc\nexcl-dir/\n',
      'a.gen': '', 'out/o.js': '', 'pkg/out/o.js': '', 'secret/x.txt': '', 'over.exc': '', 'plain.exc': '', 'pkg/plain.exc': '',
      'excl-dir/e': '', 'r.txt': '', 'r.md.txt': '',
      'pkg/.gitignore': '!*.gen\n/local.txt\nout\n!*.txt\na/**/z.txt\n',
      'pkg/b.gen': '', 'pkg/local.txt': '', 'pkg/deeper/local.txt': '', 'pkg/a/z.txt': '', 'pkg/a/q/z.txt': '', 'pkg/q/a/z.txt': '',
      'pkg/inner/.gitignore': '*.gen\n!special.gen\n!out/\n',
      'pkg/inner/c.gen': '', 'pkg/inner/special.gen': '', 'pkg/inner/out/x': '', 'pkg/inner/t.txt': '',
      'other/.gitignore': '*\n!*/\n!*.keep\n',
      'other/a': '', 'other/b.keep': '', 'other/d/c': '', 'other/d/e.keep': '',
      'neg/.gitignore': '/d\n!/d/x\n',
      'neg/d/x': '', 'neg/d/y': '',
    });
  });

  it('patterns written to hurt: many stars against long names, many ** against deep paths, still as git', async () => {
    // A regular expression of `*a*a…*b` backtracks: against 40 `a`s it ran for minutes (this test
    // timed out). Git answers in milliseconds; so must the walk.
    const stars = `${'*a'.repeat(12)}*b`;
    const deep = `x/${'**/'.repeat(12)}y`;
    const files: Record<string, string> = {
      '.gitignore': [stars, deep, `${'?*'.repeat(10)}c`, `z/${'*/'.repeat(6)}${'[a]*'.repeat(8)}q`].join('\n') + '\n',
      [`${'a'.repeat(40)}`]: '',
      [`${'a'.repeat(39)}b`]: '',
      [`x/${'q/'.repeat(16)}z`]: '',
      [`x/${'q/'.repeat(16)}y`]: '',
      [`${'ab'.repeat(20)}`]: '',
      [`z/${'w/'.repeat(6)}${'a'.repeat(30)}`]: '',
      [`z/${'w/'.repeat(6)}${'a'.repeat(29)}q`]: '',
    };
    await expectSameAsGit(files);
  });

  it('generated rule sets over one tree (seeded)', async () => {
    const folders = ['a', 'd', 'c d'];
    const names = ['b', 'x.log', 'y.ts', 'A.TS'];
    const pieces = ['a', 'b', '*', '?', '*.log', '*.ts', 'x*', '[ab]', '[!a]', '**', 'd', 'c\\ d', 'A.TS', 'a**', '**b', '[a-c]', '\\*', '*.*', 'c?d', '[[:alpha:]]', 'y.[t]s', '*s'];
    let seed = 1;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const pattern = () => {
      const parts = Array.from({ length: 1 + random(3) }, () => pieces[random(pieces.length)]!);
      let p = parts.join('/');
      if (random(4) === 0) p = `/${p}`;
      if (random(4) === 0) p = `${p}/`;
      if (random(3) === 0) p = `!${p}`;
      return p;
    };
    for (let round = 0; round < 20; round++) {
      const files: Record<string, string> = {};
      for (const name of names) {
        files[name] = '';
        for (const one of folders) {
          files[`${one}/${name}`] = '';
          for (const two of folders) {
            files[`${one}/${two}/${name}`] = '';
            for (const three of folders) files[`${one}/${two}/${three}/${name}`] = '';
          }
        }
      }
      files['.gitignore'] = Array.from({ length: 2 + random(5) }, pattern).join('\n') + '\n';
      files['d/.gitignore'] = Array.from({ length: random(4) }, pattern).join('\n') + '\n';
      files['a/d/.gitignore'] = Array.from({ length: random(3) }, pattern).join('\n') + '\n';
      await expectSameAsGit(files);
    }
  });

  it('a .gitignore edited and invalidated gives the new verdicts', async () => {
    const { root } = await gitKeeps({ '.gitignore': '*.log\n', 'a.log': '', 'b.txt': '' });
    const rules = new IgnoreRules(root, ['.git']);
    expect(rules.isIgnored('a.log', false)).toBe(true);
    mkdirSync(path.join(root, 'n'), { recursive: true });
    writeFileSync(path.join(root, '.gitignore'), '*.txt\n');
    rules.invalidate('');
    expect([rules.isIgnored('a.log', false), rules.isIgnored('b.txt', false), rules.isIgnoredInVisibleFolder('n/b.txt', false)]).toEqual([false, true, true]);
  });
});
