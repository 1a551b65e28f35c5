// fs.mkdir (electron/core/workspace/make-dir.ts): one level, inside the workspace only.
import { mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkspaceDir } from '../../../../electron/core/workspace/make-dir';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import { tempDir, type TempDir } from '../../../support/temp-workspace';

const dirs: TempDir[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

async function workspace() {
  const dir = tempDir('specdeck-mkdir-');
  dirs.push(dir);
  return { root: dir.path, ws: await Workspace.open(dir.path) };
}

describe('makeWorkspaceDir', () => {
  it('creates one folder, and says when it already existed', async () => {
    const { root, ws } = await workspace();
    await expect(makeWorkspaceDir(ws, '.kiro')).resolves.toEqual({ created: true });
    expect(statSync(path.join(root, '.kiro')).isDirectory()).toBe(true);
    await expect(makeWorkspaceDir(ws, '.kiro')).resolves.toEqual({ created: false });
  });

  it('refuses to create several levels at once, a file’s name, or a path outside', async () => {
    const { root, ws } = await workspace();
    await expect(makeWorkspaceDir(ws, 'a/b')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    writeFileSync(path.join(root, 'f'), '');
    await expect(makeWorkspaceDir(ws, 'f')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(makeWorkspaceDir(ws, '../escape')).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
    const outside = tempDir('specdeck-outside-');
    dirs.push(outside);
    mkdirSync(path.join(outside.path, 'x'));
    symlinkSync(outside.path, path.join(root, 'link'));
    await expect(makeWorkspaceDir(ws, 'link/new')).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
  });
});
