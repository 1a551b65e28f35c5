// The workbench's UI state in the backend: saved per workspace in its own SQLite file in the data
// folder, read back by a new session (a server restart), refused when oversized (keeping the last
// good state), and a damaged file is moved aside instead of failing the workspace.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callDirect, createRouter } from '../../../electron/core/api/router';
import { Session } from '../../../electron/core/session';
import { workspaceDbPath } from '../../../electron/core/storage/data-dir';
import { copyOfSampleProject, tempDir, type TempDir } from '../../support/temp-workspace';

let workspace: TempDir;
let other: TempDir;
let data: TempDir;
const before = process.env.SPECDECK_DATA_DIR;

beforeAll(() => {
  workspace = copyOfSampleProject();
  other = copyOfSampleProject();
  data = tempDir('specdeck-data-');
  process.env.SPECDECK_DATA_DIR = data.path;
});

afterAll(() => {
  if (before === undefined) delete process.env.SPECDECK_DATA_DIR;
  else process.env.SPECDECK_DATA_DIR = before;
  workspace.remove();
  other.remove();
  data.remove();
});

async function withRouter<T>(folder: string, run: (router: ReturnType<typeof createRouter>) => Promise<T>): Promise<T> {
  const session = await Session.open(folder);
  try {
    return await run(createRouter(session, () => {}));
  } finally {
    await session.close();
  }
}

describe('ui.getState / ui.setState', () => {
  it('is null before the first save, and survives a new session (a restart)', async () => {
    await withRouter(workspace.path, async (router) => {
      await expect(callDirect(router, 'ui.getState', {})).resolves.toEqual({ state: null });
      const saved = await callDirect(router, 'ui.setState', { state: { version: 2, tabs: [{ path: 'README.md' }], leftWidth: 340 } });
      expect(saved.bytes).toBeGreaterThan(10);
    });
    expect(existsSync(workspaceDbPath('ui', workspace.path))).toBe(true);
    await withRouter(workspace.path, async (router) => {
      await expect(callDirect(router, 'ui.getState', {})).resolves.toEqual({ state: { version: 2, tabs: [{ path: 'README.md' }], leftWidth: 340 } });
    });
  });

  it('keeps one state per workspace', async () => {
    await withRouter(other.path, async (router) => {
      await expect(callDirect(router, 'ui.getState', {})).resolves.toEqual({ state: null });
    });
  });

  it('refuses a state that is not an object or is too large, and keeps the last good one', async () => {
    await withRouter(workspace.path, async (router) => {
      await expect(router.dispatch('ui.setState', { state: [1, 2] })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'state' } });
      await expect(router.dispatch('ui.setState', { state: { big: 'x'.repeat(300 * 1024) } })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'state' } });
      await expect(callDirect(router, 'ui.getState', {})).resolves.toMatchObject({ state: { leftWidth: 340 } });
    });
  });

  it('moves a damaged database aside and starts empty', async () => {
    const file = workspaceDbPath('ui', other.path);
    writeFileSync(file, 'this is not a database, just text that is long enough to be read as a header'.repeat(20));
    await withRouter(other.path, async (router) => {
      await expect(callDirect(router, 'ui.getState', {})).resolves.toEqual({ state: null });
      await callDirect(router, 'ui.setState', { state: { ok: true } });
    });
    expect(readdirSync(path.dirname(file)).some((f) => f.includes('.unusable-'))).toBe(true);
  });
});
