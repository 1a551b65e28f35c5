// Path containment: every way out of the workspace is refused with OUTSIDE_WORKSPACE.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/errors';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import { tempDir, type TempDir } from '../../../support/temp-workspace';

let root: TempDir;
let outside: TempDir;
let ws: Workspace;

beforeEach(async () => {
  root = tempDir();
  outside = tempDir();
  mkdirSync(path.join(root.path, 'src'));
  writeFileSync(path.join(root.path, 'src', 'a.ts'), 'a');
  writeFileSync(path.join(outside.path, 'secret.txt'), 'secret');
  symlinkSync(outside.path, path.join(root.path, 'escape'));
  symlinkSync(path.join(outside.path, 'secret.txt'), path.join(root.path, 'secret-link.txt'));
  symlinkSync(path.join(root.path, 'src'), path.join(root.path, 'inner-link'));
  ws = await Workspace.open(root.path);
});

afterEach(() => {
  root.remove();
  outside.remove();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof ApiError ? error.code : `not an ApiError: ${String(error)}`;
  }
}

describe('Workspace.resolve', () => {
  it('accepts paths inside, existing or not yet', async () => {
    await expect(ws.resolve('src/a.ts')).resolves.toBe(path.join(ws.root, 'src', 'a.ts'));
    await expect(ws.resolve('src/new/deeper.ts')).resolves.toBe(path.join(ws.root, 'src', 'new', 'deeper.ts'));
    await expect(ws.resolve('inner-link/a.ts')).resolves.toBe(path.join(ws.root, 'src', 'a.ts'));
  });

  it.each([
    ['..', 'a parent'],
    ['../x.txt', 'a sibling through ..'],
    ['src/../../x.txt', '.. in the middle'],
    ['/etc/passwd', 'an absolute path'],
    ['escape/secret.txt', 'a symlinked folder pointing out'],
    ['secret-link.txt', 'a symlinked file pointing out'],
    ['escape/new-file.txt', 'a new file under a symlink pointing out'],
  ])('refuses %s (%s)', async (rel) => {
    await expect(codeOf(ws.resolve(rel))).resolves.toBe('OUTSIDE_WORKSPACE');
  });

  it('refuses a NUL byte as an invalid argument', async () => {
    await expect(codeOf(ws.resolve('src/a\0.ts'))).resolves.toBe('INVALID_ARGUMENT');
  });
});

describe('Workspace.open', () => {
  it('refuses a missing path with NOT_FOUND and a file with INVALID_ARGUMENT', async () => {
    await expect(codeOf(Workspace.open(path.join(root.path, 'nope')))).resolves.toBe('NOT_FOUND');
    await expect(codeOf(Workspace.open(path.join(root.path, 'src', 'a.ts')))).resolves.toBe('INVALID_ARGUMENT');
  });
});
