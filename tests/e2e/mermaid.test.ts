// End to end, issue 14 item 6: Mermaid diagrams rendered offline in spec documents and the markdown
// preview — bundled and lazy-loaded, no network request, allowed by the CSP; a diagram that fails
// shows its source and the error; 300 diagrams in one file render only near the viewport.
import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, type WorkbenchSession } from '../support/workbench-session';

let s: WorkbenchSession;
const foreignRequests: string[] = [];

const fence = (body: string) => '```mermaid\n' + body + '\n```\n';

beforeAll(async () => {
  s = await openWorkbench({
    prepare(root) {
      writeFileSync(
        path.join(root, 'diagrams.md'),
        [
          '# Diagrams\n',
          fence('graph LR\n  cli[Command line] --> store[(Store)]\n  store --> disk'),
          fence('sequenceDiagram\n  User->>CLI: add "milk"\n  CLI->>Store: save'),
          fence('graph LR\n  a -->'), // does not parse
          fence('graph TD\n' + Array.from({ length: 6000 }, (_, i) => `  n${i} --> n${i + 1}`).join('\n')), // over the size limit
        ].join('\n'),
      );
      // Three diagrams, the last two screens away from the first.
      const prose = Array.from({ length: 120 }, (_, i) => `Paragraph ${i} of the design.\n`).join('\n');
      writeFileSync(path.join(root, 'far.md'), ['# Far\n', fence('graph LR\n  near --> top'), prose, fence('graph LR\n  far --> middle'), prose, fence('graph LR\n  farthest --> bottom')].join('\n'));
      writeFileSync(path.join(root, 'many.md'), '# Many\n\n' + Array.from({ length: 300 }, (_, i) => `## D${i}\n\n` + fence(`graph LR\n  a${i} --> b${i}`)).join('\n'));
    },
  });
  s.page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.host !== new URL(s.host.url).host && url.protocol !== 'data:' && url.protocol !== 'blob:') foreignRequests.push(r.url());
  });
  await s.page.getByRole('contentinfo').getByText(/files indexed/).waitFor();
});

afterAll(async () => {
  await s?.close();
});

const editor = () => s.page.getByRole('region', { name: 'Editor' });

async function openPreview(file: string) {
  await s.page.keyboard.press('Control+p');
  await s.page.getByRole('combobox', { name: 'File name' }).fill(file);
  await expect.poll(() => s.page.getByRole('listbox', { name: 'Matching files' }).getByRole('option').first().textContent()).toBe(file);
  await s.page.keyboard.press('Enter');
  await editor().getByRole('button', { name: 'Open preview to the side' }).click();
  return editor().getByRole('article', { name: `Preview of ${file}` });
}

describe('Mermaid diagrams', () => {
  it('renders diagrams as SVG in the markdown preview, with no request to any other origin and no CSP error', async () => {
    const preview = await openPreview('diagrams.md');
    const diagrams = preview.getByRole('img', { name: /^Diagram \d+$/ });
    await expect.poll(() => preview.locator('figure.mermaid-diagram[data-state="rendered"] svg').count(), { timeout: 30_000 }).toBe(2);
    await expect(diagrams.count()).resolves.toBe(2);
    // The labels are the diagram's own text.
    await expect.poll(async () => (await preview.locator('figure.mermaid-diagram svg').first().textContent()) ?? '').toContain('Command line');
    expect(foreignRequests).toEqual([]);
    expect(s.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });

  it('shows the source and the error for a diagram that does not parse, and for one too large', async () => {
    const preview = editor().getByRole('article', { name: 'Preview of diagrams.md' });
    const failed = preview.locator('figure.mermaid-failed');
    await expect.poll(() => failed.count(), { timeout: 30_000 }).toBe(2);
    await expect(failed.nth(0).locator('.mermaid-error').textContent()).resolves.toMatch(/could not be rendered/);
    await expect(failed.nth(0).locator('pre code').textContent()).resolves.toBe('graph LR\n  a -->\n');
    await expect(failed.nth(1).locator('.mermaid-error').textContent()).resolves.toMatch(/too large to render/);
    // mermaid leaves no error drawing behind in the page.
    await expect(s.page.locator('body > [id^="dspecdeck-mermaid"]').count()).resolves.toBe(0);
  });

  it('has no serious or critical axe violation with diagrams shown', async () => {
    const results = await new AxeBuilder({ page: s.page }).include('article.markdown').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  it('renders diagrams in a spec document (the Kiro design)', async () => {
    await s.page.getByRole('tab', { name: 'Specs' }).click();
    await s.page.getByRole('region', { name: 'Specs' }).locator('button.spec', { hasText: 'todo-cli' }).click();
    // Spec documents open rendered in the centre (issue 14).
    await s.page.getByRole('navigation', { name: 'Spec outline' }).getByRole('button', { name: 'Design', exact: true }).click();
    const design = editor().getByRole('article', { name: 'Design', exact: true });
    await expect.poll(() => design.locator('figure.mermaid-diagram[data-state="rendered"] svg').count(), { timeout: 30_000 }).toBe(1);
  });

  it('renders the off-screen diagrams of a file with a few too, after the visible one, without scrolling', async () => {
    const preview = await openPreview('far.md');
    const figures = preview.locator('figure.mermaid-diagram');
    await expect.poll(() => figures.count()).toBe(3);
    await expect.poll(() => preview.locator('figure.mermaid-diagram[data-state="rendered"] svg').count(), { timeout: 30_000 }).toBe(3);
    // They really were off screen: the last one lies below the viewport and nothing scrolled.
    const box = await figures.last().boundingBox();
    expect(box!.y).toBeGreaterThan(820);
    await expect(figures.last().locator('svg').textContent()).resolves.toContain('farthest');
  });

  it('renders only the diagrams near the viewport of a file with 300, and the editor keeps answering', async () => {
    const preview = await openPreview('many.md');
    const rendered = preview.locator('figure.mermaid-diagram[data-state="rendered"]');
    await expect.poll(() => rendered.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => preview.locator('figure.mermaid-diagram').count()).toBe(300);
    // The rest wait until they are scrolled to.
    expect(await rendered.count()).toBeLessThan(300);
    const before = await rendered.count();
    await preview.evaluate((el) => {
      let box: HTMLElement | null = el as HTMLElement;
      while (box && !(box.scrollHeight > box.clientHeight)) box = box.parentElement;
      if (box) box.scrollTop = box.scrollHeight;
    });
    await expect.poll(() => preview.locator('figure.mermaid-diagram').last().getAttribute('data-state'), { timeout: 30_000 }).toBe('rendered');
    expect(await rendered.count()).toBeGreaterThan(before);
  });
});
