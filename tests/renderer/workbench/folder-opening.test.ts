// The renderer's choice of how to open a folder: the preload's native dialog when `specdeckHost`
// exists (the desktop app, where typed paths are refused unless granted), else the typed path.
// The HostBridge here is a fake: the preload boundary cannot run without Electron.
import { describe, expect, it } from 'vitest';
import type { WorkspaceInfo } from '../../../shared/api/contract';
import type { HostBridge, HostOpenOutcome } from '../../../shared/api/host-bridge';
import { folderOpening, openWithHostDialog } from '../../../renderer/src/workbench/folder-opening';

function fakeHost(answer: () => Promise<HostOpenOutcome>): HostBridge & { dialogs: number } {
  const host = {
    dialogs: 0,
    openFolder: () => {
      host.dialogs++;
      return answer();
    },
    recentFolders: async () => [],
    openRecent: async () => ({ ok: true as const, result: null }),
  };
  return host;
}

const INFO: WorkspaceInfo = { root: '/work/repo', name: 'repo' };

describe('folderOpening', () => {
  it('uses the host dialog when the preload exposed specdeckHost', () => {
    const host = fakeHost(async () => ({ ok: true, result: null }));
    expect(folderOpening({ specdeckHost: host })).toEqual({ kind: 'host-dialog', host });
  });

  it('keeps the typed path in the browser (no specdeckHost), or with a bridge lacking openFolder', () => {
    expect(folderOpening({})).toEqual({ kind: 'typed-path' });
    expect(folderOpening({ specdeckHost: {} as HostBridge })).toEqual({ kind: 'typed-path' });
  });
});

describe('openWithHostDialog', () => {
  it('shows the dialog once and reports an open', async () => {
    const host = fakeHost(async () => ({ ok: true, result: INFO }));
    await expect(openWithHostDialog(host)).resolves.toEqual({ kind: 'opened' });
    expect(host.dialogs).toBe(1);
  });

  it('reports a cancelled dialog as cancelled, not as an error', async () => {
    await expect(openWithHostDialog(fakeHost(async () => ({ ok: true, result: null })))).resolves.toEqual({ kind: 'cancelled' });
  });

  it('passes the router’s error message through, and turns a rejected IPC into a message', async () => {
    const refused = fakeHost(async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found: /gone', field: 'path' } }));
    await expect(openWithHostDialog(refused)).resolves.toEqual({ kind: 'failed', message: 'Not found: /gone' });
    const broken = fakeHost(async () => {
      throw new Error('Specdeck: IPC from an untrusted frame was refused');
    });
    await expect(openWithHostDialog(broken)).resolves.toEqual({ kind: 'failed', message: 'Specdeck: IPC from an untrusted frame was refused' });
  });
});
