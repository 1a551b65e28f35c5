// End to end, issue 9: a format added through the registry alone (one descriptor and a fixture,
// tests/support/toy-format/) shows in the UI. The CLI and the renderer are built with the
// descriptor's module loaded first; every other line is the product's.
import { cpSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { serve, type ServeProcess } from '../support/cli-process';
import { repoRoot, tempDir, type TempDir } from '../support/temp-workspace';
import { buildWithToyFormat } from '../support/toy-format/build-with-toy';
import { specGroupNames } from '../support/workbench-session';

let workspace: TempDir;
let host: ServeProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const { bin } = await buildWithToyFormat('e2e', { renderer: true });
  workspace = tempDir('specdeck-toy-');
  cpSync(path.join(repoRoot, 'tests/support/toy-format/fixture'), workspace.path, { recursive: true });
  host = await serve(workspace.path, {}, bin);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
  await page.goto(host.url);
  await page.getByRole('contentinfo').waitFor();
}, 300_000); // a Vite build of the renderer, on a loaded machine

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  workspace?.remove();
});

describe('a toy format registered at start-up', () => {
  it('is listed in the spec panel under its own label', async () => {
    const list = page.getByRole('region', { name: 'Specs' }).getByRole('list', { name: 'Spec list' });
    await list.getByRole('list', { name: 'Toy wishes .toyspec' }).waitFor({ timeout: 30_000 });
    expect(await specGroupNames(page)).toEqual(['Toy wishes .toyspec']);
    await expect(list.getByRole('list', { name: 'Toy wishes .toyspec' }).locator('button.spec').allTextContents()).resolves.toEqual([expect.stringContaining('Wishes of greeter')]);
  });

  it('shows its tasks, parsed, when selected', async () => {
    await page.getByRole('list', { name: 'Spec list' }).locator('button.spec', { hasText: 'Wishes of greeter' }).click();
    const tasks = page.getByRole('region', { name: 'Tasks' });
    await tasks.getByRole('checkbox', { name: /^1 Write the greeting/ }).waitFor({ timeout: 30_000 });
    expect(await tasks.getByRole('checkbox', { name: /^1 Write the greeting/ }).getAttribute('aria-checked')).toBe('true');
    expect(await tasks.getByRole('checkbox', { name: /^2 Write the farewell/ }).getAttribute('aria-checked')).toBe('false');
  });
});
