// End to end, issue 14 item 5: the task list reads well — headings of the tasks file as
// collapsible group rows (Spec Kit phases, OpenSpec groups), inline markdown and [P]/[USn] chips
// in titles, done tasks without a strike-through, and the filter remembered per spec.
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, type WorkbenchSession } from '../support/workbench-session';

let s: WorkbenchSession;
const GROUPS = 'openspec/changes/two-groups';
const NESTED = 'specs/002-nested-phases';
const LONG = '.kiro/specs/long-paths';
const LONG_PATH = 'app/backend/src/services/achievement/__tests__/achievementConfigValidation.property.test.ts';

beforeAll(async () => {
  s = await openWorkbench({
    prepare(root) {
      mkdirSync(path.join(root, NESTED), { recursive: true });
      writeFileSync(path.join(root, NESTED, 'spec.md'), '# Feature Specification: Nested phases\n\n## User Scenarios\n\n### User Story 1 - Browse (Priority: P1)\n\nBrowse.\n');
      writeFileSync(
        path.join(root, NESTED, 'tasks.md'),
        '# Tasks: Nested phases\n\n## Phase 3: User Story 1 - Browse\n\n### Tests for User Story 1\n\n- [ ] T010 [P] [US1] Test browsing\n\n### Implementation for User Story 1\n\n- [ ] T011 [US1] Browse\n',
      );
      mkdirSync(path.join(root, LONG), { recursive: true });
      writeFileSync(path.join(root, LONG, 'requirements.md'), '# Requirements Document\n\n### Requirement 1: Config\n\n**User Story:** As a developer, I want one config.\n\n#### Acceptance Criteria\n\n1. WHEN the app starts THEN the system SHALL read the config\n');
      writeFileSync(path.join(root, LONG, 'tasks.md'), `# Implementation Plan\n\n- [ ] 1. Write property-based tests in \`${LONG_PATH}\`\n  - _Requirements: 1.1_\n`);
      mkdirSync(path.join(root, GROUPS), { recursive: true });
      writeFileSync(path.join(root, GROUPS, 'proposal.md'), '# Two groups\n\n## Why\n\nGroups in the task list.\n\n## What Changes\n\n- Groups\n');
      writeFileSync(
        path.join(root, GROUPS, 'tasks.md'),
        '## 1. Storage\n\n- [x] 1.1 Add the *notes* table\n- [ ] 1.2 Migrate, see [the design](design.md)\n\n## 2. API\n\n- [ ] 2.1 Add **GET /notes**\n',
      );
    },
  });
});

afterAll(async () => {
  await s?.close();
});

const tasks = () => s.page.getByRole('region', { name: 'Tasks' });
const filter = () => tasks().getByRole('radiogroup', { name: 'Show tasks' });

async function selectSpec(name: RegExp) {
  // The spec's own button (its problems badge is a button too, named after it).
  await s.page.getByRole('list', { name: 'Spec list' }).getByRole('button', { name }).and(s.page.locator('button.spec')).click();
  await tasks().getByRole('checkbox').first().waitFor();
}

