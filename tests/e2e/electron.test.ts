// Electron end to end: the packaged-style app (dist/electron/main.mjs + dist/renderer) launched by
// Playwright's Electron launcher on a temporary copy of the sample project. It needs an Electron
// binary; where the `electron` package has none (no download possible) it is skipped, says why,
// and is reported as skipped — never as passed.
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronRuntime } from '../../scripts/electron-runtime.mjs';
import { copyOfSampleProject, repoRoot, tempDir, type TempDir } from '../support/temp-workspace';

const runtime = findElectronRuntime();
if (!runtime.ok) {
  console.warn(`Electron e2e SKIPPED: no Electron binary on this machine (${runtime.reason}). Set ELECTRON_OVERRIDE_DIST_PATH to a folder holding one to run it.`);
}

describe.skipIf(!runtime.ok)('Specdeck desktop app (Electron)', () => {
  let workspace: TempDir;
  let userData: TempDir;
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    if (!runtime.ok) return;
    workspace = copyOfSampleProject();
    userData = tempDir('specdeck-electron-userdata-');
    const asRoot = process.getuid?.() === 0; // Chromium refuses to run as root with its OS sandbox
    app = await electron.launch({
      executablePath: runtime.path,
      args: [...(asRoot ? ['--no-sandbox'] : []), path.join(repoRoot, 'dist/electron/main.mjs'), workspace.path],
      cwd: repoRoot,
      env: { ...process.env, SPECDECK_USER_DATA_DIR: userData.path, SPECDECK_DATA_DIR: path.join(userData.path, 'data') },
    });
    page = await app.firstWindow();
  });

  afterAll(async () => {
    await app?.close();
    workspace?.remove();
    userData?.remove();
  });

  it('serves the renderer from app:// with no Node in the page', async () => {
    expect(page.url()).toMatch(/^app:\/\/specdeck\//);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys(window.specdeck ?? {}).sort())).toEqual(['call', 'onEvent']);
    expect(await page.evaluate(() => Object.keys(window.specdeckHost ?? {}).sort())).toEqual(['openFolder', 'openRecent', 'recentFolders']);
  });

  it('shows the three landmark regions', async () => {
    for (const name of ['Specs', 'Editor', 'Tasks']) {
      await expect.poll(() => page.getByRole('region', { name }).isVisible(), { timeout: 30_000 }).toBe(true);
    }
  });

  it('answers over IPC with the router’s own results and errors', async () => {
    const info = await page.evaluate(() => window.specdeck!.call('workspace.info', {}));
    expect(info).toMatchObject({ ok: true, result: { name: path.basename(workspace.path) } });
    // The page opens only folders the main process granted (electron/main/workspace-grants.ts).
    const ungranted = await page.evaluate((p) => window.specdeck!.call('workspace.open', { path: p }), path.join(workspace.path, 'nope'));
    expect(ungranted).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED', field: 'path' } });
    const malformed = await page.evaluate(() => window.specdeck!.call('fs.read', { path: 42 }));
    expect(malformed).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'path' } });
  });

  it('refuses to open new windows or navigate away', async () => {
    await page.evaluate(() => {
      window.open('https://example.com/');
      const a = document.createElement('a');
      a.href = 'https://example.com/';
      document.body.append(a);
      a.click();
    });
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^app:\/\/specdeck\//);
  });
});
