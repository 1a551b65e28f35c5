// End to end: the real renderer in Chromium, against `specdeck serve` on a temporary copy of the
// sample project. Asserts on the bytes on disk, not on what the page claims.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { serve, type ServeProcess } from '../support/cli-process';
import { screenshotPath } from '../support/screenshots';
import { copyOfSampleProject, type TempDir } from '../support/temp-workspace';

let workspace: TempDir;
let host: ServeProcess;
let browser: Browser;
let page: Page;
const foreignRequests: string[] = [];

async function modelValue(): Promise<string> {
  // Monaco's own model text: auto-closing brackets make the DOM an unreliable witness.
  return page.evaluate(() => (window as unknown as { __specdeckEditorValue?: () => string }).__specdeckEditorValue?.() ?? '');
}

beforeAll(async () => {
  workspace = copyOfSampleProject();
  writeFileSync(path.join(workspace.path, 'logo.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
  host = await serve(workspace.path);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
  const origin = new URL(host.url).origin;
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith(origin.replace('http:', 'ws:')) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreignRequests.push(url);
    }
  });
  await page.goto(host.url);
  await page.getByRole('region', { name: 'Tasks' }).getByRole('checkbox').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  workspace?.remove();
});

describe('the workbench in Chromium', () => {
  it('shows the three panes as landmark regions, the sample specs and a status bar', async () => {
    for (const name of ['Specs', 'Editor', 'Tasks']) await expect(page.getByRole('region', { name }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('list', { name: 'Spec list' }).locator('button.spec').first().textContent()).resolves.toContain('todo-cli');
    await expect(page.getByRole('contentinfo').textContent()).resolves.toContain(path.basename(workspace.path));
  });

  it('names each task checkbox by its ID and title as written in tasks.md', async () => {
    const tasks = page.getByRole('region', { name: 'Tasks' });
    await expect(tasks.getByRole('checkbox', { name: /^2\.1 Create data models/ }).getAttribute('aria-checked')).resolves.toBe('false');
    await expect(tasks.getByRole('checkbox', { name: /^1\. Set up the project structure|^1 Set up the project structure/ }).getAttribute('aria-checked')).resolves.toBe('true');
    await expect(tasks.getByRole('checkbox', { name: /^2\.2 Write the list atomically/ }).getAttribute('aria-checked')).resolves.toBe('mixed');
  });

  it('ticks a task: tasks.md on disk differs by exactly one byte, in that task line', async () => {
    const file = path.join(workspace.path, '.kiro/specs/todo-cli/tasks.md');
    const before = readFileSync(file);
    const box = page.getByRole('region', { name: 'Tasks' }).getByRole('checkbox', { name: /^2\.1 Create data models/ });
    await box.click();
    await expect.poll(() => box.getAttribute('aria-checked')).toBe('true');
    const after = readFileSync(file);
    expect(after.length).toBe(before.length);
    const differing = [...before.keys()].filter((i) => before[i] !== after[i]);
    expect(differing).toHaveLength(1);
    const lineOfChange = before.subarray(0, differing[0]).toString().split('\n').length;
    expect(before.toString().split('\n')[lineOfChange - 1]).toBe('- [ ] 2.1 Create data models');
    expect(after.toString().split('\n')[lineOfChange - 1]).toBe('- [x] 2.1 Create data models');
  });

  it('opens a file from the Files tab, shows the dirty marker on edit, and saves with Ctrl+S', async () => {
    await page.getByRole('tab', { name: 'Files' }).click();
    await page.getByRole('tree', { name: 'Files' }).getByRole('button', { name: 'src' }).click();
    await page.getByRole('tree', { name: 'Files' }).getByRole('button', { name: 'cli.ts' }).click();
    const editor = page.getByRole('region', { name: 'Editor' });
    await editor.locator('.monaco-editor').waitFor();
    await expect(editor.getByTestId('dirty-marker').count()).resolves.toBe(0);
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('// edited in Specdeck\n');
    await editor.getByTestId('dirty-marker').waitFor();
    const expected = await modelValue();
    expect(expected.startsWith('// edited in Specdeck\n')).toBe(true);
    await page.keyboard.press('Control+s');
    await editor.getByTestId('dirty-marker').waitFor({ state: 'detached' });
    expect(readFileSync(path.join(workspace.path, 'src/cli.ts'), 'utf8')).toBe(expected);
  });

  it('shows a binary file as such instead of loading it into the editor', async () => {
    await page.getByRole('tree', { name: 'Files' }).getByRole('button', { name: 'logo.bin' }).click();
    await expect(page.getByRole('region', { name: 'Editor' }).getByRole('status').textContent()).resolves.toContain('binary file');
  });

  it('shows a clear error when asked to open a folder that does not exist', async () => {
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByLabel('Folder path').fill('/no/such/folder/anywhere');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Specs' }).getByRole('alert').textContent()).resolves.toContain('No such folder: /no/such/folder/anywhere');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('reflects an outside edit of tasks.md (another editor, git) without a reload', async () => {
    const file = path.join(workspace.path, '.kiro/specs/todo-cli/tasks.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('- [ ] 3.2 Done command', '- [x] 3.2 Done command'));
    const box = page.getByRole('region', { name: 'Tasks' }).getByRole('checkbox', { name: /^3\.2 Done command/ });
    await expect.poll(() => box.getAttribute('aria-checked'), { timeout: 5000 }).toBe('true');
  });

  it('follows the OS colour scheme, Monaco included', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(() => page.locator('.monaco-editor.vs-dark').count()).toBe(1);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await expect.poll(() => page.locator('.monaco-editor.vs').count()).toBe(1);
  });

  it('made no request to any other origin (Monaco is bundled)', async () => {
    expect(foreignRequests).toEqual([]);
  });

  it('takes the README screenshot of the real UI', async () => {
    await page.getByRole('tab', { name: 'Specs' }).click();
    await page.screenshot({ path: screenshotPath('workbench.png') });
  });
});
