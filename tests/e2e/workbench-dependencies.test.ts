// End to end, issue 10 item 6: the task list's "Ready" filter and wave grouping, heading tasks that
// cannot be ticked, blocked tasks, the Kiro graph rendered as a wave table (not a code fence), and
// an OpenSpec change's `.openspec.yaml` shown with it — real UI in Chromium, real backend and files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, type WorkbenchSession } from '../support/workbench-session';

let s: WorkbenchSession;
const PLAN = '.kiro/specs/wave-plan/tasks.md';
const TEXT = `# Implementation Plan

## Tasks

- [x] 1. Schema
- [ ] 2. API
  - _Blocked: waiting for the API key_
- [ ] 3. UI
- [ ] 4. Docs

## Task 5: Release

- [ ] 5.1 Tag the release

## Task Dependency Graph

\`\`\`json
{"waves":[{"name":"Wave 1 — Base","tasks":[1]},{"name":"Wave 2 — Build","tasks":[2,3],"description":"API and UI in parallel"},{"name":"Wave 3","tasks":[4,5]}]}
\`\`\`
`;

beforeAll(async () => {
  s = await openWorkbench({
    prepare(root) {
      const write = (rel: string, content: string) => {
        mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        writeFileSync(path.join(root, rel), content);
      };
      write('.kiro/specs/wave-plan/requirements.md', '# Requirements\n\n### Requirement 1: Plan\n\n#### Acceptance Criteria\n\n1. WHEN asked THEN the system SHALL answer\n');
      write(PLAN, TEXT);
      write('openspec/changes/add-csv-export/.openspec.yaml', 'schema: spec-driven\ngoal: Let users export their notes\naffected_areas:\n  - cli\n  - storage\n');
    },
  });
  await s.page.getByRole('list', { name: 'Spec list' }).locator('button.spec', { hasText: 'wave-plan' }).click();
  await tasks().getByRole('checkbox').first().waitFor();
});

afterAll(async () => {
  await s?.close();
});

const tasks = () => s.page.getByRole('region', { name: 'Tasks' });
const specsPanel = () => s.page.getByRole('region', { name: 'Specs' });
const names = () => tasks().getByRole('checkbox').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));

describe('dependencies in the task list', () => {
  it('"Ready" shows only the tasks that can start now (not the blocked one, not those waiting)', async () => {
    const filter = tasks().getByRole('radiogroup', { name: 'Show tasks' });
    await expect(filter.getByRole('radio').allTextContents()).resolves.toEqual(['Open 5', 'Ready 1', 'Done 1', 'All 6']);
    await filter.getByRole('radio', { name: /^Ready/ }).click();
    await expect.poll(names).toEqual(['3 UI']);
    await filter.getByRole('radio', { name: /^All/ }).click();
    await expect.poll(() => names().then((n) => n.length)).toBe(6);
    await expect(names()).resolves.toContain('2 API (blocked: waiting for the API key)');
  });

  it('groups the tasks by wave, each wave under its name', async () => {
    const toggle = tasks().getByRole('button', { name: 'Group by wave' });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => tasks().getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Wave 1 — Base 1', 'Wave 2 — Build 2', 'Wave 3 3']);
    await expect(names()).resolves.toEqual(['1 Schema', '2 API (blocked: waiting for the API key)', '3 UI', '4 Docs', '5 Release', '5.1 Tag the release']);
    await toggle.click();
    await expect.poll(() => tasks().getByRole('heading', { level: 3 }).count()).toBe(0);
  });

  it('a heading task has no checkbox to tick: Space changes nothing on disk', async () => {
    const heading = tasks().getByRole('checkbox', { name: /^5 Release/ });
    await expect(heading.getAttribute('aria-disabled')).resolves.toBe('true');
    await heading.focus();
    await s.page.keyboard.press('Space');
    // Its sub-task still ticks, so a real write happens after the ignored key; then compare.
    await tasks().getByRole('checkbox', { name: /^5\.1 Tag the release/ }).click();
    await expect.poll(() => readFileSync(path.join(s.workspace.path, PLAN), 'utf8')).toContain('- [x] 5.1 Tag the release');
    expect(readFileSync(path.join(s.workspace.path, PLAN), 'utf8')).toBe(TEXT.replace('- [ ] 5.1 Tag', '- [x] 5.1 Tag'));
    await expect.poll(() => heading.getAttribute('aria-checked')).toBe('true');
  });

  it('renders the graph block of tasks.md as a wave table, not a code fence', async () => {
    // Spec documents open rendered in the centre (issue 14).
    await specsPanel().getByRole('navigation', { name: 'Spec outline' }).getByRole('button', { name: 'Tasks', exact: true }).click();
    const doc = s.page.getByRole('region', { name: 'Editor' }).getByRole('article', { name: 'Tasks', exact: true });
    await expect.poll(() => doc.locator('details.task-graph summary').textContent()).toBe('Task dependency graph: 3 waves, 5 tasks');
    await expect(doc.getByRole('row').allTextContents()).resolves.toEqual(['WaveTasksDescription', 'Wave 1 — Base1', 'Wave 2 — Build2, 3API and UI in parallel', 'Wave 34, 5']);
    await expect(doc.locator('pre code').filter({ hasText: '"waves"' }).count()).resolves.toBe(0);
  });
});

describe('OpenSpec change metadata', () => {
  it('shows the goal and affected areas of .openspec.yaml with the change', async () => {
    await s.page.getByRole('list', { name: 'Spec list' }).locator('button.spec', { hasText: /csv-export|CSV export/i }).click();
    const meta = specsPanel().getByRole('region', { name: 'Change metadata' });
    await expect.poll(() => meta.textContent()).toContain('GoalLet users export their notes');
    await expect(meta.textContent()).resolves.toContain('Affected areascli, storage');
  });
});
