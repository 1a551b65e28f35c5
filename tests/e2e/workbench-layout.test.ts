// End to end, issue 5 items 4–7: the Files tab (lazy folders, icons, reveal), search and quick
// open in the same layout, the status bar (workspace, git branch, index, diagnostics), the command
// palette, and the UI state restored per workspace after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { cursorLine, diagnosticsPerSpec, openWorkbench, problemsLabel, restartServe, savedUiState, type WorkbenchSession } from '../support/workbench-session';

let s: WorkbenchSession;

beforeAll(async () => {
  s = await openWorkbench({ branch: 'feature/workbench' });
  await s.page.getByRole('list', { name: 'Spec list' }).getByRole('button').first().waitFor();
});

afterAll(async () => {
  await s?.close();
});

const left = () => s.page.getByRole('region', { name: 'Specs' });
const tree = () => s.page.getByRole('tree', { name: 'Files' });
const status = () => s.page.getByRole('contentinfo');
const tabNames = () => s.page.getByRole('region', { name: 'Editor' }).getByRole('tablist', { name: 'Open files' }).getByRole('tab').allTextContents();

describe('files, search and quick open', () => {
  it('lists folders lazily and marks files by type', async () => {
    await left().getByRole('tab', { name: 'Files' }).click();
    await expect.poll(() => tree().getByRole('button', { name: /README\.md$/ }).count()).toBe(1);
    await expect(tree().getByRole('button', { name: /store\.ts$/ }).count()).resolves.toBe(0); // src/ not listed yet
    await tree().getByRole('button', { name: /src$/ }).click();
    await expect.poll(() => tree().getByRole('button', { name: /store\.ts$/ }).count()).toBe(1);
    await expect(tree().getByRole('button', { name: /store\.ts$/ }).locator('.file-icon').textContent()).resolves.toBe('TS');
    await expect(tree().getByRole('button', { name: /README\.md$/ }).locator('.file-icon').textContent()).resolves.toBe('MD');
    await tree().getByRole('button', { name: /src$/ }).click(); // collapse again
    await expect.poll(() => tree().getByRole('button', { name: /store\.ts$/ }).count()).toBe(0);
  });

  it('opens a file with quick open, and reveals the active file in the tree', async () => {
    await s.page.keyboard.press('Control+p');
    await s.page.getByRole('combobox', { name: 'File name' }).fill('store');
    await expect.poll(() => s.page.getByRole('listbox', { name: 'Matching files' }).getByRole('option').first().textContent()).toBe('src/store.ts');
    await s.page.keyboard.press('Enter');
    await expect.poll(tabNames).toEqual(['store.ts']);
    await left().getByRole('button', { name: 'Reveal active file' }).click();
    const item = tree().getByRole('treeitem', { name: /store\.ts/ }).last();
    await expect.poll(() => item.getAttribute('aria-selected')).toBe('true');
    await expect(item.isVisible()).resolves.toBe(true);
  });

  it('shows the search panel in the same pane (Ctrl+Shift+F)', async () => {
    await s.page.keyboard.press('Control+Shift+F');
    await expect.poll(() => left().getByRole('textbox', { name: 'Search text' }).count()).toBe(1);
    await left().getByRole('textbox', { name: 'Search text' }).fill('renameSync(file');
    await expect.poll(() => left().getByRole('list', { name: 'Search results' }).getByRole('list', { name: /^Matches in / }).getByRole('button').count()).toBe(1);
  });
});

describe('the status bar', () => {
  it('shows the workspace, the git branch, the index and the diagnostics count', async () => {
    await expect.poll(() => status().textContent()).toContain(path.basename(s.workspace.path));
    await expect.poll(() => status().getByTestId('git-branch').textContent()).toContain('feature/workbench');
    await expect.poll(() => status().textContent()).toMatch(/\d+ files indexed/);
    const total = [...diagnosticsPerSpec(s.workspace.path).values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0); // the sample's Spec Kit spec cites none of its requirements
    await expect.poll(() => status().getByTestId('diagnostics-count').textContent()).toBe(problemsLabel(total));
  });
});

describe('the command palette', () => {
  it('lists every command with its shortcut (Ctrl+Shift+P) and runs the chosen one', async () => {
    await s.page.locator('body').press('Control+Shift+P');
    const dialog = s.page.getByRole('dialog', { name: 'Command palette' });
    const options = dialog.getByRole('listbox', { name: 'Commands' }).getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThan(20);
    await expect(options.filter({ hasText: 'Go to File…' }).textContent()).resolves.toContain('Ctrl+P');
    await expect(options.filter({ hasText: 'View: Reopen Closed Editor' }).textContent()).resolves.toContain('Ctrl+Shift+T');
    await dialog.getByRole('combobox', { name: 'Command' }).fill('show files');
    await expect.poll(() => options.allTextContents()).toEqual([expect.stringContaining('View: Show Files')]);
    await s.page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => left().getByRole('tab', { name: 'Files' }).getAttribute('aria-selected')).toBe('true');
  });

  it('opens with F1 too, also while the editor has the focus', async () => {
    await s.page.getByRole('region', { name: 'Editor' }).locator('.view-lines').click();
    await s.page.keyboard.press('F1');
    await expect.poll(() => s.page.getByRole('dialog', { name: 'Command palette' }).count()).toBe(1);
    await s.page.keyboard.press('Escape');
    await expect.poll(() => s.page.getByRole('dialog', { name: 'Command palette' }).count()).toBe(0);
  });
});

