// "Open…" in browser mode: the backend remembers the folders it opened (most recent first, gone
// ones left out) and lists the folders inside a folder (names only, hidden ones left out).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callDirect, createRouter } from '../../../electron/core/api/router';
import { Session } from '../../../electron/core/session';
import { tempDir, type TempDir } from '../../support/temp-workspace';

let root: TempDir;
let data: TempDir;
const before = process.env.SPECDECK_DATA_DIR;

beforeAll(() => {
  root = tempDir('specdeck-browse-');
  data = tempDir('specdeck-data-');
  process.env.SPECDECK_DATA_DIR = data.path;
  for (const name of ['10-later', '2-early', 'gone', '.hidden']) mkdirSync(path.join(root.path, name));
});

afterAll(() => {
  if (before === undefined) delete process.env.SPECDECK_DATA_DIR;
  else process.env.SPECDECK_DATA_DIR = before;
  root.remove();
  data.remove();
});

describe('workspace.recent and workspace.browse', () => {
  it('lists the folders opened, most recent first, and drops those that no longer exist', async () => {
    const session = new Session({ watch: true, index: false });
    const router = createRouter(session, () => {});
    try {
      await session.open(path.join(root.path, '2-early'));
      await session.open(path.join(root.path, 'gone'));
      await callDirect(router, 'workspace.open', { path: path.join(root.path, '10-later') });
      await expect(callDirect(router, 'workspace.recent', {})).resolves.toEqual({
        folders: [path.join(root.path, '10-later'), path.join(root.path, 'gone'), path.join(root.path, '2-early')],
      });
      rmSync(path.join(root.path, 'gone'), { recursive: true });
      await expect(callDirect(router, 'workspace.recent', {})).resolves.toEqual({ folders: [path.join(root.path, '10-later'), path.join(root.path, '2-early')] });
    } finally {
      await session.close();
    }
    // A new backend (a restart) still knows them.
    const again = new Session({ watch: true, index: false });
    try {
      await expect(again.recentFolders()).resolves.toContain(path.join(root.path, '10-later'));
    } finally {
      await again.close();
    }
  });

  it('browses a folder: its sub-folders in natural order, hidden ones left out, its parent', async () => {
    const session = await Session.open(root.path);
    const router = createRouter(session, () => {});
    try {
      const listing = await callDirect(router, 'workspace.browse', { path: root.path });
      expect(listing.folders.map((f) => f.name)).toEqual(['2-early', '10-later']);
      expect(listing.folders[0]!.path).toBe(path.join(root.path, '2-early'));
      expect(listing.parent).toBe(path.dirname(root.path));
      expect(listing.truncated).toBe(false);
      await expect(callDirect(router, 'workspace.browse', { path: '/' })).resolves.toMatchObject({ path: '/', parent: null });
      await expect(router.dispatch('workspace.browse', { path: 'relative/dir' })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'path' } });
      await expect(router.dispatch('workspace.browse', { path: path.join(root.path, 'no-such') })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      // One-shot sessions (the CLI) keep no list.
      await expect(callDirect(router, 'workspace.recent', {})).resolves.toEqual({ folders: [] });
    } finally {
      await session.close();
    }
  });
});
