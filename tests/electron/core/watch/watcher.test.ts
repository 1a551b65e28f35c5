// The watcher reports changes anywhere in the tree, including inside folders created in one go.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { watchWorkspace, type WatchHandle } from '../../../../electron/core/watch/watcher';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import { tempDir, type TempDir } from '../../../support/temp-workspace';

let dir: TempDir;
let handle: WatchHandle;
let seen: string[];

beforeEach(async () => {
  dir = tempDir();
  seen = [];
  handle = await watchWorkspace(await Workspace.open(dir.path), (batch) => seen.push(...batch.created, ...batch.updated, ...batch.deleted));
});
afterEach(async () => {
  await handle.close();
  dir.remove();
});

async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`not seen within 5 s: ${what}; seen: ${JSON.stringify(seen)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

it('sees later edits deep inside folders that were created in one go (mkdir -p)', async () => {
  mkdirSync(path.join(dir.path, 'a', 'b', 'c'), { recursive: true });
  await until(() => seen.includes('a'), 'the new folder a');
  await new Promise((r) => setTimeout(r, 200)); // let the sub-folder subscriptions start
  writeFileSync(path.join(dir.path, 'a', 'b', 'c', 'deep.txt'), 'x');
  writeFileSync(path.join(dir.path, 'a', 'b', 'mid.txt'), 'x');
  await until(() => seen.includes('a/b/c/deep.txt') && seen.includes('a/b/mid.txt'), 'files in a/b and a/b/c');
});

it('still reports ordinary edits, and nothing from .git or node_modules', async () => {
  mkdirSync(path.join(dir.path, 'node_modules', 'pkg'), { recursive: true });
  mkdirSync(path.join(dir.path, '.git'));
  writeFileSync(path.join(dir.path, 'node_modules', 'pkg', 'index.js'), 'x');
  writeFileSync(path.join(dir.path, '.git', 'HEAD'), 'x');
  writeFileSync(path.join(dir.path, 'top.txt'), 'x');
  await until(() => seen.includes('top.txt'), 'top.txt');
  expect(seen.filter((p) => p.startsWith('node_modules') || p.startsWith('.git'))).toEqual([]);
});
