// What the Electron preload exposes to the renderer besides the API transport. The renderer reads
// `window.specdeck` (the Transport of ./client) and, only in the desktop app, `window.specdeckHost`
// for host actions that have no browser equivalent. In the browser host both are undefined.
import type { Transport } from './client';
import type { WorkspaceInfo } from './contract';
import type { ApiErrorData } from './errors';

/**
 * The outcome of opening a folder from the host. `result` is null when the user cancelled the
 * dialog. Errors are the router's own (`NOT_FOUND`, `INVALID_ARGUMENT`, …): show `error.message`.
 */
export type HostOpenOutcome = { ok: true; result: WorkspaceInfo | null } | { ok: false; error: ApiErrorData };

export interface HostBridge {
  /** Shows the native folder picker and opens the chosen folder in this window. */
  openFolder(): Promise<HostOpenOutcome>;
  /** Recently opened folders, most recent first (absolute paths). */
  recentFolders(): Promise<string[]>;
  /** Opens a folder from the recent list; a folder that no longer exists is dropped from the list. */
  openRecent(path: string): Promise<HostOpenOutcome>;
}

declare global {
  interface Window {
    /** The Electron IPC transport; undefined in the browser host. */
    specdeck?: Transport;
    /** Desktop-only host actions; undefined in the browser host. */
    specdeckHost?: HostBridge;
  }
}
