// End to end, issue 5 item 1: the spec panel (grouping by format and folder, progress, diagnostics,
// filter) and the selected spec's documents rendered from markdown, with requirement anchors and
// "open in editor" going to the line.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cursorLine, diagnosticsPerSpec, openWorkbench, problemsLabel, type WorkbenchSession } from '../support/workbench-session';

let s: WorkbenchSession;

beforeAll(async () => {
  s = await openWorkbench({
    prepare(root) {
      appendFileSync(
        path.join(root, '.kiro/specs/todo-cli/design.md'),
        '\n## Data\n\n| Field | Type |\n| --- | --- |\n| id | number |\n\n<script>window.__pwned = true</script>\n<img src="http://example.invalid/x.png" alt="remote">\n',
      );
    },
  });
  await s.page.getByRole('list', { name: 'Spec list' }).getByRole('button').first().waitFor();
});

afterAll(async () => {
  await s?.close();
});

const panel = () => s.page.getByRole('region', { name: 'Specs' });
const specList = () => panel().getByRole('list', { name: 'Spec list' });

describe('the spec panel', () => {
  it('groups the specs by format and folder', async () => {
    const headings = await specList().getByRole('heading').allTextContents();
    expect(headings).toEqual(['Kiro .kiro/specs', 'Spec Kit specs', 'OpenSpec changes openspec/changes', 'OpenSpec specs openspec/specs']);
    await expect(specList().getByRole('list', { name: 'Kiro .kiro/specs' }).getByRole('button').allTextContents()).resolves.toEqual([expect.stringContaining('todo-cli')]);
    await expect(specList().getByRole('list', { name: 'Spec Kit specs' }).getByRole('button').allTextContents()).resolves.toEqual([expect.stringContaining('Note search')]);
  });

  it('shows each spec’s progress (done, total, in progress) and its diagnostics count', async () => {
    const kiro = specList().getByRole('button', { name: /todo-cli/ });
    await expect(kiro.getByLabel('1 of 8 tasks done, 1 in progress').count()).resolves.toBe(1);
    await expect(kiro.textContent()).resolves.toContain('1/8 · 1 in progress');
    const speckit = specList().getByRole('button', { name: /Note search/ });
    await expect(speckit.getByLabel('1 of 3 tasks done, 0 in progress').count()).resolves.toBe(1);
    // The same figures as `specdeck check` (the sample's Spec Kit spec cites none of its requirements).
    const expected = diagnosticsPerSpec(s.workspace.path);
    const speckitProblems = expected.get('specs/001-note-search') ?? 0;
    expect(speckitProblems).toBeGreaterThan(0);
    expect(expected.get('.kiro/specs/todo-cli')).toBeUndefined();
    await expect.poll(() => speckit.getByLabel(problemsLabel(speckitProblems)).count()).toBe(1);
    await expect(kiro.getByLabel('no problems').count()).resolves.toBe(1);
  });

  it('filters the specs as you type, and says so when nothing matches', async () => {
    const filter = panel().getByRole('searchbox', { name: 'Filter specs' });
    await filter.fill('export');
    await expect.poll(() => specList().getByRole('button').count()).toBe(2);
    await filter.fill('spec kit');
    await expect.poll(() => specList().getByRole('button').allTextContents()).toEqual([expect.stringContaining('Note search')]);
    await filter.fill('no-such-spec');
    await expect.poll(() => panel().textContent()).toContain('No spec matches “no-such-spec”');
    await panel().getByRole('button', { name: 'Clear the filter' }).click();
    await expect.poll(() => specList().getByRole('button').count()).toBe(4);
  });

  it('shows the Kiro spec’s documents as Requirements / Design / Tasks tabs rendered from markdown', async () => {
    await specList().getByRole('button', { name: /todo-cli/ }).click();
    const tabs = panel().getByRole('tablist', { name: 'Spec documents' }).getByRole('tab');
    await expect.poll(() => tabs.allTextContents()).toEqual(['Requirements', 'Design', 'Tasks']);
    const doc = panel().getByRole('article', { name: 'Requirements' });
    await expect(doc.getByRole('heading', { name: 'Requirement 1: Add items' }).count()).resolves.toBe(1);
    await expect(doc.getByRole('listitem').filter({ hasText: 'IF the text is empty THEN the system SHALL refuse' }).count()).resolves.toBe(1);
    await expect(doc.locator('code', { hasText: 'todo add <text>' }).count()).resolves.toBe(1);

    await tabs.filter({ hasText: 'Design' }).click();
    const design = panel().getByRole('article', { name: 'Design' });
    // The mermaid fence is drawn as a diagram (tests/e2e/mermaid.test.ts covers it in depth).
    await expect.poll(async () => (await design.locator('figure.mermaid-diagram[data-state="rendered"] svg').textContent()) ?? '', { timeout: 30_000 }).toMatch(/cli[\s\S]*store/);
    await expect(design.getByRole('table').getByRole('cell', { name: 'number' }).count()).resolves.toBe(1);
    // Sanitised and offline: no script ran, no remote image was requested.
    await expect(design.locator('script, img').count()).resolves.toBe(0);
    await expect(s.page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).resolves.toBeUndefined();
  });

  it('anchors requirement IDs; a badge opens the editor at the criterion’s line', async () => {
    await panel().getByRole('tab', { name: 'Requirements' }).click();
    const doc = panel().getByRole('article', { name: 'Requirements' });
    await expect(doc.locator('#req-1\\.2').count()).resolves.toBe(1);
    await doc.getByRole('button', { name: 'Open 1.2 in the editor (line 16)' }).click();
    const editor = s.page.getByRole('region', { name: 'Editor' });
    await expect.poll(() => editor.getByRole('tab', { selected: true }).textContent()).toBe('requirements.md');
    await expect.poll(() => cursorLine(s.page)).toBe(16);
  });

  it('shows the Spec Kit and OpenSpec documents under their own names, with their IDs anchored', async () => {
    await specList().getByRole('button', { name: /Note search/ }).click();
    const tabs = panel().getByRole('tablist', { name: 'Spec documents' }).getByRole('tab');
    await expect.poll(() => tabs.allTextContents()).toEqual(['Spec', 'Plan', 'Tasks']);
    await expect.poll(() => panel().getByRole('button', { name: /^Open FR-001 in the editor/ }).count()).toBe(1);

    await specList().getByRole('button', { name: /add-csv-export/ }).click();
    await expect.poll(() => tabs.allTextContents()).toEqual(['Proposal', 'Delta: export', 'Tasks']);
    await tabs.filter({ hasText: 'Delta: export' }).click();
    await expect.poll(() => panel().getByRole('button', { name: /^Open CSV export in the editor/ }).count()).toBe(1);
  });

  it('opens the whole document in the editor from the document toolbar', async () => {
    await panel().getByRole('tab', { name: 'Proposal' }).click();
    await panel().getByRole('button', { name: 'Open in editor' }).click();
    await expect.poll(() => s.page.getByRole('region', { name: 'Editor' }).getByRole('tab', { selected: true }).textContent()).toBe('proposal.md');
  });

  it('raised no page error', () => {
    expect(s.errors).toEqual([]);
  });
});
