// What the preload's `specdeckHost` does in the main process (ipc-handlers.ts calls these after
// checking the sender frame). No electron import: the native dialog is passed in as `chooseFolder`,
// so tests drive it with the real router, grants and recent list. A folder chosen in the dialog
// goes through WorkspaceController.open, which grants it first: the page may then reopen it with
// `workspace.open`, and nothing else the page names.
import type { HostActions } from './ipc-handlers';
import type { RecentFoldersStore } from './recent-folders';
import type { WorkspaceController } from './workspace-controller';

export function createHostActions(deps: {
  /** The native folder dialog; null when the user cancelled it. */
  chooseFolder(): Promise<string | null>;
  controller: WorkspaceController;
  recents: RecentFoldersStore;
}): HostActions {
  return {
    async openFolder() {
      const folder = await deps.chooseFolder();
      return folder === null ? { ok: true, result: null } : deps.controller.open(folder);
    },
    recentFolders: () => deps.recents.list(),
    openRecent: (folder: string) => deps.controller.open(folder),
  };
}
