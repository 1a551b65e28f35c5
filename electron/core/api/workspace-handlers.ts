// `workspace.*`: which folder is open, and opening another.
import type { WorkspaceInfo } from '../../../shared/api/contract';
import type { Handlers } from './handler-types';

export interface WorkspaceSwitch {
  info(): WorkspaceInfo;
  open(folder: string): Promise<WorkspaceInfo>;
}

export function workspaceHandlers(session: WorkspaceSwitch): Handlers<'workspace.info' | 'workspace.open'> {
  return {
    'workspace.info': async () => session.info(),
    'workspace.open': async ({ path }) => session.open(path),
  };
}
