// End to end: quick-open (Ctrl+P) and the Search tab (Ctrl+Shift+F) over the real index, in Chromium.
import { writeFileSync } from 'node:fs';
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

const editorSelection = () =>
  page.evaluate(() => (window as unknown as { __specdeckEditorSelection?: () => string }).__specdeckEditorSelection?.() ?? '');

/** Writes src/<name> as one line, searches for `needle` and waits for its highlighted result row. */
async function searchOneLineFile(name: string, line: string, needle: string) {
  writeFileSync(path.join(workspace.path, 'src', name), `${line}\n`);
  await page.getByRole('textbox', { name: 'Search text' }).fill(needle);
  const matches = page.getByRole('list', { name: `Matches in src/${name}` });
  const mark = matches.locator('mark');
  await expect.poll(async () => (await mark.allTextContents()).join(), { timeout: 20_000 }).toBe(needle);
  return { mark, row: matches.getByRole('button').first() };
}

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
    const lines = results.getByRole('list', { name: /^Matches in / }).getByRole('button');
    await expect.poll(() => lines.count()).toBe(1);
    await expect(lines.first().textContent()).resolves.toContain('renameSync(file +');
    await lines.first().click();
    const selected = page.getByRole('region', { name: 'Editor' }).getByRole('tab', { selected: true });
    await expect.poll(() => selected.textContent()).toBe('store.ts');
    await expect.poll(() => page.locator('.monaco-editor .current-line').count()).toBeGreaterThan(0);
  });

  it('lists results like VS Code: file name first, folder dimmed, match highlighted, groups collapsible; a hit selects the match', async () => {
    await page.getByRole('textbox', { name: 'Search text' }).fill('renameSync(file');
    const results = page.getByRole('list', { name: 'Search results' });
    const file = results.getByRole('button', { name: /store\.ts/ });
    await expect.poll(() => file.count()).toBe(1);
    await expect(file.locator('.result-name').textContent()).resolves.toBe('store.ts');
    await expect(file.locator('.result-folder').textContent()).resolves.toBe('src');
    // The folder is drawn in the muted colour, not the file name's.
    const [nameColor, folderColor] = await Promise.all([
      file.locator('.result-name').evaluate((e) => getComputedStyle(e).color),
      file.locator('.result-folder').evaluate((e) => getComputedStyle(e).color),
    ]);
    expect(folderColor).not.toBe(nameColor);
    const matches = results.getByRole('list', { name: 'Matches in src/store.ts' });
    await expect(matches.locator('mark').allTextContents()).resolves.toEqual(['renameSync(file']);
    await file.click();
    await expect(file.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect.poll(() => matches.count()).toBe(0);
    await file.click();
    await expect.poll(() => matches.count()).toBe(1);
    await matches.getByRole('button').first().click();
    await expect.poll(() => editorSelection()).toBe('renameSync(file');
    await page.screenshot({ path: screenshotPath('search-results.png') });
  });

  it('highlights the match inside a long line trimmed around it', async () => {
    writeFileSync(path.join(workspace.path, 'src', 'long.ts'), `export const s = '${'x'.repeat(400)} needleInALongLine ${'y'.repeat(400)}';\n`);
    await page.getByRole('textbox', { name: 'Search text' }).fill('needleInALongLine');
    const matches = page.getByRole('list', { name: 'Matches in src/long.ts' });
    await expect.poll(async () => (await matches.locator('mark').allTextContents()).join()).toBe('needleInALongLine');
    await matches.getByRole('button').first().click();
    await expect.poll(() => editorSelection()).toBe('needleInALongLine');
  });

  it('shows a far-right match inside the visible result row, trimmed around it with an ellipsis', async () => {
    // Shorter than the index's 250-character preview limit, so the whole line comes back; the row is ~40 characters wide.
    const line = `export const far = '${'a'.repeat(180)} farRightNeedle ${'b'.repeat(20)}';`;
    const { row } = await searchOneLineFile('far.ts', line, 'farRightNeedle');
    await expect(row.textContent()).resolves.toMatch(/^\d+ …a+ farRightNeedle b+';$/);
    // Visible: the highlighted match lies within the row's content box (its text edge, inside the
    // padding where an ellipsis would be drawn), not merely within its outer border box.
    const edges = await row.evaluate((r) => {
      const m = r.querySelector('mark')!.getBoundingClientRect();
      const box = r.getBoundingClientRect();
      const style = getComputedStyle(r);
      return { markLeft: m.left, markRight: m.right, contentLeft: box.left + parseFloat(style.paddingLeft), contentRight: box.right - parseFloat(style.paddingRight) };
    });
    expect(edges.markLeft).toBeGreaterThanOrEqual(edges.contentLeft);
    expect(edges.markRight).toBeLessThanOrEqual(edges.contentRight);
  });

  it('shows a long far-right match whole at a 300 px sidebar: the context before it gives way', async () => {
    const line = `export const far = '${'a'.repeat(180)} armouredFarRightNeedle = true';`;
    const { row } = await searchOneLineFile('far-long.ts', line, 'armouredFarRightNeedle');
    // Not cut: text after the match is there, so the row's ellipsis takes about a character
    // before its content edge (inside the padding); the whole mark must end before that.
    const room = await row.evaluate((r) => {
      const mark = r.querySelector('mark')!.getBoundingClientRect();
      const contentRight = r.getBoundingClientRect().right - parseFloat(getComputedStyle(r).paddingRight);
      return contentRight - mark.right - mark.width / 'armouredFarRightNeedle'.length;
    });
    expect(room).toBeGreaterThanOrEqual(0);
  });

  it('finds text written by another program moments ago (the index follows the watcher)', async () => {
    writeFileSync(path.join(workspace.path, 'src', 'fresh.ts'), 'export const zebraQuokka = 1;\n');
    await page.getByRole('textbox', { name: 'Search text' }).fill('zebraQuokka');
    const results = page.getByRole('list', { name: 'Search results' });
    await expect.poll(() => results.getByRole('list', { name: 'Matches in src/fresh.ts' }).count(), { timeout: 20_000 }).toBe(1);
  });

  it('treats regex metacharacters literally unless .* is on', async () => {
    await page.getByRole('textbox', { name: 'Search text' }).fill('todos.push(');
    const results = page.getByRole('list', { name: 'Search results' });
    await expect.poll(() => results.getByRole('list', { name: 'Matches in src/cli.ts' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Use regular expression' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Specs' }).getByRole('alert').count()).toBe(1);
    await page.getByRole('button', { name: 'Use regular expression' }).click();
  });
});
