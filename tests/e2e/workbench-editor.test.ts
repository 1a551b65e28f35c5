// End to end, issue 5 item 3: the editor — preview tabs, close / close others / reopen closed,
// go to line, find and replace, language detection, the markdown preview, save conflicts
// (compare / overwrite / reload, never a silent overwrite or loss), and asking before closing.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cursorLine, editorLanguage, editorValue, openWorkbench, type WorkbenchSession } from '../support/workbench-session';

let s: WorkbenchSession;

beforeAll(async () => {
  s = await openWorkbench({
    prepare(root) {
      writeFileSync(path.join(root, 'settings.json'), '{ "theme": "dark" }\n');
      writeFileSync(path.join(root, 'tool.py'), 'def main():\n    return 1\n');
    },
  });
  await s.page.getByRole('tab', { name: 'Files' }).click();
  await tree().getByRole('button', { name: 'README.md' }).waitFor();
});

afterAll(async () => {
  await s?.close();
});

const tree = () => s.page.getByRole('tree', { name: 'Files' });
const editor = () => s.page.getByRole('region', { name: 'Editor' });
const tabNames = () => editor().getByRole('tablist', { name: 'Open files' }).getByRole('tab').allTextContents();
const activeTab = () => editor().getByRole('tab', { selected: true }).textContent();
const hasStoreTab = async () => (await tabNames()).some((name) => name.startsWith('store.ts'));
const disk = (file: string) => readFileSync(path.join(s.workspace.path, file), 'utf8');

async function typeAtStart(text: string) {
  await editor().locator('.view-lines').click();
  await s.page.keyboard.press('Control+Home');
  await s.page.keyboard.type(text);
}

