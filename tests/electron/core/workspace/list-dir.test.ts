// The Files tree honours .gitignore at every level and skips .git and node_modules.
import { mkdirSync, writeFileSync } from 'node:fs';
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
