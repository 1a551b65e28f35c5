// End to end: quick-open (Ctrl+P) and the Search tab (Ctrl+Shift+F) over the real index, in Chromium.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { serve, type ServeProcess } from '../support/cli-process';
import { copyOfSampleProject, type TempDir } from '../support/temp-workspace';

let workspace: TempDir;
let host: ServeProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  workspace = copyOfSampleProject();
  host = await serve(workspace.path);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
  await page.goto(host.url);
  await page.getByRole('contentinfo').getByText(/files indexed/).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  workspace?.remove();
});

describe('quick-open and search', () => {
  it('Ctrl+P finds a file by a fuzzy name and opens it', async () => {
    await page.keyboard.press('Control+p');
    await page.getByRole('combobox', { name: 'File name' }).fill('srcstore');
    const first = page.getByRole('listbox', { name: 'Matching files' }).getByRole('option').first();
    await expect.poll(() => first.textContent()).toBe('src/store.ts');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('region', { name: 'Editor' }).getByRole('tab', { selected: true }).textContent()).toBe('store.ts');
  });

  it('Ctrl+Shift+F searches the text; a result opens the file at its line', async () => {
    await page.keyboard.press('Control+Shift+F');
    await page.getByRole('textbox', { name: 'Search text' }).fill('renameSync(file');
    const results = page.getByRole('list', { name: 'Search results' });
    await expect.poll(() => results.getByRole('button').count()).toBe(1);
    await expect(results.getByRole('button').first().textContent()).resolves.toContain('renameSync(file +');
    await results.getByRole('button').first().click();
    const selected = page.getByRole('region', { name: 'Editor' }).getByRole('tab', { selected: true });
    await expect.poll(() => selected.textContent()).toBe('store.ts');
    await expect.poll(() => page.locator('.monaco-editor .current-line').count()).toBeGreaterThan(0);
  });

  it('finds text written by another program moments ago (the index follows the watcher)', async () => {
    writeFileSync(path.join(workspace.path, 'src', 'fresh.ts'), 'export const zebraQuokka = 1;\n');
    await page.getByRole('textbox', { name: 'Search text' }).fill('zebraQuokka');
    const results = page.getByRole('list', { name: 'Search results' });
    await expect.poll(async () => (await results.textContent()) ?? '', { timeout: 5000 }).toContain('src/fresh.ts');
  });

  it('treats regex metacharacters literally unless .* is on', async () => {
    await page.getByRole('textbox', { name: 'Search text' }).fill('todos.push(');
    const results = page.getByRole('list', { name: 'Search results' });
    await expect.poll(async () => (await results.textContent()) ?? '').toContain('src/cli.ts');
    await page.getByRole('button', { name: 'Use regular expression' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Specs' }).getByRole('alert').count()).toBe(1);
    await page.getByRole('button', { name: 'Use regular expression' }).click();
  });
});
