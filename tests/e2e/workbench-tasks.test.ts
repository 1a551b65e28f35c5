// End to end, issue 5 item 2: the task list — tree with collapsible parents, in-progress and
// optional tasks, requirement chips, filter and counts, keyboard, ticks written to disk, outside
// edits shown without losing scroll or focus, and a virtualised 5,000-task spec.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigTasksFile, cursorLine, openWorkbench, type WorkbenchSession } from '../support/workbench-session';

let s: WorkbenchSession;
const TODO = '.kiro/specs/todo-cli/tasks.md';
const BIG = '.kiro/specs/big-plan/tasks.md';

beforeAll(async () => {
  s = await openWorkbench({
    prepare(root) {
      mkdirSync(path.join(root, '.kiro/specs/big-plan'), { recursive: true });
      writeFileSync(path.join(root, '.kiro/specs/big-plan/requirements.md'), '# Requirements\n\n### Requirement 1: Big\n\n#### Acceptance Criteria\n\n1. WHEN asked THEN the system SHALL answer\n');
      writeFileSync(path.join(root, BIG), bigTasksFile(5000));
    },
  });
  await selectSpec(/todo-cli/);
});

afterAll(async () => {
  await s?.close();
});

const tasks = () => s.page.getByRole('region', { name: 'Tasks' });
const box = (name: RegExp) => tasks().getByRole('checkbox', { name });
const disk = (file: string) => readFileSync(path.join(s.workspace.path, file), 'utf8');
const focusedName = () => s.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

async function selectSpec(name: RegExp) {
  await s.page.getByRole('list', { name: 'Spec list' }).getByRole('button', { name }).click();
  await tasks().getByRole('checkbox').first().waitFor();
}

