// End to end, issue 5 item 1 and issue 14 item 1: the spec explorer (grouping by format and
// folder, progress, diagnostics, filter) and the selected spec's documents opened rendered in the
// centre, with requirement anchors and a one-key switch to the source at the line.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cursorLine, diagnosticsPerSpec, openWorkbench, problemsLabel, specGroupNames, type WorkbenchSession } from '../support/workbench-session';

let s: WorkbenchSession;

beforeAll(async () => {
  s = await openWorkbench({
    prepare(root) {
      appendFileSync(
        path.join(root, '.kiro/specs/todo-cli/design.md'),
        '\n## Data\n\n| Field | Type |\n| --- | --- |\n| id | number |\n\n<script>window.__pwned = true</script>\n<img src="http://example.invalid/x.png" alt="remote">\n',
      );
      // Two more Kiro specs: numbered folders (natural order: 2 before 10) and one finished.
      for (const [folder, state] of [['10-later', ' '], ['2-finished', 'x']] as const) {
        const dir = path.join(root, '.kiro/specs', folder);
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, 'requirements.md'), `# Requirements\n\n### Requirement 1: Thing\n\n**User Story:** As a user, I want a thing.\n\n#### Acceptance Criteria\n\n1. WHEN asked THEN the system SHALL do it\n`);
        writeFileSync(path.join(dir, 'tasks.md'), `# Tasks\n\n- [${state}] 1. Do it\n  - _Requirements: 1.1_\n`);
      }
    },
  });
  await s.page.getByRole('list', { name: 'Spec list' }).getByRole('button').first().waitFor();
});

afterAll(async () => {
  await s?.close();
});

const panel = () => s.page.getByRole('region', { name: 'Specs' });
const specList = () => panel().getByRole('list', { name: 'Spec list' });
const editor = () => s.page.getByRole('region', { name: 'Editor' });
const outlineDocs = () => panel().getByRole('navigation', { name: 'Spec outline' }).getByRole('list', { name: 'Spec documents' }).locator('button.outline-doc');

