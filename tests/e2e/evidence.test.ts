// End to end: evidence in the workbench (Chromium against `specdeck serve` on a git repository).
// A ticked task with nothing behind it shows a quiet marker; Start task → edit → save → tick makes
// it go away; the Trace view has an Evidence column; the report can be saved from there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, type WorkbenchSession } from '../support/workbench-session';

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

  it('the Trace view has an Evidence column, opens the evidence report in the app and saves it as one HTML file', async () => {
    await tasks().getByRole('button', { name: 'Trace' }).click();
    // The trace is a full editor tab (issue 14).
    const trace = page.getByRole('region', { name: 'Editor' }).getByRole('region', { name: /^Trace of / });
    await trace.getByRole('columnheader', { name: 'Evidence' }).waitFor();
    const row = trace.getByRole('row', { name: /^1\.1/ });
    await expect.poll(() => row.textContent()).toMatch(/1 piece of local evidence only/);
    await trace.getByRole('button', { name: 'Open evidence report' }).click();
    const shown = page.getByRole('region', { name: 'Evidence report' });
    await shown.getByRole('table', { name: 'Evidence per task' }).waitFor();
    await expect.poll(() => shown.getByRole('row', { name: /^1 Set up/ }).textContent()).toMatch(/local only/);
    const download = page.waitForEvent('download');
    await shown.getByRole('button', { name: 'Save evidence report' }).click();
    const file = await (await download).path();
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('Evidence per task');
    await shown.getByRole('button', { name: 'Close report' }).click();
    await expect.poll(() => shown.count()).toBe(0);
    await tasks().getByRole('button', { name: 'Trace' }).click();
  });
});
