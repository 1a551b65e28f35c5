// End to end: evidence in the workbench (Chromium against `specdeck serve` on a git repository).
// A ticked task with nothing behind it shows a quiet marker; Start task → edit → save → tick makes
// it go away; the Trace view has an Evidence column; the report can be saved from there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, savedUiState, type WorkbenchSession } from '../support/workbench-session';

let session: WorkbenchSession;
let page: Page;
const tasks = () => page.getByRole('region', { name: 'Tasks' });
const evidenceOfRow = (name: RegExp) => tasks().locator('.task').filter({ has: page.getByRole('checkbox', { name }) }).getByTestId('task-evidence');

beforeAll(async () => {
  session = await openWorkbench({ branch: 'main' });
  page = session.page;
  await tasks().getByRole('checkbox', { name: /^1 Set up the project structure/ }).waitFor();
});
afterAll(async () => {
  await session?.close();
});

describe('evidence in the workbench', () => {
  it('marks a ticked task that nothing backs, quietly (no dialog)', async () => {
    await expect.poll(() => evidenceOfRow(/^1 Set up/).textContent(), { timeout: 20_000 }).toContain('Done without evidence');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('Start task → edit → save → tick makes the marker go away', async () => {
    const box = tasks().getByRole('checkbox', { name: /^1 Set up the project structure/ });
    await box.click(); // untick
    await expect.poll(() => box.getAttribute('aria-checked')).toBe('false');
    await tasks().getByRole('button', { name: 'Start working on 1' }).click();
    await expect.poll(() => page.getByTestId('active-task').textContent()).toContain('1 Set up');
    await page.keyboard.press('Control+p');
    await page.getByRole('combobox', { name: 'File name' }).fill('src/store.ts');
    await expect.poll(() => page.getByRole('listbox', { name: 'Matching files' }).getByRole('option').first().textContent()).toBe('src/store.ts');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('region', { name: 'Editor' });
    await editor.locator('.monaco-editor').waitFor();
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nexport const EVIDENCE = 1;\n');
    await page.keyboard.press('Control+s');
    await expect.poll(() => readFileSync(path.join(session.workspace.path, 'src/store.ts'), 'utf8')).toContain('EVIDENCE = 1');
    await box.click(); // tick
    await expect.poll(() => box.getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => evidenceOfRow(/^1 Set up/).textContent(), { timeout: 20_000 }).toMatch(/1 piece of local evidence only/);
  });

  it('the Trace view has an Evidence column, opens the evidence report as an editor tab of its own and saves it as one HTML file', async () => {
    await tasks().getByRole('button', { name: 'Trace' }).click();
    // The trace is a full editor tab (issue 14).
    const editor = page.getByRole('region', { name: 'Editor' });
    const trace = editor.getByRole('region', { name: /^Trace of / });
    await trace.getByRole('columnheader', { name: 'Evidence' }).waitFor();
    const row = trace.getByRole('row', { name: /^1\.1/ });
    await expect.poll(() => row.textContent()).toMatch(/1 piece of local evidence only/);
    await trace.getByRole('button', { name: 'Open evidence report' }).click();
    // Its own tab, active, beside the Trace tab; not a panel inside the trace.
    const tabs = editor.getByRole('tablist', { name: 'Open files' }).getByRole('tab');
    await expect.poll(() => editor.getByRole('tab', { selected: true }).textContent()).toBe('Evidence report');
    await expect(tabs.allTextContents()).resolves.toEqual(expect.arrayContaining(['Trace', 'Evidence report']));
    await expect.poll(() => trace.count()).toBe(0);
    const shown = editor.getByRole('region', { name: 'Evidence report' });
    await shown.getByRole('table', { name: 'Evidence per task' }).waitFor();
    await expect.poll(() => shown.getByRole('row', { name: /^1 Set up/ }).textContent()).toMatch(/local only/);
    // It fills the editor area (not a 60vh box).
    const [reportBox, editorBox] = await Promise.all([shown.boundingBox(), editor.locator('.editor-body').boundingBox()]);
    expect(reportBox!.height).toBeGreaterThan(editorBox!.height - 4);
    const download = page.waitForEvent('download');
    await shown.getByRole('button', { name: 'Save evidence report' }).click();
    const file = await (await download).path();
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('Evidence per task');
    // Back to the trace and to the report by their tabs.
    await editor.getByRole('tab', { name: 'Trace' }).click();
    await expect.poll(() => trace.count()).toBe(1);
    await expect(shown.count()).resolves.toBe(0);
    await editor.getByRole('tab', { name: 'Evidence report' }).click();
    await shown.getByRole('table', { name: 'Evidence per task' }).waitFor();
  });

  it('the report tab is restored after a reload, then closes like any tab', async () => {
    const editor = () => page.getByRole('region', { name: 'Editor' });
    // Saved a moment after it changes: wait until the backend has the report tab as the active one.
    await expect.poll(() => savedUiState(session.workspace.path)?.active, { timeout: 10_000 }).toBe('specdeck:report');
    await page.reload();
    await page.getByRole('contentinfo').waitFor();
    await expect.poll(() => editor().getByRole('tab', { selected: true }).textContent(), { timeout: 20_000 }).toBe('Evidence report');
    const shown = editor().getByRole('region', { name: 'Evidence report' });
    await shown.getByRole('table', { name: 'Evidence per task' }).waitFor({ timeout: 20_000 });
    await editor().getByRole('tab', { name: 'Evidence report' }).click();
    await page.keyboard.press('Control+w');
    await expect.poll(() => editor().getByRole('tab', { name: 'Evidence report' }).count()).toBe(0);
    await expect.poll(() => shown.count()).toBe(0);
  });
});