describe('the task list reads well', () => {
  it('keeps the Spec Kit phases as group rows that collapse their tasks', async () => {
    await selectSpec(/note-search|Note search/i);
    const setup = tasks().getByRole('button', { name: 'Phase 1: Setup, 1 of 1 done' });
    const story = tasks().getByRole('button', { name: /^Phase 2: User Story 1 - Find a todo by text \(P1\), 0 of 2 done$/ });
    await expect(setup.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(story.count()).resolves.toBe(1);
    await expect(tasks().getByRole('heading', { name: /^Phase 1: Setup/ }).count()).resolves.toBe(1);
    await story.click();
    await expect.poll(() => tasks().getByRole('checkbox', { name: /^T002 / }).count()).toBe(0);
    await expect(story.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(tasks().getByRole('checkbox', { name: /^T001 / }).count()).resolves.toBe(1);
    // Keyboard: Enter on the group row expands it again.
    await story.focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => tasks().getByRole('checkbox', { name: /^T002 / }).count()).toBe(1);
    await s.page.keyboard.press('ArrowDown');
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^T002 /);
  });

  it('shows code spans as code and [P] [US1] as chips, not raw markdown', async () => {
    const t001 = tasks().getByRole('checkbox', { name: 'T001 Create src/search.ts' });
    await expect(t001.locator('code').textContent()).resolves.toBe('src/search.ts');
    await expect(t001.locator('.task-text').textContent()).resolves.not.toContain('`');
    const t002 = tasks().getByRole('checkbox', { name: /^T002 Implement case-insensitive matching in src\/search\.ts \(parallel, user story 1\)$/ });
    await expect(t002.locator('.task-chip').allTextContents()).resolves.toEqual(['P', 'US1']);
    await expect(t002.locator('.task-title').textContent()).resolves.toBe('Implement case-insensitive matching in src/search.ts');
  });

  it('renders emphasis and links in OpenSpec group titles; a link does not navigate', async () => {
    await selectSpec(/two-groups/);
    await expect(tasks().getByRole('button', { name: '1. Storage, 1 of 2 done' }).count()).resolves.toBe(1);
    await expect(tasks().getByRole('button', { name: '2. API, 0 of 1 done' }).count()).resolves.toBe(1);
    await expect(tasks().getByRole('checkbox', { name: /^1\.1 Add the notes table/ }).locator('em').textContent()).resolves.toBe('notes');
    await expect(tasks().getByRole('checkbox', { name: /^2\.1 Add GET \/notes/ }).locator('strong').textContent()).resolves.toBe('GET /notes');
    const link = tasks().getByRole('checkbox', { name: /^1\.2 Migrate, see the design/ }).locator('.task-link');
    await expect(link.textContent()).resolves.toBe('the design');
    await expect(link.getAttribute('title')).resolves.toBe('design.md');
    await expect(tasks().locator('a[href]').count()).resolves.toBe(0);
    const url = s.page.url();
    // Clicking the title ticks the task (as any click on the row does), it does not follow the link.
    await link.click();
    await expect.poll(() => tasks().getByRole('checkbox', { name: /^1\.2 Migrate/ }).getAttribute('aria-checked')).toBe('true');
    expect(s.page.url()).toBe(url);
    await tasks().getByRole('checkbox', { name: /^1\.2 Migrate/ }).click();
    await expect.poll(() => tasks().getByRole('checkbox', { name: /^1\.2 Migrate/ }).getAttribute('aria-checked')).toBe('false');
  });

  it('keeps done tasks legible: a check and a dimmed ID, no strike-through', async () => {
    const done = tasks().getByRole('checkbox', { name: /^1\.1 Add the notes table/ });
    await expect(done.getAttribute('aria-checked')).resolves.toBe('true');
    await expect(done.locator('.box').textContent()).resolves.toBe('✓');
    const style = await done.locator('.task-text').evaluate((el) => {
      const id = el.querySelector('.task-id')!;
      const title = el.querySelector('.task-title')!;
      return {
        decoration: getComputedStyle(el).textDecorationLine + ' ' + getComputedStyle(title).textDecorationLine,
        idColor: getComputedStyle(id).color,
        titleColor: getComputedStyle(title).color,
        openTitleColor: getComputedStyle(document.querySelector('.state-todo .task-title')!).color,
      };
    });
    expect(style.decoration).not.toContain('line-through');
    expect(style.titleColor).toBe(style.openTitleColor);
    expect(style.idColor).not.toBe(style.titleColor);
  });

  it('names a subsection\'s group row with the phase above it, and moves through group rows with the arrows', async () => {
    await selectSpec(/nested-phases|Nested phases/i);
    const tests = tasks().getByRole('button', { name: 'Phase 3: User Story 1 - Browse › Tests for User Story 1, 0 of 1 done' });
    await expect(tests.count()).resolves.toBe(1);
    await expect(tests.locator('.task-section-parent').textContent()).resolves.toContain('Phase 3: User Story 1 - Browse');
    await tests.focus();
    await s.page.keyboard.press('ArrowDown');
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^T010 Test browsing/);
    await s.page.keyboard.press('ArrowDown');
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Phase 3: User Story 1 - Browse › Implementation for User Story 1/);
    // Space collapses the focused group row, ArrowRight expands it again.
    await s.page.keyboard.press('Space');
    await expect.poll(() => tasks().getByRole('checkbox', { name: /^T011 / }).count()).toBe(0);
    await s.page.keyboard.press('ArrowRight');
    await expect.poll(() => tasks().getByRole('checkbox', { name: /^T011 / }).count()).toBe(1);
  });

  it('wraps a long code path in a title inside the task pane and the trace tab, as code', async () => {
    await selectSpec(/long-paths/);
    const row = tasks().getByRole('checkbox', { name: /^1 Write property-based tests/ });
    await expect(row.locator('code').textContent()).resolves.toBe(LONG_PATH);
    // Nothing runs out of the pane: the row is no wider than the space it has.
    const overflow = (el: Element) => el.scrollWidth - el.clientWidth;
    await expect(row.evaluate(overflow)).resolves.toBeLessThanOrEqual(0);
    await tasks().getByRole('button', { name: 'Trace', exact: true }).click();
    const trace = s.page.getByRole('region', { name: /^Trace of / });
    const task = trace.locator('.trace-task').first();
    await expect.poll(() => task.locator('code').textContent()).toBe(LONG_PATH);
    expect(await task.textContent()).not.toContain('`');
    // The table fits the editor: no column is pushed out of view.
    await expect(trace.evaluate((view) => view.scrollWidth - view.clientWidth)).resolves.toBeLessThanOrEqual(0);
  });

  it('remembers the filter per spec', async () => {
    await selectSpec(/two-groups/);
    await filter().getByRole('radio', { name: /^Done/ }).click();
    await expect.poll(() => tasks().getByRole('checkbox').count()).toBe(1);
    await selectSpec(/note-search|Note search/i);
    await expect(filter().getByRole('radio', { name: /^All/ }).getAttribute('aria-checked')).resolves.toBe('true');
    await filter().getByRole('radio', { name: /^Open/ }).click();
    await expect.poll(() => tasks().getByRole('checkbox').count()).toBe(2);
    await s.page.getByRole('list', { name: 'Spec list' }).getByRole('button', { name: /two-groups/ }).and(s.page.locator('button.spec')).click();
    await expect.poll(() => filter().getByRole('radio', { name: /^Done/ }).getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => tasks().getByRole('checkbox').count()).toBe(1);
    await selectSpec(/note-search|Note search/i);
    await expect(filter().getByRole('radio', { name: /^Open/ }).getAttribute('aria-checked')).resolves.toBe('true');
  });

  it.each(['light', 'dark'] as const)('has no serious or critical axe violation in the %s theme', async (theme) => {
    await s.page.emulateMedia({ colorScheme: theme });
    await expect.poll(() => s.page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await filter().getByRole('radio', { name: /^All/ }).click();
    const results = await new AxeBuilder({ page: s.page as never }).include('[aria-label="Tasks"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
    expect(serious).toEqual([]);
  });
});