describe('the spec panel', () => {
  it('groups the specs by format and folder', async () => {
    expect(await specGroupNames(s.page)).toEqual(['Kiro .kiro/specs', 'Spec Kit specs', 'OpenSpec changes openspec/changes', 'OpenSpec specs openspec/specs']);
    // Natural order of the folders: 2-… before 10-….
    await expect(specList().getByRole('list', { name: 'Kiro .kiro/specs' }).locator('button.spec').evaluateAll((b) => b.map((e) => e.getAttribute('title')))).resolves.toEqual([
      '.kiro/specs/2-finished',
      '.kiro/specs/10-later',
      '.kiro/specs/todo-cli',
    ]);
    await expect(specList().getByRole('list', { name: 'Spec Kit specs' }).locator('button.spec').allTextContents()).resolves.toEqual([expect.stringContaining('Note search')]);
  });

  it('shows each spec’s progress (done, total, in progress) and its diagnostics count', async () => {
    const kiro = specList().getByRole('button', { name: /todo-cli/ });
    await expect(kiro.getByLabel('1 of 8 tasks done, 1 in progress').count()).resolves.toBe(1);
    await expect(kiro.textContent()).resolves.toContain('1/8 · 1 in progress');
    const speckit = specList().locator('button.spec', { hasText: 'Note search' });
    await expect(speckit.getByLabel('1 of 3 tasks done, 0 in progress').count()).resolves.toBe(1);
    // The same figures as `specdeck check` (the sample's Spec Kit spec cites none of its requirements).
    const expected = diagnosticsPerSpec(s.workspace.path);
    const speckitProblems = expected.get('specs/001-note-search') ?? 0;
    expect(speckitProblems).toBeGreaterThan(0);
    expect(expected.get('.kiro/specs/todo-cli')).toBeUndefined();
    await expect.poll(() => specList().getByRole('button', { name: `${problemsLabel(speckitProblems)} in Note search: show them` }).count()).toBe(1);
    await expect(kiro.getByLabel('no problems').count()).resolves.toBe(1);
    // A row with a problems badge is as wide as one without: the selection fills the row and the
    // progress lines line up (the badge once took its width out of the row).
    const widths = await specList().locator('.spec-item').evaluateAll((items) =>
      items.map((li) => ({ row: li.getBoundingClientRect().width, spec: li.querySelector('button.spec')!.getBoundingClientRect().width, progress: li.querySelector('.spec-progress')!.getBoundingClientRect().width })),
    );
    expect(widths.length).toBeGreaterThan(1);
    for (const w of widths) expect(w.spec).toBe(w.row);
    expect(new Set(widths.map((w) => Math.round(w.progress))).size).toBe(1);
  });

  it('filters the specs as you type, and says so when nothing matches', async () => {
    const filter = panel().getByRole('searchbox', { name: 'Filter specs' });
    await filter.fill('export');
    await expect.poll(() => specList().locator('button.spec').count()).toBe(2);
    await filter.fill('spec kit');
    await expect.poll(() => specList().locator('button.spec').allTextContents()).toEqual([expect.stringContaining('Note search')]);
    await filter.fill('no-such-spec');
    await expect.poll(() => panel().textContent()).toContain('No spec matches “no-such-spec”');
    await panel().getByRole('button', { name: 'Clear the filter' }).click();
    await expect.poll(() => specList().locator('button.spec').count()).toBe(6);
  });

  it('opens a spec’s first document rendered in the centre, its documents listed in the outline', async () => {
    await specList().getByRole('button', { name: /todo-cli/ }).click();
    await expect.poll(() => outlineDocs().allTextContents()).toEqual(['Requirements', 'Design', 'Tasks']);
    await expect.poll(() => editor().getByRole('tab', { selected: true }).textContent()).toBe('requirements.md');
    const doc = editor().getByRole('article', { name: 'Requirements', exact: true });
    await expect.poll(() => doc.getByRole('heading', { name: 'Requirement 1: Add items' }).count()).toBe(1);
    await expect(doc.getByRole('listitem').filter({ hasText: 'IF the text is empty THEN the system SHALL refuse' }).count()).resolves.toBe(1);
    await expect(doc.locator('code', { hasText: 'todo add <text>' }).count()).resolves.toBe(1);
    // The outline lists the open document's requirements.
    await expect.poll(() => panel().getByRole('list', { name: 'Requirements in Requirements' }).getByRole('button').count()).toBeGreaterThan(0);

    await outlineDocs().filter({ hasText: 'Design' }).click();
    const design = editor().getByRole('article', { name: 'Design', exact: true });
    // The mermaid fence is drawn as a diagram (tests/e2e/mermaid.test.ts covers it in depth).
    await expect.poll(async () => (await design.locator('figure.mermaid-diagram[data-state="rendered"] svg').textContent()) ?? '', { timeout: 30_000 }).toMatch(/cli[\s\S]*store/);
    await expect(design.getByRole('table').getByRole('cell', { name: 'number' }).count()).resolves.toBe(1);
    // Sanitised and offline: no script ran, no remote image was requested.
    await expect(design.locator('script, img').count()).resolves.toBe(0);
    await expect(s.page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).resolves.toBeUndefined();
    // Documents open as the preview tab: clicking through a spec does not pile up tabs.
    await expect(editor().getByRole('tablist', { name: 'Open files' }).getByRole('tab').allTextContents()).resolves.toEqual(['design.md']);
  });

  it('anchors requirement IDs; a badge opens the source at the criterion’s line', async () => {
    await outlineDocs().filter({ hasText: 'Requirements' }).click();
    const doc = editor().getByRole('article', { name: 'Requirements', exact: true });
    await expect.poll(() => doc.locator('#req-1\\.2').count()).toBe(1);
    await doc.getByRole('button', { name: 'Open 1.2 in the editor (line 16)' }).click();
    await expect.poll(() => editor().getByRole('tab', { selected: true }).textContent()).toBe('requirements.md');
    await expect.poll(() => cursorLine(s.page)).toBe(16);
    await expect(doc.count()).resolves.toBe(0); // the source replaced the rendered view
  });

  it('switches rendered ↔ source with one key (Ctrl+Shift+V), and shows source beside preview', async () => {
    await expect.poll(() => editor().locator('.editor-frame:not([hidden])').count()).toBe(1);
    await s.page.keyboard.press('Control+Shift+V'); // from inside Monaco
    await expect.poll(() => editor().getByRole('article', { name: 'Requirements', exact: true }).count()).toBe(1);
    await expect.poll(() => editor().locator('.editor-frame:not([hidden])').count()).toBe(0);
    await editor().getByRole('article', { name: 'Requirements', exact: true }).click({ position: { x: 5, y: 5 } });
    await s.page.keyboard.press('Control+Shift+V'); // from the rendered view
    await expect.poll(() => editor().getByRole('article', { name: 'Requirements', exact: true }).count()).toBe(0);
    await editor().getByRole('button', { name: 'Open preview to the side' }).click();
    await expect.poll(() => editor().getByRole('article', { name: 'Preview of .kiro/specs/todo-cli/requirements.md' }).count()).toBe(1);
    await expect(editor().locator('.editor-frame:not([hidden])').count()).resolves.toBe(1);
    await editor().getByRole('button', { name: 'Hide preview' }).click();
  });

  it('shows the Spec Kit and OpenSpec documents under their own names, with their IDs anchored', async () => {
    await specList().locator('button.spec', { hasText: 'Note search' }).click();
    await expect.poll(() => outlineDocs().allTextContents()).toEqual(['Spec', 'Plan', 'Tasks']);
    await expect.poll(() => editor().getByRole('button', { name: /^Open FR-001 in the editor/ }).count()).toBe(1);

    await specList().getByRole('button', { name: /add-csv-export/ }).click();
    await expect.poll(() => outlineDocs().allTextContents()).toEqual(['Proposal', 'Delta: export', 'Tasks']);
    await outlineDocs().filter({ hasText: 'Delta: export' }).click();
    await expect.poll(() => editor().getByRole('button', { name: /^Open CSV export in the editor/ }).count()).toBe(1);
  });

  it('collapses a group, hides done specs, and resizes the list against the outline', async () => {
    const kiroToggle = specList().getByRole('button', { name: /^Kiro \.kiro\/specs/ });
    await kiroToggle.click();
    await expect.poll(() => specList().getByRole('button', { name: /todo-cli/ }).count()).toBe(0);
    await expect(specList().getByRole('button', { name: /^Kiro/ }).getAttribute('aria-expanded')).resolves.toBe('false');
    await specList().getByRole('button', { name: /^Kiro/ }).click();
    await expect.poll(() => specList().getByRole('button', { name: /todo-cli/ }).count()).toBe(1);

    // In progress at a glance: marked in the list and counted in the group's header.
    await expect(specList().getByRole('button', { name: /todo-cli/ }).getByLabel('in progress', { exact: true }).count()).resolves.toBe(1);
    await expect(specList().getByRole('button', { name: /^Kiro/ }).textContent()).resolves.toContain('3 · 1 in progress');
    await panel().getByRole('button', { name: 'Hide done' }).click();
    await expect(panel().getByRole('button', { name: 'Hide done' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(() => specList().locator('button.spec[title=".kiro/specs/2-finished"]').count()).toBe(0);
    await expect(specList().locator('button.spec').count()).resolves.toBe(5);
    await panel().getByRole('button', { name: 'Hide done' }).click();
    await expect.poll(() => specList().locator('button.spec').count()).toBe(6);

    const splitter = panel().getByRole('separator', { name: 'Resize the spec list' });
    const height = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await s.page.keyboard.press('ArrowUp');
    await s.page.keyboard.press('ArrowUp');
    await expect.poll(async () => Number(await splitter.getAttribute('aria-valuenow'))).toBe(height - 20);
  });

  it('keeps each group header on one line at a 300 px sidebar: the label truncates with an ellipsis and a tooltip', async () => {
    await expect.poll(() => panel().evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(300);
    const headers = specList().locator('h3.spec-group-title');
    const shapes = await headers.evaluateAll((hs) =>
      hs.map((h) => {
        const toggle = h.querySelector('button.group-toggle') as HTMLElement;
        const label = toggle.querySelector('.spec-group-label') as HTMLElement | null;
        return {
          text: toggle.textContent ?? '',
          height: toggle.getBoundingClientRect().height,
          lineHeight: parseFloat(getComputedStyle(toggle).lineHeight) || parseFloat(getComputedStyle(toggle).fontSize) * 1.4,
          title: toggle.getAttribute('title'),
          overflow: label ? getComputedStyle(label).textOverflow : '',
          whiteSpace: label ? getComputedStyle(label).whiteSpace : '',
          cut: label ? label.scrollWidth > label.clientWidth : false,
        };
      }),
    );
    expect(shapes.length).toBe(4);
    for (const shape of shapes) {
      // One line: a wrapped header is at least two line-heights tall.
      expect(shape.height, shape.text).toBeLessThan(shape.lineHeight * 1.6);
      expect(shape.overflow).toBe('ellipsis');
      expect(shape.whiteSpace).toBe('nowrap');
      expect(shape.title).toMatch(/^(Kiro|Spec Kit|OpenSpec) /);
    }
    // The longest header (the sample's OpenSpec changes) really is cut, and the tooltips say it all.
    expect(shapes.find((h) => h.text.includes('OpenSpec changes'))?.cut).toBe(true);
    await expect(specList().getByRole('button', { name: /^Kiro/ }).getAttribute('title')).resolves.toBe('Kiro .kiro/specs — 3 specs, 1 in progress');
    await expect(specList().getByRole('button', { name: /^OpenSpec changes/ }).getAttribute('title')).resolves.toBe('OpenSpec changes openspec/changes — 1 spec, 1 in progress');
  });

  it('raised no page error', () => {
    expect(s.errors).toEqual([]);
  });
});
