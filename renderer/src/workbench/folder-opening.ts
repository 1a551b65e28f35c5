// How this window opens another folder. In the desktop app the page may open only folders the
// main process granted (electron/main/workspace-grants.ts), so a typed or browsed path would be
// refused: there the native dialog of the preload's `specdeckHost` picks the folder, and the main
// process grants and opens it. The browser host has no such bridge: a typed path or the API's
// folder browser, within what the user could open anyway.
import type { HostBridge, HostOpenOutcome } from '../../../shared/api/host-bridge';

export type FolderOpening = { kind: 'host-dialog'; host: HostBridge } | { kind: 'typed-path' };

export function folderOpening(scope: { specdeckHost?: HostBridge }): FolderOpening {
  const host = scope.specdeckHost;
  return host && typeof host.openFolder === 'function' ? { kind: 'host-dialog', host } : { kind: 'typed-path' };
}

/** What the form does after the host's dialog: close on an open, stay (quietly) on a cancel, show an error. */
export type DialogResult = { kind: 'opened' } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

export async function openWithHostDialog(host: HostBridge): Promise<DialogResult> {
  let outcome: HostOpenOutcome;
  try {
    outcome = await host.openFolder();
  } catch (error) {
    // The IPC itself failed (e.g. the main process refused the frame): say so, lose nothing.
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  if (!outcome.ok) return { kind: 'failed', message: outcome.error.message };
  return outcome.result ? { kind: 'opened' } : { kind: 'cancelled' };
}
