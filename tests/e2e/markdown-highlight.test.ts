// End to end: the markdown source view's highlighting (editor/monaco/markdown-language.ts) in the
// real editor. A `<` before a digit once made Monaco read an HTML tag lasting to the end of the
// file, every later word an attribute name (red in the light theme).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorLanguage, openWorkbench, type WorkbenchSession } from '../support/workbench-session';

let s: WorkbenchSession;

beforeAll(async () => {
  s = await openWorkbench({
    prepare(root) {
      writeFileSync(path.join(root, 'notes.md'), '# Notes\n\n- **Mermaid rendered client-side** (<1 s per diagram)\n\n## Components\n\nThe store reads the list.\n');
    },
  });
  await s.page.getByRole('tab', { name: 'Files' }).click();
});

afterAll(async () => {
  await s?.close();
});

/** The colour Monaco gives the rendered token holding `text`. */
const colourOf = (text: string) =>
  s.page.locator('.view-lines span span', { hasText: text }).first().evaluate((el) => getComputedStyle(el).color);

describe('markdown source highlighting', () => {
  it('reads the lines after a `<1` as markdown, not as an HTML tag', async () => {
    await s.page.getByRole('tree', { name: 'Files' }).getByRole('button', { name: 'notes.md' }).dblclick();
    await expect.poll(() => editorLanguage(s.page)).toBe('markdown');
    await expect.poll(() => colourOf('Components')).toBe('rgb(0, 0, 255)'); // a heading: the light theme's keyword blue
    expect(await colourOf('store')).not.toBe('rgb(255, 0, 0)'); // plain text, not an attribute name
  });
});
