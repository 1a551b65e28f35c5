// Native dialogs: choosing a folder, and telling the user why a folder could not be opened when
// the request did not come from the page (menu, command line, second instance).
import { dialog, type BrowserWindow } from 'electron';

export async function chooseFolder(win: BrowserWindow | null): Promise<string | null> {
  const options = { title: 'Open Folder', properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

export async function showOpenError(win: BrowserWindow | null, folder: string, message: string): Promise<void> {
  const options = { type: 'error' as const, title: 'Specdeck', message: `Cannot open ${folder}`, detail: message, buttons: ['OK'] };
  if (win) await dialog.showMessageBox(win, options);
  else await dialog.showMessageBox(options);
}

/** Asked when the page holds unsaved edits and the window is closing or reloading. */
export function confirmDiscardUnsaved(win: BrowserWindow): boolean {
  const choice = dialog.showMessageBoxSync(win, {
    type: 'warning',
    title: 'Specdeck',
    message: 'You have unsaved changes.',
    detail: 'Close anyway and discard them? Choose Cancel to go back and save.',
    buttons: ['Discard and Close', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
  });
  return choice === 0;
}