describe('the task list', () => {
  it('shows the tasks as a tree: parents collapse and expand their sub-tasks', async () => {
    await expect(box(/^2\.1 Create data models/).count()).resolves.toBe(1);
    const toggle = tasks().getByRole('button', { name: 'Collapse 2' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await toggle.click();
    await expect.poll(() => box(/^2\.1 Create data models/).count()).toBe(0);
    await expect(box(/^3\.1 Add command/).count()).resolves.toBe(1);
    await tasks().getByRole('button', { name: 'Expand 2' }).click();
    await expect.poll(() => box(/^2\.1 Create data models/).count()).toBe(1);
  });

  it('marks in-progress (mixed) and optional tasks distinctly', async () => {
    await expect(box(/^2\.2 Write the list atomically/).getAttribute('aria-checked')).resolves.toBe('mixed');
    await expect(box(/^2\.3 Write unit tests for the store \(optional\)$/).count()).resolves.toBe(1);
    await expect(box(/^2\.3 Write unit tests/).locator('.optional').textContent()).resolves.toContain('optional');
  });

  it('filters open / done / all, with counts', async () => {
    const filter = tasks().getByRole('radiogroup', { name: 'Show tasks' });
    await expect(filter.getByRole('radio').allTextContents()).resolves.toEqual(['Open 7', 'Ready 5', 'Done 1', 'All 8']);
    await filter.getByRole('radio', { name: /^Done/ }).click();
    await expect.poll(() => tasks().getByRole('checkbox').count()).toBe(1);
    await expect(box(/^1\.? Set up the project structure/).count()).resolves.toBe(1);
    await filter.getByRole('radio', { name: /^Open/ }).click();
    await expect.poll(() => tasks().getByRole('checkbox').count()).toBe(7);
    await expect(box(/^1\.? Set up the project structure/).count()).resolves.toBe(0);
    await filter.getByRole('radio', { name: /^All/ }).click();
    await expect.poll(() => tasks().getByRole('checkbox').count()).toBe(8);
  });

  it('moves with the arrows, ticks with Space (on disk), marks in progress with S', async () => {
    await box(/^2\.1 Create data models/).focus();
    await s.page.keyboard.press('ArrowDown');
    await expect.poll(focusedName).toMatch(/^2\.2 Write the list atomically/);
    await s.page.keyboard.press('ArrowUp');
    await expect.poll(focusedName).toMatch(/^2\.1 Create data models/);
    await s.page.keyboard.press('Space');
    await expect.poll(() => disk(TODO)).toContain('- [x] 2.1 Create data models');
    await expect.poll(() => box(/^2\.1 Create data models/).getAttribute('aria-checked')).toBe('true');
    await s.page.keyboard.press('Space');
    await expect.poll(() => disk(TODO)).toContain('- [ ] 2.1 Create data models');
    await s.page.keyboard.press('s');
    await expect.poll(() => disk(TODO)).toContain('- [-] 2.1 Create data models');
    await expect.poll(() => box(/^2\.1 Create data models/).getAttribute('aria-checked')).toBe('mixed');
    await s.page.keyboard.press('s');
    await expect.poll(() => disk(TODO)).toContain('- [ ] 2.1 Create data models');
    await expect.poll(focusedName).toMatch(/^2\.1 Create data models/);
  });

  it('writes quick successive ticks one after the other: two Spaces leave the task as it was, no conflict', async () => {
    const before = disk(TODO);
    const modifiedBefore = statSync(path.join(s.workspace.path, TODO)).mtimeMs;
    await box(/^2\.1 Create data models/).focus();
    await s.page.keyboard.press('Space');
    await s.page.keyboard.press('Space');
    // The ticks were written (the file was rewritten), and none is still pending.
    await expect.poll(() => statSync(path.join(s.workspace.path, TODO)).mtimeMs).toBeGreaterThan(modifiedBefore);
    await expect.poll(() => box(/^2\.1 Create data models/).getAttribute('aria-busy')).toBeNull();
    expect(disk(TODO)).toBe(before);
    await expect(box(/^2\.1 Create data models/).getAttribute('aria-checked')).resolves.toBe('false');
    await expect(s.page.getByRole('contentinfo').locator('.notice.error').count()).resolves.toBe(0);
  });

  it('opens the task’s line in the editor with Enter', async () => {
    await box(/^3\.2 Done command/).focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.page.getByRole('region', { name: 'Editor' }).getByRole('tab', { selected: true }).textContent()).toBe('tasks.md');
    const line = disk(TODO).split('\n').findIndex((l) => l.includes('3.2 Done command')) + 1;
    await expect.poll(() => cursorLine(s.page)).toBe(line);
  });

  it('a requirement chip shows the criterion in its document, rendered in the centre', async () => {
    const row = tasks().getByRole('listitem').filter({ has: s.page.getByRole('checkbox', { name: /^3\.1 Add command/ }) });
    await row.getByRole('button', { name: 'Requirement 1.2' }).click();
    const doc = s.page.getByRole('region', { name: 'Editor' }).getByRole('article', { name: 'Requirements', exact: true });
    await expect.poll(() => doc.locator('li.flash').filter({ hasText: 'IF the text is empty' }).count()).toBe(1);
    await expect.poll(() => s.page.getByRole('region', { name: 'Editor' }).getByRole('tab', { selected: true }).textContent()).toBe('requirements.md');
    // Its badge goes on to the line in the source.
    await doc.getByRole('button', { name: 'Open 1.2 in the editor (line 16)' }).click();
    await expect.poll(() => cursorLine(s.page)).toBe(16);
  });

  it('marks a reference to a requirement the spec does not define', async () => {
    writeFileSync(path.join(s.workspace.path, TODO), disk(TODO).replace('_Requirements: 2.1, 2.2_', '_Requirements: 2.1, 9.9_'));
    await expect.poll(() => tasks().getByRole('button', { name: 'Requirement 9.9 (not defined in this spec)' }).count(), { timeout: 5000 }).toBe(1);
  });

  it('renders a 5,000-task spec virtualised: a few dozen rows in the page, the last one reachable', async () => {
    await selectSpec(/big-plan/);
    await expect.poll(() => tasks().getByTestId('task-counts').textContent()).toMatch(/\/5000 done/);
    const rendered = await tasks().getByRole('checkbox').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(150);
    await tasks().getByRole('checkbox').first().focus();
    await s.page.keyboard.press('End');
    await expect.poll(focusedName).toMatch(/^500\.9 Task 500\.9/);
  });

  it('shows an outside edit of tasks.md within the list, keeping the scroll position and the focus', async () => {
    const scroller = tasks().getByTestId('task-scroller');
    await scroller.evaluate((el) => (el.scrollTop = 60_000));
    // Wait until the rows of the new scroll position have replaced those of the old one (the end).
    const rendered = () => tasks().getByRole('checkbox').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    await expect.poll(async () => (await rendered()).some((n) => n.startsWith('500.'))).toBe(false);
    // Done tasks here have nothing behind them: once the spec's evidence has loaded they carry the
    // quiet "Done without evidence" line. Measure after that, or its arrival moves the rows.
    await expect.poll(() => tasks().getByTestId('task-evidence').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const names = (await rendered()).filter((n) => /^\d+\.\d+ Task/.test(n));
    const focusName = names[Math.floor(names.length / 2)]!;
    const otherName = names[Math.floor(names.length / 2) + 2]!;
    await tasks().getByRole('checkbox', { name: focusName, exact: true }).focus();
    // What the user sees: the focused row stays where it was in the list's viewport. (scrollTop alone
    // may move when rows above are re-measured — an evidence line appearing — while the view holds.)
    const focusedTop = () =>
      scroller.evaluate((el) => {
        const row = document.activeElement?.getBoundingClientRect();
        return row ? Math.round(row.top - el.getBoundingClientRect().top) : NaN;
      });
    const topBefore = await focusedTop();
    expect(topBefore).toBeGreaterThanOrEqual(0);
    const other = tasks().getByRole('checkbox', { name: otherName, exact: true });
    const before = await other.getAttribute('aria-checked');
    const otherId = otherName.split(' ')[0]!;
    const text = disk(BIG);
    const stateAt = text.indexOf(`] ${otherId} Task`) - 1;
    expect(stateAt).toBeGreaterThan(0);
    const flipped = text.slice(0, stateAt) + (before === 'true' ? ' ' : 'x') + text.slice(stateAt + 1);
    writeFileSync(path.join(s.workspace.path, BIG), flipped);
    await expect.poll(() => other.getAttribute('aria-checked', { timeout: 500 }), { timeout: 5000 }).toBe(before === 'true' ? 'false' : 'true');
    await expect(focusedName()).resolves.toBe(focusName);
    await expect.poll(focusedTop).toBe(topBefore);
  });

  it('raised no page error', () => {
    expect(s.errors).toEqual([]);
  });
});
