// The Files tree honours .gitignore at every level and skips .git and node_modules.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { IgnoreRules } from '../../../../electron/core/workspace/ignore-rules';
import { listDir } from '../../../../electron/core/workspace/list-dir';
import { walkFiles } from '../../../../electron/core/workspace/walk';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import { tempDir, type TempDir } from '../../../support/temp-workspace';

let dir: TempDir;

function put(rel: string, text = 'x'): void {
  mkdirSync(path.dirname(path.join(dir.path, rel)), { recursive: true });
  writeFileSync(path.join(dir.path, rel), text);
}

beforeEach(() => {
  dir = tempDir();
  put('.gitignore', 'dist/\n*.log\n');
  put('src/.gitignore', 'generated/\n!keep.log\n');
  put('src/main.ts');
  put('src/generated/out.ts');
  put('src/keep.log');
  put('src/debug.log');
  put('dist/bundle.js');
  put('app.log');
  put('.git/HEAD', 'ref: refs/heads/main\n');
  put('.git/info/exclude', 'secret.txt\n');
  put('secret.txt');
  put('node_modules/pkg/index.js');
  put('README.md');
});
afterEach(() => dir.remove());

it('lists one folder at a time, folders first, without ignored entries', async () => {
  const ws = await Workspace.open(dir.path);
  const rules = new IgnoreRules(ws.root);
  expect((await listDir(ws, rules, '')).map((e) => e.path)).toEqual(['src', '.gitignore', 'README.md']);
  expect((await listDir(ws, rules, 'src')).map((e) => e.path)).toEqual(['src/.gitignore', 'src/keep.log', 'src/main.ts']);
});

it('walks every visible file with the same rules', async () => {
  const ws = await Workspace.open(dir.path);
  expect(await walkFiles(ws.root, new IgnoreRules(ws.root))).toEqual([
    '.gitignore',
    'README.md',
    'src/.gitignore',
    'src/keep.log',
    'src/main.ts',
  ]);
});

it('refuses to list a folder outside the workspace', async () => {
  const ws = await Workspace.open(dir.path);
  await expect(listDir(ws, new IgnoreRules(ws.root), '..')).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
});

it('walks a wide and deep tree with several listings in flight, with the same result as one at a time', async () => {
  for (let i = 0; i < 40; i++) put(`w${i % 8}/d${i}/e${i % 3}/f${i}.ts`);
  put('w1/.gitignore', 'd9/\n*.log\n');
  put('w1/d17/x.log');
  put('w1/d9/hidden.ts');
  const ws = await Workspace.open(dir.path);
  const rules = new IgnoreRules(ws.root);
  // The reference: a plain synchronous recursive walk with a fresh copy of the rules.
  const reference: string[] = [];
  const fresh = new IgnoreRules(ws.root);
  const visit = (rel: string) => {
    for (const d of readdirSync(path.join(ws.root, rel), { withFileTypes: true })) {
      const child = rel === '' ? d.name : `${rel}/${d.name}`;
      if (fresh.isIgnored(child, d.isDirectory())) continue;
      if (d.isDirectory()) visit(child);
      else if (d.isFile()) reference.push(child);
    }
  };
  visit('');
  const walked = await walkFiles(ws.root, rules);
  expect(walked).toEqual(reference.sort());
  expect(walked).toContain('w0/d0/e0/f0.ts');
  expect(walked.some((p) => p.startsWith('w1/d9/') || p === 'w1/d17/x.log')).toBe(false);
  expect(await walkFiles(ws.root, rules)).toEqual(walked); // the rules object reused, as services do
});

it('rejects (never crashes) when a verdict throws mid-walk', async () => {
  for (let i = 0; i < 30; i++) put(`a${i}/b/c.ts`);
  const ws = await Workspace.open(dir.path);
  class Failing extends IgnoreRules {
    override isIgnoredInVisibleFolder(rel: string, isDir: boolean): boolean {
      if (rel === 'a17/b') throw new Error('boom');
      return super.isIgnoredInVisibleFolder(rel, isDir);
    }
  }
  await expect(walkFiles(ws.root, new Failing(ws.root))).rejects.toThrow('boom');
});
