// Electron main process entry (bundled to dist/electron/main.mjs): app lifecycle only; each
// concern lives in its own file next to this one.
import { app, dialog, type BrowserWindow } from 'electron';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { createRouter } from '../core/api/router';
import { Session } from '../core/session';
import { showOpenError, chooseFolder } from './dialogs';
import { bindIpc } from './ipc';
import { createHostActions } from './host-actions';
import { folderFromArgv } from './launch-args';
import { setApplicationMenu } from './menu';
import { bundledSampleProject, preloadPath, rendererDir } from './paths';
import { registerAppSchemePrivileges, serveRendererOverAppScheme } from './protocol';
import { RecentFoldersStore } from './recent-folders';
import { sampleProjectCopy } from './sample-project';
import { hardenAllWebContents, hardenDefaultSession } from './security';
import { acquireSingleInstanceLock } from './single-instance';
import { createMainWindow } from './window';
import { WorkspaceController } from './workspace-controller';
import { WorkspaceGrants } from './workspace-grants';

const isMac = process.platform === 'darwin';
let mainWindow: BrowserWindow | null = null;
let whenStarted: Promise<WorkspaceController> | null = null;

// Tests (and anyone who wants a throwaway profile) can point user data elsewhere; this must happen
// before the single-instance lock, which lives in that folder.
if (process.env.SPECDECK_USER_DATA_DIR) app.setPath('userData', process.env.SPECDECK_USER_DATA_DIR);

registerAppSchemePrivileges();
app.enableSandbox(); // every renderer sandboxed, whatever its webPreferences say
hardenAllWebContents();

if (!acquireSingleInstanceLock(onSecondInstance)) {
  app.quit();
} else {
  whenStarted = app.whenReady().then(start);
  whenStarted.catch((error: unknown) => {
    dialog.showErrorBox('Specdeck could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function start(): Promise<WorkspaceController> {
  hardenDefaultSession();
  serveRendererOverAppScheme(rendererDir, contentSecurityPolicy());

  const recents = new RecentFoldersStore(app.getPath('userData'));
  await recents.load();
  const session = new Session({ watch: true, recentFolders: recents }); // one list: the menu's, the grants', the page's
  const router = createRouter(session);
  const refreshMenu = () =>
    setApplicationMenu(recents.list(), menuActions(), { isMac, devTools: !app.isPackaged });
  const grants = new WorkspaceGrants(() => recents.list());
  const controller = new WorkspaceController(router, recents, refreshMenu, grants);

  // Whoever opened it (page, menu, command line), a workspace that opened becomes recent.
  session.onEvent((event, payload) => {
    if (event !== 'workspace.changed') return;
    const root = (payload as { root: string }).root;
    void controller.recordOpened(root);
    if (isMac || process.platform === 'win32') app.addRecentDocument(root);
  });

  // The folder from the command line, else (or if it cannot be opened) the sample project.
  const requested = folderFromArgv(process.argv, { defaultApp: Boolean(process.defaultApp), cwd: process.cwd() });
  const first = requested ? await controller.open(requested) : null;
  if (!first?.ok) {
    const sample = await sampleProjectCopy(bundledSampleProject(app.isPackaged, process.resourcesPath), app.getPath('userData'));
    const fallback = await controller.open(sample);
    if (!fallback.ok) throw new Error(`${requested ? `Cannot open ${requested}: ${first?.ok === false ? first.error.message : ''}\n` : ''}Cannot open the sample project: ${fallback.error.message}`);
  }

  bindIpc(router, session, hostActions(), grants, () => mainWindow);
  refreshMenu();
  openWindow();
  if (requested && first && !first.ok) {
    const { message } = first.error;
    // After the window is shown, so the error box has a visible parent.
    mainWindow?.once('ready-to-show', () => void showOpenError(mainWindow, requested, message));
  }

  app.on('activate', () => {
    if (!mainWindow) openWindow(); // macOS: clicking the dock icon with no window open
  });
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault(); // stop the watcher cleanly first
    void session.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
  return controller;

  function hostActions() {
    return createHostActions({ chooseFolder: () => chooseFolder(mainWindow), controller, recents });
  }

  function menuActions() {
    return {
      openFolder: () => void chooseFolder(mainWindow).then((folder) => (folder ? openReportingErrors(folder) : undefined)),
      openRecent: (folder: string) => void openReportingErrors(folder),
      clearRecent: () => void recents.clear().then(refreshMenu),
    };
  }

  async function openReportingErrors(folder: string): Promise<void> {
    const outcome = await controller.open(folder);
    if (!outcome.ok) await showOpenError(mainWindow, folder, outcome.error.message);
  }
}

function openWindow(): void {
  mainWindow = createMainWindow(preloadPath);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** A second launch focuses our window and opens the folder it was given, if any. */
function onSecondInstance(argv: string[], workingDirectory: string): void {
  void whenStarted?.then(async (controller) => {
    if (!mainWindow) openWindow();
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
    const folder = folderFromArgv(argv, { defaultApp: Boolean(process.defaultApp), cwd: workingDirectory });
    if (!folder) return;
    const outcome = await controller.open(folder);
    if (!outcome.ok) await showOpenError(mainWindow, folder, outcome.error.message);
  });
}