describe('state per workspace, from the backend (issue 14 item 8)', () => {
  const editorTabs = () => s.page.getByRole('region', { name: 'Editor' }).getByRole('tab', { selected: true });

  async function arrange() {
    await s.page.keyboard.press('Control+p');
    await s.page.getByRole('combobox', { name: 'File name' }).fill('readme');
    await expect.poll(() => s.page.getByRole('listbox', { name: 'Matching files' }).getByRole('option').first().textContent()).toBe('README.md');
    await s.page.keyboard.press('Enter');
    await expect.poll(tabNames).toEqual(['store.ts', 'README.md']);
    // The cursor on line 5 of README.md.
    await s.page.keyboard.press('Control+g');
    await s.page.keyboard.type('5');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => cursorLine(s.page)).toBe(5);
    const splitter = s.page.getByRole('separator', { name: 'Resize the Specs pane' });
    const width = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    for (let i = 0; i < 4; i++) await s.page.keyboard.press('ArrowRight');
    await expect.poll(() => splitter.getAttribute('aria-valuenow')).toBe(String(width + 40));
    await left().getByRole('tab', { name: 'Specs' }).click();
    await left().getByRole('list', { name: 'Spec list' }).locator('button.spec', { hasText: 'Note search' }).click();
    await left().getByRole('navigation', { name: 'Spec outline' }).getByRole('button', { name: 'Plan', exact: true }).click();
    await expect.poll(tabNames).toEqual(['store.ts', 'README.md', 'plan.md']);
    await left().getByRole('button', { name: 'Hide done' }).click();
    await s.page.getByRole('region', { name: 'Tasks' }).getByRole('radio', { name: /^Open/ }).click();
    await s.page.locator('body').press('Control+Shift+M');
    await s.page.getByRole('region', { name: 'Problems' }).getByRole('searchbox', { name: 'Filter problems' }).fill('FR-');
    return width + 40;
  }

  async function expectRestored(width: number) {
    await expect.poll(tabNames, { timeout: 10_000 }).toEqual(['store.ts', 'README.md', 'plan.md']);
    await expect(editorTabs().textContent()).resolves.toBe('plan.md');
    // plan.md opened from the outline shows rendered, as it did.
    await expect.poll(() => s.page.getByRole('region', { name: 'Editor' }).getByRole('article', { name: 'Plan', exact: true }).count()).toBe(1);
    await expect(s.page.getByRole('separator', { name: 'Resize the Specs pane' }).getAttribute('aria-valuenow')).resolves.toBe(String(width));
    await expect.poll(() => left().locator('button.spec', { hasText: 'Note search' }).getAttribute('aria-current')).toBe('true');
    await expect.poll(() => left().getByRole('button', { name: 'Plan', exact: true }).getAttribute('aria-current')).toBe('true');
    await expect(left().getByRole('button', { name: 'Hide done' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(s.page.getByRole('region', { name: 'Tasks' }).getByRole('radio', { name: /^Open/ }).getAttribute('aria-checked')).resolves.toBe('true');
    await expect(s.page.getByRole('region', { name: 'Problems' }).getByRole('searchbox', { name: 'Filter problems' }).inputValue()).resolves.toBe('FR-');
    // README.md's cursor comes back where it was.
    await s.page.getByRole('region', { name: 'Editor' }).getByRole('tab', { name: 'README.md' }).click();
    await expect.poll(() => cursorLine(s.page)).toBe(5);
    // Nothing of it is in the browser's storage (its origin changes with every serve port).
    await expect(s.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('specdeck')))).resolves.toEqual([]);
  }

  it('restores tabs, views, cursor, selection, filters, pane sizes and panels after a reload', async () => {
    const width = await arrange();
    // The state is saved a moment after it changes: wait until the backend has this one.
    await expect.poll(() => savedUiState(s.workspace.path), { timeout: 10_000 }).toMatchObject({ active: 'specs/001-note-search/plan.md', hideDone: true, problemsOpen: true, leftWidth: width });
    await s.page.reload();
    await expectRestored(width);
  });

  it('… and after the server restarts on a new port (a new browser origin)', async () => {
    const width = Number(await s.page.getByRole('separator', { name: 'Resize the Specs pane' }).getAttribute('aria-valuenow'));
    await s.page.getByRole('region', { name: 'Editor' }).getByRole('tab', { name: 'plan.md' }).click();
    await expect.poll(() => savedUiState(s.workspace.path)?.active, { timeout: 10_000 }).toBe('specs/001-note-search/plan.md');
    const oldUrl = await restartServe(s);
    expect(new URL(s.host.url).port).not.toBe(new URL(oldUrl).port);
    await expectRestored(width);
  });

  it('raised no page error', () => {
    expect(s.errors).toEqual([]);
  });
});
