// Opening folders from the desktop host (dialog, recent list, command line) goes through the real
// router: a missing path or a file gives the API's own NOT_FOUND / INVALID_ARGUMENT, which the
// UI shows; a recent folder that is gone leaves the list.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../../electron/core/api/router';
import { Session } from '../../../electron/core/session';
import { RecentFoldersStore } from '../../../electron/main/recent-folders';
import { sampleProjectCopy } from '../../../electron/main/sample-project';
import { WorkspaceController } from '../../../electron/main/workspace-controller';
import { copyOfSampleProject, sampleProject, tempDir, type TempDir } from '../../support/temp-workspace';

let workspace: TempDir;
let userData: TempDir;
let session: Session;
let recents: RecentFoldersStore;
let controller: WorkspaceController;
let menuRefreshes = 0;

beforeAll(async () => {
  workspace = copyOfSampleProject();
  userData = tempDir('specdeck-userdata-');
  session = new Session(); // empty until the controller opens a folder, as in main.ts
  recents = new RecentFoldersStore(userData.path);
  await recents.load();
  controller = new WorkspaceController(createRouter(session, () => {}), recents, () => menuRefreshes++);
  session.onEvent((event, payload) => {
    if (event === 'workspace.changed') void controller.recordOpened((payload as { root: string }).root);
  });
});

afterAll(async () => {
  await session.close();
  workspace.remove();
  userData.remove();
});

describe('WorkspaceController', () => {
  it('opens a folder and records it as recent', async () => {
    const outcome = await controller.open(workspace.path);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.result?.root).toBe(session.info().root);
    await expect.poll(() => recents.list()[0]).toBe(session.info().root);
  });

  it('gives NOT_FOUND for a path that does not exist, and keeps the workspace', async () => {
    const before = session.info();
    const missing = path.join(workspace.path, 'no-such-folder');
    const outcome = await controller.open(missing);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'path' } });
    if (!outcome.ok) expect(outcome.error.message).toContain('no-such-folder');
    expect(session.info()).toEqual(before);
  });

  it('gives INVALID_ARGUMENT for a file', async () => {
    const file = path.join(workspace.path, 'a-file.txt');
    writeFileSync(file, 'x');
    const outcome = await controller.open(file);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'path' } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(/not a folder/i);
  });

  it('drops a recent folder that has disappeared', async () => {
    const gone = path.join(userData.path, 'was-here');
    mkdirSync(gone);
    expect((await controller.open(gone)).ok).toBe(true);
    await expect.poll(() => recents.list()).toContain(gone);
    await controller.open(workspace.path);
    const { rmSync } = await import('node:fs');
    rmSync(gone, { recursive: true });
    const refreshesBefore = menuRefreshes;
    const outcome = await controller.open(gone);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(recents.list()).not.toContain(gone);
    expect(menuRefreshes).toBeGreaterThan(refreshesBefore);
  });
});

describe('one recent-folders list in the desktop app', () => {
  it('the session records its opens in the list it was given, and workspace.recent reads that list', async () => {
    const appData = tempDir('specdeck-userdata-');
    const other = copyOfSampleProject();
    const store = new RecentFoldersStore(appData.path);
    await store.load();
    const appSession = new Session({ recentFolders: store });
    try {
      const router = createRouter(appSession, () => {});
      const opened = await router.dispatch('workspace.open', { path: other.path });
      expect(opened.ok).toBe(true);
      const root = appSession.info().root;
      expect(store.list()).toEqual([root]);
      expect(await new RecentFoldersStore(appData.path).load()).toEqual([root]);
      expect(await router.dispatch('workspace.recent', {})).toEqual({ ok: true, result: { folders: [root] } });
    } finally {
      await appSession.close();
      other.remove();
      appData.remove();
    }
  });
});

describe('sampleProjectCopy', () => {
  it('copies the bundled sample once into user data and then reuses it', async () => {
    const target = await sampleProjectCopy(sampleProject, userData.path);
    expect(target).toBe(path.join(userData.path, 'sample-project'));
    expect(existsSync(path.join(target, 'README.md'))).toBe(true);
    writeFileSync(path.join(target, 'README.md'), 'edited by the user');
    await sampleProjectCopy(sampleProject, userData.path);
    expect(readFileSync(path.join(target, 'README.md'), 'utf8')).toBe('edited by the user');
  });
});
