// The main-process side of the renderer's "Choose a folder…" (specdeckHost.openFolder): the folder
// the native dialog returns is granted and opened, so the page may reopen it with workspace.open;
// a cancel opens nothing; an untrusted frame is refused before any dialog is shown. Real router,
// Session, grants and recent list through the real IPC handlers; only the dialog is replaced (it
// needs an Electron binary): `chooseFolder` answers as the user would.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../../electron/core/api/router';
import { Session } from '../../../electron/core/session';
import { createHostActions } from '../../../electron/main/host-actions';
import { createIpcHandlers, UntrustedSenderError } from '../../../electron/main/ipc-handlers';
import { RecentFoldersStore } from '../../../electron/main/recent-folders';
import { WorkspaceController } from '../../../electron/main/workspace-controller';
import { WorkspaceGrants } from '../../../electron/main/workspace-grants';
import { useTempDataDir } from '../../support/data-dir';
import { tempDir, type TempDir } from '../../support/temp-workspace';

const APP_FRAME = { url: 'app://specdeck/index.html', isMainFrame: true };
let base: TempDir;
let userData: TempDir;
let session: Session;
let ipc: ReturnType<typeof createIpcHandlers>;
const dialogAnswers: (string | null)[] = [];
let dialogsShown = 0;
const folder = (name: string) => path.join(base.path, name);
useTempDataDir();

beforeAll(async () => {
  base = tempDir('specdeck-host-actions-');
  userData = tempDir('specdeck-userdata-');
  for (const name of ['first', 'picked', 'other']) {
    mkdirSync(folder(name));
    writeFileSync(path.join(folder(name), 'README.md'), `# ${name}\n`);
  }
  const recents = new RecentFoldersStore(userData.path);
  await recents.load();
  session = new Session({ recentFolders: recents });
  const router = createRouter(session, () => {});
  const grants = new WorkspaceGrants(() => recents.list());
  const controller = new WorkspaceController(router, recents, () => {}, grants);
  const chooseFolder = async () => {
    dialogsShown++;
    return dialogAnswers.shift() ?? null;
  };
  ipc = createIpcHandlers(router, createHostActions({ chooseFolder, controller, recents }), grants);
  expect(await controller.open(folder('first'))).toMatchObject({ ok: true });
});

afterAll(async () => {
  await session?.close();
  base?.remove();
  userData?.remove();
});

describe('specdeckHost.openFolder in the main process', () => {
  it('opens the folder chosen in the dialog and grants it, so the page may reopen it', async () => {
    // Not granted before the dialog: the page cannot name it.
    expect(await ipc.call(APP_FRAME, 'workspace.open', { path: folder('picked') })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    dialogAnswers.push(folder('picked'));
    const outcome = await ipc.openFolder(APP_FRAME);
    expect(outcome).toMatchObject({ ok: true, result: { root: folder('picked'), name: 'picked' } });
    expect(session.info().root).toBe(folder('picked'));
    expect(await ipc.call(APP_FRAME, 'workspace.open', { path: folder('first') })).toMatchObject({ ok: true });
    expect(await ipc.call(APP_FRAME, 'workspace.open', { path: folder('picked') })).toMatchObject({ ok: true });
    // Still nothing the user did not choose.
    expect(await ipc.call(APP_FRAME, 'workspace.open', { path: folder('other') })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });

  it('answers a cancelled dialog with a null result and leaves the workspace', async () => {
    const before = session.info().root;
    const shown = dialogsShown;
    expect(await ipc.openFolder(APP_FRAME)).toEqual({ ok: true, result: null });
    expect(dialogsShown).toBe(shown + 1);
    expect(session.info().root).toBe(before);
  });

  it('gives the router’s error for a chosen folder that vanished, and the workspace stays', async () => {
    const before = session.info().root;
    dialogAnswers.push(folder('vanished'));
    expect(await ipc.openFolder(APP_FRAME)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(session.info().root).toBe(before);
  });

  it('refuses an untrusted frame before showing any dialog', async () => {
    const shown = dialogsShown;
    await expect(ipc.openFolder({ url: 'https://evil.example/', isMainFrame: true })).rejects.toBeInstanceOf(UntrustedSenderError);
    expect(dialogsShown).toBe(shown);
  });
});
