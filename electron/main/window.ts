// The one application window. Specdeck uses a single window that switches workspace (one Session
// behind one router), rather than a window per workspace.
import { app, BrowserWindow } from 'electron';
import { confirmDiscardUnsaved } from './dialogs';
import { APP_ENTRY_URL } from './app-url';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Specdeck',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  // The page vetoes unloading while an editor tab is dirty (beforeunload). Electron would then
  // silently refuse to close the window: ask the user instead, as a browser does.
  win.webContents.on('will-prevent-unload', (event) => {
    if (confirmDiscardUnsaved(win)) event.preventDefault(); // preventDefault here means: unload anyway
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