describe('the editor', () => {
  it('opens a preview tab on single click, replaced by the next; a double click keeps it', async () => {
    await tree().getByRole('button', { name: 'README.md' }).click();
    await expect.poll(tabNames).toEqual(['README.md']);
    await expect(editor().locator('.tab.preview').count()).resolves.toBe(1);
    await tree().getByRole('button', { name: 'settings.json' }).click();
    await expect.poll(tabNames).toEqual(['settings.json']);
    await tree().getByRole('button', { name: 'settings.json' }).dblclick();
    await expect.poll(() => editor().locator('.tab.preview').count()).toBe(0);
    await tree().getByRole('button', { name: 'tool.py' }).dblclick();
    await expect.poll(tabNames).toEqual(['settings.json', 'tool.py']);
  });

  it('detects the language of common files', async () => {
    await expect.poll(() => editorLanguage(s.page)).toBe('python');
    await editor().getByRole('tab', { name: 'settings.json' }).click();
    await expect.poll(() => editorLanguage(s.page)).toBe('json');
    await tree().getByRole('button', { name: 'README.md' }).dblclick();
    await expect.poll(() => editorLanguage(s.page)).toBe('markdown');
  });

  it('closes other tabs from the tab menu, and reopens the closed one with Ctrl+Shift+T', async () => {
    await expect.poll(tabNames).toEqual(['settings.json', 'tool.py', 'README.md']);
    await editor().getByRole('tab', { name: 'tool.py' }).click({ button: 'right' });
    await s.page.getByRole('menu', { name: 'Tab actions' }).getByRole('menuitem', { name: 'Close Others' }).click();
    await expect.poll(tabNames).toEqual(['tool.py']);
    await editor().getByRole('tab', { name: 'tool.py' }).focus();
    await s.page.keyboard.press('Control+Shift+T');
    await expect.poll(tabNames).toEqual(['tool.py', 'README.md']);
    await editor().getByRole('tab', { name: 'README.md' }).click();
    await s.page.keyboard.press('Control+w');
    await expect.poll(tabNames).toEqual(['tool.py']);
  });

  it('goes to a line with Ctrl+G and finds and replaces with Ctrl+H (Monaco’s own widgets)', async () => {
    await tree().getByRole('button', { name: 'src' }).click();
    await tree().getByRole('button', { name: 'store.ts' }).dblclick();
    await expect.poll(activeTab).toBe('store.ts');
    await editor().locator('.view-lines').click();
    await s.page.keyboard.press('Control+g');
    await s.page.keyboard.type('5');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => cursorLine(s.page)).toBe(5);

    const original = await editorValue(s.page);
    expect(original).toContain('renameSync');
    await s.page.keyboard.press('Control+h');
    await editor().getByRole('textbox', { name: 'Find' }).fill('renameSync');
    await editor().getByRole('textbox', { name: 'Replace' }).fill('renameFileSync');
    await editor().getByRole('button', { name: /^Replace All/ }).click();
    await expect.poll(() => editorValue(s.page)).toBe(original.replaceAll('renameSync', 'renameFileSync'));
    // Undo it all: the file stays as on disk for the next tests.
    await editor().locator('.view-lines').click();
    await s.page.keyboard.press('Control+z');
    await expect.poll(() => editorValue(s.page)).toBe(original);
  });

  it('shows a rendered preview beside a markdown file that follows the typing', async () => {
    await tree().getByRole('button', { name: 'README.md' }).dblclick();
    await editor().getByRole('button', { name: 'Open preview to the side' }).click();
    const preview = editor().getByRole('article', { name: 'Preview of README.md' });
    await expect.poll(() => preview.getByRole('heading').count()).toBeGreaterThan(0);
    await typeAtStart('# Fresh heading from the editor\n\n');
    await expect.poll(() => preview.getByRole('heading', { name: 'Fresh heading from the editor' }).count()).toBe(1);
    await s.page.keyboard.press('Control+s');
    await expect.poll(() => disk('README.md')).toContain('# Fresh heading from the editor');
    await editor().getByRole('button', { name: 'Hide preview' }).click();
    await expect.poll(() => preview.count()).toBe(0);
  });

  it('refuses to save over a file changed on disk: compare, then overwrite', async () => {
    await editor().getByRole('tab', { name: 'store.ts' }).click();
    await typeAtStart('// mine\n');
    const mine = await editorValue(s.page);
    const theirs = disk('src/store.ts').replace('export', '// theirs\nexport');
    writeFileSync(path.join(s.workspace.path, 'src/store.ts'), theirs);
    await s.page.keyboard.press('Control+s');
    const bar = editor().getByRole('alert');
    await expect.poll(() => bar.textContent()).toContain('changed on disk');
    expect(disk('src/store.ts')).toBe(theirs); // nothing silently overwritten
    expect(await editorValue(s.page)).toBe(mine); // nothing silently lost
    await bar.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => editor().getByTestId('diff-view').locator('.monaco-diff-editor').count()).toBe(1);
    await expect.poll(() => editor().getByTestId('diff-view').textContent()).toContain('theirs');
    await bar.getByRole('button', { name: 'Overwrite disk' }).click();
    await expect.poll(() => disk('src/store.ts')).toBe(mine);
    await expect.poll(() => editor().getByRole('alert').count()).toBe(0);
  });

  it('… or reload the disk version instead of mine', async () => {
    await typeAtStart('// mine again\n');
    const theirs = disk('src/store.ts').replace('// mine\n', '// theirs again\n');
    writeFileSync(path.join(s.workspace.path, 'src/store.ts'), theirs);
    await s.page.keyboard.press('Control+s');
    const bar = editor().getByRole('alert');
    await expect.poll(() => bar.textContent()).toContain('changed on disk');
    await bar.getByRole('button', { name: 'Reload from disk (discard mine)' }).click();
    await expect.poll(() => editorValue(s.page)).toBe(theirs);
    expect(disk('src/store.ts')).toBe(theirs);
  });

  it('asks before closing a tab with unsaved changes: Cancel keeps it, Save writes and closes', async () => {
    await typeAtStart('// unsaved\n');
    await editor().getByTestId('dirty-marker').waitFor();
    const text = await editorValue(s.page);
    const before = disk('src/store.ts');
    await editor().locator('.tab-close[title^="Close src/store.ts"]').click();
    const dialog = s.page.getByRole('alertdialog', { name: 'Save the changes to store.ts?' });
    await expect.poll(() => dialog.textContent()).toContain('src/store.ts has unsaved changes');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect(tabNames()).resolves.toContain('store.ts ●');
    expect(disk('src/store.ts')).toBe(before);

    await editor().locator('.view-lines').click();
    await s.page.keyboard.press('Control+w');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => disk('src/store.ts')).toBe(text);
    // A dirty tab is named 'store.ts ●': wait until no tab of that file is left at all.
    await expect.poll(hasStoreTab).toBe(false);
  });

  it('… and Don’t Save closes it without writing', async () => {
    await s.page.keyboard.press('Control+Shift+T');
    await expect.poll(activeTab).toBe('store.ts');
    const before = disk('src/store.ts');
    await typeAtStart('// dropped\n');
    await editor().getByTestId('dirty-marker').waitFor();
    await editor().locator('.tab-close[title^="Close src/store.ts"]').click();
    await s.page.getByRole('alertdialog').getByRole('button', { name: "Don't Save" }).click();
    await expect.poll(hasStoreTab).toBe(false);
    expect(disk('src/store.ts')).toBe(before);
    // Leave a dirty tab for the next test.
    await s.page.keyboard.press('Control+Shift+T');
    await expect.poll(activeTab).toBe('store.ts');
    await typeAtStart('// unsaved\n');
    await editor().getByTestId('dirty-marker').waitFor();
  });

  it('asks before the page is left (window closed, reloaded) with unsaved changes', async () => {
    const dialogs: string[] = [];
    s.page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    // Headless Chromium skips the prompt on page.close(); leaving the page by navigation shows it.
    await expect(s.page.goto('about:blank')).rejects.toThrow();
    expect(dialogs).toEqual(['beforeunload']);
    await expect(editor().getByTestId('dirty-marker').count()).resolves.toBe(1);
  });

  it('raised no page error', () => {
    expect(s.errors).toEqual([]);
  });
});
