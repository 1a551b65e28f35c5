// In Electron the page may open only folders the main process granted (dialog, recent list,
// command line): a compromised renderer asking `workspace.open` for any other folder gets
// PERMISSION_DENIED and the workspace stays as it was. Real router, real Session, real folders;
// the dialog is the one thing replaced (it needs an Electron binary): the controller's open is
// what main.ts calls with the dialog's answer.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../../electron/core/api/router';
import { Session } from '../../../electron/core/session';
import { createIpcHandlers } from '../../../electron/main/ipc-handlers';
import { RecentFoldersStore } from '../../../electron/main/recent-folders';
import { WorkspaceController } from '../../../electron/main/workspace-controller';
import { WorkspaceGrants } from '../../../electron/main/workspace-grants';
import { useTempDataDir } from '../../support/data-dir';
import { tempDir, type TempDir } from '../../support/temp-workspace';

const APP_FRAME = { url: 'app://specdeck/index.html', isMainFrame: true };
let base: TempDir;
let userData: TempDir;
let session: Session;
let recents: RecentFoldersStore;
let controller: WorkspaceController;
let ipc: ReturnType<typeof createIpcHandlers>;
const folder = (name: string) => path.join(base.path, name);
useTempDataDir();

beforeAll(async () => {
  base = tempDir('specdeck-grants-');
  userData = tempDir('specdeck-userdata-');
  for (const name of ['first', 'chosen', 'recent', 'secret']) {
    mkdirSync(folder(name));
    writeFileSync(path.join(folder(name), 'README.md'), `# ${name}\n`);
  }
  symlinkSync(folder('chosen'), folder('link-to-chosen'));
  recents = new RecentFoldersStore(userData.path);
  await recents.load();
  session = new Session({ recentFolders: recents }); // one list, as in main.ts: what the session opens is recent, so granted
  const grants = new WorkspaceGrants(() => recents.list());
  controller = new WorkspaceController(createRouter(session, () => {}), recents, () => {}, grants);
  const router = createRouter(session, () => {});
  ipc = createIpcHandlers(router, { openFolder: async () => ({ ok: true, result: null }), recentFolders: () => recents.list(), openRecent: (f) => controller.open(f) }, grants);
  expect(await controller.open(folder('first'))).toMatchObject({ ok: true }); // the command-line folder
});

afterAll(async () => {
  await session?.close();
  base?.remove();
  userData?.remove();
});

const rootNow = () => session.info().root;

describe('workspace.open from the page', () => {
  it('refuses a folder nobody granted, and the workspace stays', async () => {
    const before = rootNow();
    const outcome = await ipc.call(APP_FRAME, 'workspace.open', { path: folder('secret') });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED', field: 'path' } });
    expect(rootNow()).toBe(before);
    for (const sneaky of [`${folder('first')}/../secret`, '/', '/etc', `${folder('secret')}/`]) {
      expect(await ipc.call(APP_FRAME, 'workspace.open', { path: sneaky })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    expect(rootNow()).toBe(before);
  });

  it('opens the folder given on the command line, and one the user chose in the dialog (also through a link)', async () => {
    expect(await ipc.call(APP_FRAME, 'workspace.open', { path: folder('first') })).toMatchObject({ ok: true });
    expect(await ipc.call(APP_FRAME, 'workspace.open', { path: folder('link-to-chosen') })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await controller.open(folder('chosen'))).toMatchObject({ ok: true }); // the dialog's answer
    expect(await ipc.call(APP_FRAME, 'workspace.open', { path: folder('first') })).toMatchObject({ ok: true });
    expect(await ipc.call(APP_FRAME, 'workspace.open', { path: folder('link-to-chosen') })).toMatchObject({ ok: true });
    expect(rootNow()).toBe(folder('chosen'));
  });

  it('opens a folder from the recent list', async () => {
    expect(await ipc.call(APP_FRAME, 'workspace.open', { path: folder('recent') })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    await recents.add(folder('recent')); // as if opened in an earlier run
    expect(await ipc.call(APP_FRAME, 'workspace.open', { path: folder('recent') })).toMatchObject({ ok: true });
    expect(rootNow()).toBe(folder('recent'));
  });

  it('opens every folder the page lists as recent (workspace.recent reads the granted list)', async () => {
    const listed = await ipc.call(APP_FRAME, 'workspace.recent', {});
    const folders = listed.ok ? (listed.result as { folders: string[] }).folders : [];
    expect(folders).toEqual(expect.arrayContaining([folder('first'), folder('chosen'), folder('recent')]));
    for (const f of folders) expect(await ipc.call(APP_FRAME, 'workspace.open', { path: f })).toMatchObject({ ok: true });
  });

  it('leaves malformed params to the router, which names the field', async () => {
    expect(await ipc.call(APP_FRAME, 'workspace.open', { path: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'path' } });
    expect(await ipc.call(APP_FRAME, 'workspace.open', {})).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'path' } });
  });
});
