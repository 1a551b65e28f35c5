// End to end, issue 14 items 1 and 8: a spec document's rendered view keeps its scroll — after
// switching to the source and back, to another tab and back, a page reload and a `serve` restart
// on a new port — and the source view keeps its own (Monaco's) scroll and cursor, as VS Code does
// for editors. On the large real Kiro spec of the corpus (ArmouredSouls' new-player-onboarding,
// a 2,898-line design.md).
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../support/corpus-dir';
import { cursorLine, goToFile, openWorkbench, restartServe, savedUiState, type WorkbenchSession } from '../support/workbench-session';

const BIG_SPEC = path.join(corpusDir, 'kiro/RobertTeunissen__ArmouredSouls/.kiro/specs/done-march26/new-player-onboarding');
const DESIGN = '.kiro/specs/new-player-onboarding/design.md';

let s: WorkbenchSession;

beforeAll(async () => {
  if (!existsSync(BIG_SPEC)) throw new Error(`the corpus is missing: ${BIG_SPEC} (set SPECDECK_CORPUS_DIR)`);
  s = await openWorkbench({ prepare: (root) => cpSync(BIG_SPEC, path.join(root, '.kiro/specs/new-player-onboarding'), { recursive: true }) });
  await s.page.getByRole('list', { name: 'Spec list' }).locator('button.spec').first().waitFor();
});

afterAll(async () => {
  await s?.close();
});

const editor = () => s.page.getByRole('region', { name: 'Editor' });
const design = () => editor().getByRole('article', { name: 'Design', exact: true });
const renderedBox = () => editor().getByTestId('markdown-preview');
const renderedTop = () => renderedBox().evaluate((e) => e.scrollTop);
/** The first line number Monaco draws: it draws only the lines in view. */
const firstSourceLine = () =>
  editor()
    .locator('.editor-frame:not([hidden]) .line-numbers')
    .evaluateAll((nodes) => Math.min(...nodes.filter((n) => n.getBoundingClientRect().height > 0).map((n) => Number(n.textContent))));

/** The design shown rendered, with its headings in the page. */
async function designRendered() {
  await expect.poll(() => design().getByRole('heading').count(), { timeout: 20_000 }).toBeGreaterThan(20);
}

async function expectRenderedTop(top: number) {
  await designRendered();
  await expect.poll(async () => Math.abs((await renderedTop()) - top), { timeout: 10_000 }).toBeLessThanOrEqual(2);
}

let top = 0;
let sourceLine = 0;

describe('the rendered view’s scroll comes back', () => {
  it('after switching to the source and back (and the source keeps its own scroll and cursor)', async () => {
    await s.page.getByRole('list', { name: 'Spec list' }).locator('button.spec[title=".kiro/specs/new-player-onboarding"]').click();
    await s.page.getByRole('navigation', { name: 'Spec outline' }).getByRole('button', { name: 'Design', exact: true }).click();
    await designRendered();
    // Scroll as a user does: the wheel over the rendered text.
    await renderedBox().hover();
    for (let i = 0; i < 8; i++) await s.page.mouse.wheel(0, 600);
    await expect.poll(renderedTop).toBeGreaterThan(2000);
    top = await renderedTop();

    await editor().getByRole('button', { name: 'Show source' }).click();
    await editor().locator('.editor-frame:not([hidden]) .view-lines').waitFor({ state: 'visible' });
    await editor().locator('.editor-frame .view-lines').click({ position: { x: 40, y: 10 } });
    await s.page.keyboard.press('Control+g');
    await s.page.keyboard.type('1500');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => cursorLine(s.page)).toBe(1500);
    await expect.poll(firstSourceLine).toBeGreaterThan(1400);
    sourceLine = await firstSourceLine();

    await editor().getByRole('button', { name: 'Show rendered' }).click();
    await expectRenderedTop(top);
    await editor().getByRole('button', { name: 'Show source' }).click();
    await expect.poll(firstSourceLine).toBe(sourceLine);
    await expect.poll(() => cursorLine(s.page)).toBe(1500);
    await editor().getByRole('button', { name: 'Show rendered' }).click();
    await expectRenderedTop(top);
  });

  it('after switching to another tab and back', async () => {
    await goToFile(s.page, 'readme', 'README.md');
    await expect.poll(() => design().count()).toBe(0);
    await editor().getByRole('tab', { name: 'design.md' }).click();
    await expectRenderedTop(top);
  });

  it('after a page reload', { timeout: 120_000 }, async () => {
    // Saved a moment after it changes: wait until the backend has it.
    await expect
      .poll(() => (savedUiState(s.workspace.path)?.tabs as { path: string; renderedScroll?: number }[] | undefined)?.find((t) => t.path === DESIGN)?.renderedScroll, { timeout: 10_000 })
      .toBe(top);
    await expect.poll(() => savedUiState(s.workspace.path)?.active, { timeout: 10_000 }).toBe(DESIGN);
    // The source view's cursor is saved beside it (run 4 of 5 loaded runs once came back at line 1).
    await expect
      .poll(() => (savedUiState(s.workspace.path)?.tabs as { path: string; position?: { line: number } }[] | undefined)?.find((t) => t.path === DESIGN)?.position?.line, { timeout: 10_000 })
      .toBe(1500);
    await s.page.reload();
    await s.page.getByRole('contentinfo').waitFor();
    await expectRenderedTop(top);
    await editor().getByRole('button', { name: 'Show source' }).click();
    await expect.poll(() => cursorLine(s.page)).toBe(1500);
    await expect.poll(firstSourceLine).toBe(sourceLine);
    await editor().getByRole('button', { name: 'Show rendered' }).click();
    await expectRenderedTop(top);
  });

  // A restart starts a process and reopens the index: generous under a loaded machine.
  it('after `serve` restarts on a new port (a new browser origin)', { timeout: 150_000 }, async () => {
    const savedDesign = () => (savedUiState(s.workspace.path)?.tabs as { path: string; view?: string; renderedScroll?: number }[] | undefined)?.find((t) => t.path === DESIGN);
    await expect.poll(savedDesign, { timeout: 10_000 }).toMatchObject({ view: 'rendered', renderedScroll: top });
    const oldUrl = await restartServe(s);
    expect(new URL(s.host.url).port).not.toBe(new URL(oldUrl).port);
    await expectRenderedTop(top);
  });

  it('raised no page error', () => {
    expect(s.errors).toEqual([]);
  });
});
