// End to end: axe-core over the workbench's main states in both themes (no serious or critical
// violation), and the README screenshots of those states, taken from the real UI.
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotDir } from '../support/screenshots';
import { openWorkbench, type WorkbenchSession } from '../support/workbench-session';

let s: WorkbenchSession;
const shots = screenshotDir();

beforeAll(async () => {
  s = await openWorkbench({ branch: 'main' });
  await s.page.getByRole('region', { name: 'Tasks' }).getByRole('checkbox').first().waitFor();
});

afterAll(async () => {
  await s?.close();
});

interface Finding {
  id: string;
  impact: string;
  targets: string[];
}

async function seriousViolations(page: Page): Promise<Finding[]> {
  const results = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact!, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

async function showMainStates(page: Page) {
  await page.getByRole('list', { name: 'Spec list' }).getByRole('button', { name: /todo-cli/ }).click();
  await page.getByRole('navigation', { name: 'Spec outline' }).getByRole('button', { name: 'Requirements', exact: true }).click();
  await page.getByRole('region', { name: 'Tasks' }).getByRole('button', { name: 'Requirement 1.2' }).first().click();
  await page.getByRole('region', { name: 'Editor' }).getByRole('article', { name: 'Requirements', exact: true }).waitFor();
  await page.waitForTimeout(300);
}

describe.each(['light', 'dark'] as const)('the workbench in the %s theme', (theme) => {
  it('has no serious or critical axe violation: specs, documents, editor, tasks', async () => {
    await s.page.emulateMedia({ colorScheme: theme });
    await expect.poll(() => s.page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await showMainStates(s.page);
    await s.page.screenshot({ path: path.join(shots, `workbench-${theme}.png`) });
    expect(await seriousViolations(s.page)).toEqual([]);
  });

  it('has no serious or critical axe violation with a markdown preview and the Files tab', async () => {
    await s.page.getByRole('region', { name: 'Editor' }).getByRole('button', { name: 'Show source' }).click();
    await s.page.getByRole('region', { name: 'Editor' }).getByRole('button', { name: 'Open preview to the side' }).click();
    await s.page.getByRole('region', { name: 'Specs' }).getByRole('tab', { name: 'Files' }).click();
    await s.page.getByRole('tree', { name: 'Files' }).getByRole('button', { name: /src$/ }).click();
    await s.page.getByRole('tree', { name: 'Files' }).getByRole('button', { name: /cli\.ts$/ }).waitFor();
    if (theme === 'light') await s.page.screenshot({ path: path.join(shots, 'markdown-preview-and-files.png') });
    expect(await seriousViolations(s.page)).toEqual([]);
    await s.page.getByRole('region', { name: 'Editor' }).getByRole('button', { name: 'Hide preview' }).click();
    await s.page.getByRole('tree', { name: 'Files' }).getByRole('button', { name: /src$/ }).click();
    await s.page.getByRole('region', { name: 'Specs' }).getByRole('tab', { name: 'Specs' }).click();
  });

  it('has no serious or critical axe violation with the Problems view and the trace tab', async () => {
    await s.page.locator('body').press('Control+Shift+M');
    await s.page.getByRole('region', { name: 'Problems' }).locator('button.problem-file').first().waitFor();
    await s.page.getByRole('region', { name: 'Tasks' }).getByRole('button', { name: 'Trace' }).click();
    await s.page.getByRole('region', { name: 'Editor' }).getByRole('region', { name: /^Trace of / }).getByRole('row').nth(1).waitFor();
    expect(await seriousViolations(s.page)).toEqual([]);
    await s.page.locator('body').press('Control+Shift+M');
    // The evidence report, an editor tab of its own.
    await s.page.getByRole('region', { name: 'Editor' }).getByRole('region', { name: /^Trace of / }).getByRole('button', { name: 'Open evidence report' }).click();
    await s.page.getByRole('region', { name: 'Editor' }).getByRole('region', { name: 'Evidence report' }).getByRole('table').first().waitFor();
    expect(await seriousViolations(s.page)).toEqual([]);
    await s.page.getByRole('region', { name: 'Editor' }).getByRole('tab', { name: 'Evidence report' }).click();
    await s.page.keyboard.press('Control+w');
    await expect.poll(() => s.page.getByRole('region', { name: 'Editor' }).getByRole('tab', { name: 'Evidence report' }).count()).toBe(0);
    await s.page.getByRole('region', { name: 'Editor' }).getByRole('tab', { name: 'Trace' }).click();
    await s.page.keyboard.press('Control+w');
    await expect.poll(() => s.page.getByRole('region', { name: 'Editor' }).getByRole('tab', { name: 'Trace' }).count()).toBe(0);
  });

  it('has no serious or critical axe violation with the command palette open', async () => {
    await s.page.locator('body').press('Control+Shift+P');
    await s.page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    if (theme === 'dark') await s.page.screenshot({ path: path.join(shots, 'command-palette-dark.png') });
    expect(await seriousViolations(s.page)).toEqual([]);
    await s.page.keyboard.press('Escape');
  });
});

describe('keyboard reach', () => {
  async function tabThrough(page: Page, times: number): Promise<string[]> {
    const seen: string[] = [];
    for (let i = 0; i < times; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement;
        const region = el?.closest('[role="region"]')?.getAttribute('aria-label') ?? '';
        return `${region}|${el?.getAttribute('role') ?? el?.tagName.toLowerCase()}|${el?.getAttribute('aria-label') ?? el?.textContent?.slice(0, 30)}`;
      });
      seen.push(where);
      // Monaco keeps Tab for indentation (Ctrl+M switches that off, as in VS Code): stop there.
      if (where.includes('|Code editor')) break;
    }
    return seen;
  }

  it('reaches the spec panel’s and the editor’s controls with Tab', async () => {
    await s.page.emulateMedia({ colorScheme: 'light' });
    await s.page.locator('body').click({ position: { x: 5, y: 810 } }); // the status bar: nothing focusable
    expect(await tabThrough(s.page, 80)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Specs\|tab\|Files/),
        expect.stringMatching(/^Specs\|input\|Filter specs/),
        expect.stringMatching(/^Specs\|button\|(● )?todo-cli/),
        expect.stringMatching(/^Specs\|button\|Design/),
        expect.stringMatching(/^Editor\|tab\|/),
        expect.stringMatching(/^Editor\|button\|Open editors/),
        expect.stringMatching(/^Editor\|textbox\|Code editor/),
      ]),
    );
  });

  it('reaches the task list’s controls with Tab after the editor', async () => {
    await s.page.getByRole('separator', { name: 'Resize the Tasks pane' }).focus();
    expect(await tabThrough(s.page, 12)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Tasks\|radio\|/),
        expect.stringMatching(/^Tasks\|checkbox\|/),
        expect.stringMatching(/^Tasks\|button\|Requirement /),
      ]),
    );
  });
});

describe('the unsaved-changes dialog', () => {
  it('has no serious or critical axe violation, and takes the focus', async () => {
    await s.page.getByRole('region', { name: 'Editor' }).locator('.view-lines').click();
    await s.page.keyboard.type('x');
    await s.page.keyboard.press('Control+w');
    const dialog = s.page.getByRole('alertdialog');
    await dialog.waitFor();
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.textContent)).toBe('Save');
    expect(await seriousViolations(s.page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});
