// `workspace.*`: which folder is open, opening another, the recent ones, and browsing to one.
import { stat } from 'node:fs/promises';
import type { WorkspaceInfo } from '../../../shared/api/contract';
import { browseFolders } from '../workspace/browse-folders';
import type { Handlers } from './handler-types';

export interface WorkspaceSwitch {
  info(): WorkspaceInfo;
  open(folder: string): Promise<WorkspaceInfo>;
  /** Folders opened recently, most recent first. */
  recentFolders(): Promise<string[]>;
}

export function workspaceHandlers(session: WorkspaceSwitch): Handlers<'workspace.info' | 'workspace.open' | 'workspace.recent' | 'workspace.browse'> {
  return {
    'workspace.info': async () => session.info(),
    'workspace.open': async ({ path }) => session.open(path),
    'workspace.recent': async () => {
      const folders = await session.recentFolders();
      const exists = await Promise.all(folders.map((f) => stat(f).then((s) => s.isDirectory(), () => false)));
      return { folders: folders.filter((_, i) => exists[i]) };
    },
    'workspace.browse': async ({ path }) => browseFolders(path),
  };
}
