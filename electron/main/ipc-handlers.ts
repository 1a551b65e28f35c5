// What each IPC channel answers, without electron (ipc.ts binds these to ipcMain and feeds them
// the sender frame). Mirrors the WebSocket host: same router, same Outcome shapes, same reply to a
// malformed message; a sender that is not our app:// top-level frame gets a rejection, no Outcome.
import type { HostOpenOutcome } from '../../shared/api/host-bridge';
import type { Outcome } from '../../shared/api/wire';
import type { Router } from '../core/api/router';
import { isTrustedSender, type SenderFrameFacts } from './sender';
import { notGranted, type WorkspaceGrants } from './workspace-grants';

export interface HostActions {
  openFolder(): Promise<HostOpenOutcome>;
  recentFolders(): string[];
  openRecent(folder: string): Promise<HostOpenOutcome>;
}

export const MALFORMED_MESSAGE: Outcome = { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Malformed message', field: 'message' } };

export class UntrustedSenderError extends Error {
  constructor() {
    super('Specdeck: IPC from an untrusted frame was refused');
    this.name = 'UntrustedSenderError';
  }
}

export function createIpcHandlers(router: Router, host: HostActions, grants: WorkspaceGrants) {
  const refuseUntrusted = (frame: SenderFrameFacts | null) => {
    if (!isTrustedSender(frame)) throw new UntrustedSenderError();
  };
  return {
    async call(frame: SenderFrameFacts | null, method: unknown, params: unknown): Promise<Outcome> {
      refuseUntrusted(frame);
      if (typeof method !== 'string') return MALFORMED_MESSAGE;
      // The page opens only folders the main process granted (workspace-grants.ts); a malformed
      // path goes on to the router, which names the field.
      const folder = method === 'workspace.open' ? (params as { path?: unknown } | null)?.path : undefined;
      if (typeof folder === 'string' && folder !== '' && !grants.isGranted(folder)) return notGranted(folder);
      return router.dispatch(method, params);
    },
    async openFolder(frame: SenderFrameFacts | null): Promise<HostOpenOutcome> {
      refuseUntrusted(frame);
      return host.openFolder();
    },
    async recentFolders(frame: SenderFrameFacts | null): Promise<string[]> {
      refuseUntrusted(frame);
      return host.recentFolders();
    },
    async openRecent(frame: SenderFrameFacts | null, folder: unknown): Promise<HostOpenOutcome> {
      refuseUntrusted(frame);
      if (typeof folder !== 'string' || folder === '') {
        return { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Invalid argument path: expected a folder path', field: 'path' } };
      }
      // Only folders from the list: this channel cannot open arbitrary paths behind the API's back
      // (the page can ask for any folder through workspace.open, the API's own validated path).
      if (!host.recentFolders().includes(folder)) {
        return { ok: false, error: { code: 'NOT_FOUND', message: `Not a recent folder: ${folder}`, field: 'path' } };
      }
      return host.openRecent(folder);
    },
  };
}
