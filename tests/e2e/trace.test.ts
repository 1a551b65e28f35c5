// End to end: traceability in Chromium against `specdeck serve` on a real git repository.
// Start a task, edit and save two files, see the links in the task list and the gutter; change
// the referenced requirement → the links turn suspect; accept → clean; commit with the trailer,
// clone, open the clone → the committed links are there.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { runSpecdeck, serve } from '../support/cli-process';
import { screenshotPath } from '../support/screenshots';
import { tempDir, type TempDir } from '../support/temp-workspace';
import { openWorkbench, type WorkbenchSession } from '../support/workbench-session';

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' });

let session: WorkbenchSession;
let page: Page;

const tasks = () => page.getByRole('region', { name: 'Tasks' });
const linksOf = (taskId: string) => tasks().getByRole('button', { name: new RegExp(`^Links of ${taskId.replace('.', '\\.')}:`) });

async function editAndSave(file: string, text: string): Promise<void> {
  await page.keyboard.press('Control+p');
  await page.getByRole('combobox', { name: 'File name' }).fill(file);
  await expect.poll(() => page.getByRole('listbox', { name: 'Matching files' }).getByRole('option').first().textContent()).toBe(file);
  await page.keyboard.press('Enter');
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.locator('.monaco-editor').waitFor();
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  await page.keyboard.press('Control+s');
  await expect.poll(() => readFileSync(path.join(session.workspace.path, file), 'utf8')).toContain(text.trim());
}

beforeAll(async () => {
  session = await openWorkbench({ branch: 'main' });
  page = session.page;
  await tasks().getByRole('checkbox', { name: /^2\.1 Create data models/ }).waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe('traceability', () => {
  it('starts a task: [-] in tasks.md and the active task in the status bar', async () => {
    await tasks().getByRole('button', { name: 'Start working on 2.1' }).click();
    await expect.poll(() => page.getByTestId('active-task').textContent()).toContain('2.1 Create data models');
    expect(readFileSync(path.join(session.workspace.path, '.kiro/specs/todo-cli/tasks.md'), 'utf8')).toContain('- [-] 2.1 Create data models');
  });

  it('links the saved edits of two files to the task, in the task list and the gutter', async () => {
    await editAndSave('src/store.ts', '\nexport const STORE_VERSION = 2;\n');
    await expect.poll(() => page.locator('.monaco-editor .trace-glyph').count()).toBeGreaterThan(0);
    await editAndSave('src/cli.ts', '\nexport const CLI_NAME = "todo";\n');
    await expect.poll(async () => (await linksOf('2.1').textContent()) ?? '').toMatch(/in 2 files/);
    await linksOf('2.1').click();
    const list = tasks().getByRole('list', { name: 'Code linked to 2.1' });
    await expect.poll(async () => (await list.textContent()) ?? '').toMatch(/src\/store\.ts:\d+/);
    expect(await list.textContent()).toMatch(/src\/cli\.ts:\d+/);
    await page.screenshot({ path: screenshotPath('traceability-links.png') });
  });

  it('shows the spec\'s trace view: requirements × tasks × code, with coverage', async () => {
    await tasks().getByRole('button', { name: 'Trace' }).click();
    // A full editor tab (issue 14 item 4), not the task pane.
    const trace = page.getByRole('region', { name: 'Editor' }).getByRole('region', { name: /^Trace of / });
    const coverage = trace.getByRole('list', { name: 'Coverage' });
    await expect.poll(async () => (await coverage.textContent()) ?? '').toMatch(/[1-9]\d* linked/);
    const row = trace.getByRole('row', { name: /^1\.1/ });
    expect(await row.textContent()).toMatch(/2\.1.*src\/(store|cli)\.ts:\d+/);
    await page.screenshot({ path: screenshotPath('traceability-view.png') });
  });

  it('turns the links suspect when a referenced requirement changes, and clean again once accepted', async () => {
    const requirements = path.join(session.workspace.path, '.kiro/specs/todo-cli/requirements.md');
    writeFileSync(requirements, readFileSync(requirements, 'utf8').replace('append an item with that text and a new ID', 'append an item with that text, a new ID and a timestamp'));
    await expect.poll(async () => (await linksOf('2.1').textContent()) ?? '', { timeout: 5000 }).toContain('suspect');
    if ((await linksOf('2.1').getAttribute('aria-expanded')) !== 'true') await linksOf('2.1').click();
    await tasks().getByRole('button', { name: /^Accept / }).click();
    // Clean again: the summary ends with the file count, no ", N suspect" after it.
    await expect.poll(async () => (await linksOf('2.1').textContent()) ?? '').toMatch(/\d+ links? in \d+ files?$/);
  });

  it('carries the links through git: commit with the trailer, clone, open the clone', async () => {
    // The link store lives in the data folder `serve` was given (cli-process.serve's default).
    const { code, stdout } = runSpecdeck(['trailer', session.workspace.path], { SPECDECK_DATA_DIR: `${session.workspace.path}.specdeck-data` });
    expect(code).toBe(0);
    const trailer = stdout.trim();
    expect(trailer).toBe('Spec-Task: .kiro/specs/todo-cli/2.1');
    git(session.workspace.path, 'add', '-A');
    git(session.workspace.path, 'commit', '-q', '-m', `Store version and CLI name\n\n${trailer}`);

    const clone: TempDir = tempDir('specdeck-clone-');
    git(clone.path, 'clone', '-q', session.workspace.path, 'repo');
    const cloneRoot = path.join(clone.path, 'repo');
    const host = await serve(cloneRoot, { SPECDECK_DATA_DIR: path.join(clone.path, 'data') });
    const browser = await launchChromium();
    try {
      const clonePage = await browser.newPage({ viewport: { width: 1400, height: 820 } });
      await clonePage.goto(host.url);
      const cloneTasks = clonePage.getByRole('region', { name: 'Tasks' });
      const links = cloneTasks.getByRole('button', { name: /^Links of 2\.1:/ });
      await expect.poll(async () => (await links.count()) > 0 && ((await links.textContent()) ?? ''), { timeout: 10_000 }).toMatch(/in 2 files/);
      await links.click();
      const list = cloneTasks.getByRole('list', { name: 'Code linked to 2.1' });
      expect(await list.textContent()).toMatch(/src\/store\.ts:\d+.*\(commit\)/);
    } finally {
      await browser.close();
      await host.stop();
      clone.remove();
    }
  });
});
