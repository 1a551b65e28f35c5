// Transport 1: the API over Electron IPC. The answers live in ipc-handlers.ts (testable without
// electron); this file binds them to ipcMain with each invoke's sender frame, and forwards the
// session's events to our window.
import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import type { Router } from '../core/api/router';
import type { Session } from '../core/session';
import { CHANNELS } from '../preload/channels';
import { createIpcHandlers, type HostActions } from './ipc-handlers';
import { isTrustedSender, type SenderFrameFacts } from './sender';
import type { WorkspaceGrants } from './workspace-grants';

export function bindIpc(router: Router, session: Session, host: HostActions, grants: WorkspaceGrants, getWindow: () => BrowserWindow | null): () => void {
  const handlers = createIpcHandlers(router, host, grants);
  ipcMain.handle(CHANNELS.call, (event, method: unknown, params: unknown) => handlers.call(frameFacts(event.senderFrame), method, params));
  ipcMain.handle(CHANNELS.openFolder, (event) => handlers.openFolder(frameFacts(event.senderFrame)));
  ipcMain.handle(CHANNELS.recentFolders, (event) => handlers.recentFolders(frameFacts(event.senderFrame)));
  ipcMain.handle(CHANNELS.openRecent, (event, folder: unknown) => handlers.openRecent(frameFacts(event.senderFrame), folder));

  // Events go to our window only, and only while it shows our page.
  const unsubscribe = session.onEvent((event, payload) => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return;
    if (isTrustedSender(frameFacts(win.webContents.mainFrame))) win.webContents.send(CHANNELS.event, event, payload);
  });

  return () => {
    unsubscribe();
    for (const channel of [CHANNELS.call, CHANNELS.openFolder, CHANNELS.recentFolders, CHANNELS.openRecent]) ipcMain.removeHandler(channel);
  };
}

function frameFacts(frame: WebFrameMain | null): SenderFrameFacts | null {
  try {
    return frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
  } catch {
    return null; // the frame was destroyed while we looked at it
  }
}
