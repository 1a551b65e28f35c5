// Workbench 2 bench (issue 14): Playwright drives the built renderer in Chromium against
// `specdeck serve`. Prints, each beside a reference run made here on the bundled sample project:
//  - navigation → painted workbench on a 66-spec, 2,000-file repository (ArmouredSouls' real Kiro
//    specs from the corpus, padded with source files), warm (median of reloads, back to back and
//    settled: see paintedTimes);
//  - 10,000 diagnostics → Problems view painted (Ctrl+Shift+M to the first rows on screen): the
//    first open (it reads the diagnostics from the backend) and later opens (median).
//  - a 500-line design.md with 5 Mermaid diagrams (scripts/bench/workbench2/mermaid-doc.ts) opened
//    from the spec outline → its diagrams painted (SVG in the page): the first open (loads mermaid),
//    then warm opens of new variants (mermaid loaded, each diagram laid out anew; median), and a
//    reopen (the rendered-SVG cache). Reference: the same document with the diagrams as plain code.
// Asserts nothing.
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tests/support/browser';
import { serve } from '../../tests/support/cli-process';
import { corpusDir } from '../../tests/support/corpus-dir';
import { copyOfSampleProject, type TempDir } from '../../tests/support/temp-workspace';
import { percentile } from './index/measure';
import { DIAGRAMS, mermaidDesign } from './workbench2/mermaid-doc';

const WARM_RUNS = 5;
const ARMOURED = path.join(corpusDir, 'kiro/RobertTeunissen__ArmouredSouls');

const median = (v: number[]) => percentile(v, 50);
const ms = (n: number) => `${n.toFixed(0)} ms`;
function line(label: string, value: string, reference: string, target?: string) {
  console.log(`${label.padEnd(52)} ${value.padStart(8)}   reference ${reference}${target ? `   (target ${target})` : ''}`);
}

function countFiles(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
  return n;
}

/** The sample project plus ArmouredSouls' specs, padded with small source files to 2,000 files. */
function bigRepository(): { ws: TempDir; files: number } {
  const ws = copyOfSampleProject();
  cpSync(path.join(ARMOURED, '.kiro'), path.join(ws.path, '.kiro'), { recursive: true });
  let files = countFiles(ws.path);
  for (let i = 0; files < 2000; i++, files++) {
    const dir = path.join(ws.path, 'src', `module-${Math.floor(i / 50)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `file-${i}.ts`), `// generated for the bench\nexport const value${i} = ${i};\n`);
  }
  return { ws, files };
}

/** A Kiro spec whose 10,000 tasks each cite a requirement that does not exist: 10,000 warnings. */
function manyDiagnostics(ws: TempDir): void {
  const dir = path.join(ws.path, '.kiro/specs/many-problems');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'requirements.md'), '# Requirements\n\n### Requirement 1: One\n\n#### Acceptance Criteria\n\n1. WHEN asked THEN the system SHALL answer\n');
  const lines = ['# Tasks', ''];
  for (let i = 1; i <= 10_000; i++) lines.push(`- [ ] ${i}. Task ${i}`, `  - _Requirements: 1.1, 99.${i}_`);
  writeFileSync(path.join(dir, 'tasks.md'), lines.join('\n') + '\n');
}

/**
 * Every API call the page has made that has not been answered yet (by the frames on its socket):
 * after the workbench paints, the page asks for the selected spec's trace and evidence, which take
 * the backend a while on a big repository.
 */
function pendingCalls(page: Page): () => number {
  const pending = new Set<number>();
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => {
      const m = /^\{"type":"call","id":(\d+)/.exec(String(f.payload));
      if (m) pending.add(Number(m[1]));
    });
    ws.on('framereceived', (f) => {
      const m = /^\{"type":"result","id":(\d+)/.exec(String(f.payload));
      if (m) pending.delete(Number(m[1]));
    });
    ws.on('close', () => pending.clear());
  });
  return () => pending.size;
}

/**
 * Navigation → painted workbench: cold (first load), then warm reloads two ways: back to back (each
 * reload as soon as the last painted, while the backend still answers that page's trace and
 * evidence calls), and settled (each reload once every call of the last page was answered: a warm
 * start as a user meets it).
 */
async function paintedTimes(browser: Browser, url: string): Promise<{ cold: number; warm: number; settled: number; specs: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 820 } });
  await context.addInitScript('window.__name = (f) => f;');
  const page = await context.newPage();
  const pending = pendingCalls(page);
  const once = async () => {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('specdeck:workbench-painted').length > 0, undefined, { timeout: 60_000 });
    return page.evaluate(() => performance.getEntriesByName('specdeck:workbench-painted')[0]!.startTime);
  };
  const settle = async () => {
    const until = Date.now() + 60_000;
    while (pending() > 0 && Date.now() < until) await page.waitForTimeout(50);
  };
  const cold = await once();
  // Warm runs time the workbench, not the first indexing of the workspace.
  await page.getByRole('contentinfo').getByText(/files indexed/).waitFor({ timeout: 120_000 });
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await once());
  const settled: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    await settle();
    settled.push(await once());
  }
  const specs = await page.locator('.spec-list button.spec').count();
  await context.close();
  return { cold, warm: median(warm), settled: median(settled), specs };
}

/** Ctrl+Shift+M → the Problems view's first rows painted (rAF, then a task), with its count. */
async function problemsPainted(page: Page): Promise<{ ms: number; shown: string }> {
  await page.getByRole('contentinfo').waitFor();
  const result = await page.evaluate(async () => {
    const t0 = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'M', code: 'KeyM', ctrlKey: true, shiftKey: true, bubbles: true }));
    await new Promise<void>((resolve) => {
      const check = () => (document.querySelector('.problems-list button.problem') ? resolve() : requestAnimationFrame(check));
      check();
    });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { ms: performance.now() - t0, shown: document.querySelector('.problems-shown')?.textContent ?? '' };
  });
  return result;
}

async function problemsRun(browser: Browser, url: string, wantAtLeast: number): Promise<{ first: number; warm: number; shown: string }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 820 } });
  await context.addInitScript('window.__name = (f) => f;');
  const page = await context.newPage();
  await page.goto(url);
  // Wait until the diagnostics are loaded (the status bar counts them), so the view's paint is timed, not the backend.
  await page.waitForFunction((n) => Number((document.querySelector('[data-testid="diagnostics-count"]')?.textContent ?? '0').replace(/\D/g, '')) >= n, wantAtLeast, { timeout: 120_000 });
  // First open: includes reading every diagnostic from the backend (specs.diagnostics).
  const first = await problemsPainted(page);
  await page.keyboard.press('Control+Shift+M'); // closed again
  await page.waitForFunction(() => !document.querySelector('.problems-list'));
  const again: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    again.push((await problemsPainted(page)).ms);
    await page.keyboard.press('Control+Shift+M');
    await page.waitForFunction(() => !document.querySelector('.problems-list'));
  }
  await context.close();
  return { first: first.ms, warm: median(again), shown: first.shown };
}

const KIRO_REQUIREMENTS = '# Requirements\n\n### Requirement 1: One\n\n#### Acceptance Criteria\n\n1. WHEN asked THEN the system SHALL answer\n';

/** Kiro specs `bench-design-0…WARM_RUNS` (each a variant of the design with diagrams) and `bench-design-plain`. */
function designSpecs(ws: TempDir): void {
  const write = (name: string, design: string) => {
    const dir = path.join(ws.path, '.kiro/specs', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'requirements.md'), KIRO_REQUIREMENTS);
    writeFileSync(path.join(dir, 'design.md'), design);
    writeFileSync(path.join(dir, 'tasks.md'), '# Tasks\n\n- [ ] 1. Build it\n  - _Requirements: 1.1_\n');
  };
  const specsDir = path.join(ARMOURED, '.kiro/specs');
  for (let v = 0; v <= WARM_RUNS; v++) write(`bench-design-${v}`, mermaidDesign(specsDir, v, true));
  write('bench-design-plain', mermaidDesign(specsDir, 0, false));
}

interface DesignPaint {
  /** Click on "Design" → every diagram within the viewport painted (for the plain document: the article painted). */
  inView: number;
  /** → all the document's diagrams painted. */
  all: number;
  failed: string[];
}

/** Selects the spec, then times a click on its outline's Design entry to the diagrams painted. */
async function designPainted(page: Page, spec: string, diagrams: number): Promise<DesignPaint> {
  await page.getByRole('region', { name: 'Specs' }).locator('button.spec', { hasText: spec }).click();
  const design = page.getByRole('navigation', { name: 'Spec outline' }).getByRole('button', { name: 'Design', exact: true });
  await design.waitFor();
  const handle = await design.elementHandle();
  return page.evaluate(
    async ({ button, diagrams }) => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const until = (done: () => boolean) => new Promise<void>((resolve) => {
        const check = () => (done() ? resolve() : requestAnimationFrame(check));
        check();
      });
      const article = () => document.querySelector('[role="region"][aria-label="Editor"] article.markdown[aria-label="Design"]');
      const onScreen = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
      };
      const t0 = performance.now();
      (button as HTMLElement).click();
      await until(() => {
        const a = article();
        if (!a || !a.textContent) return false;
        const figures = [...a.querySelectorAll('figure.mermaid-diagram')].filter(onScreen);
        return diagrams === 0 ? true : figures.length > 0 && figures.every((f) => f.querySelector('svg'));
      });
      await frame();
      const inView = performance.now() - t0;
      // A diagram that fails shows its source instead: counted as done, and reported.
      await until(() => (article()?.querySelectorAll('figure.mermaid-diagram svg, figure.mermaid-failed').length ?? 0) >= diagrams);
      await frame();
      const all = performance.now() - t0;
      const failed = [...(article()?.querySelectorAll('figure.mermaid-failed .mermaid-error') ?? [])].map((e) => e.textContent ?? '');
      return { inView, all, failed };
    },
    { button: handle!, diagrams },
  );
}

async function mermaidRun(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 820 } });
  await context.addInitScript('window.__name = (f) => f;');
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('contentinfo').waitFor();
  const plain: DesignPaint[] = [];
  for (let i = 0; i < 3; i++) plain.push(await designPainted(page, 'bench-design-plain', 0));
  const first = await designPainted(page, 'bench-design-0', DIAGRAMS);
  const warm: DesignPaint[] = [];
  for (let v = 1; v <= WARM_RUNS; v++) warm.push(await designPainted(page, `bench-design-${v}`, DIAGRAMS));
  const reopen = await designPainted(page, 'bench-design-1', DIAGRAMS);
  await context.close();
  const failed = [first, ...warm, reopen].flatMap((p) => p.failed);
  if (failed.length > 0) throw new Error(`diagrams failed to render, the figures would be wrong: ${failed.join('; ')}`);
  return {
    plain: median(plain.map((p) => p.all)),
    first,
    warmInView: median(warm.map((w) => w.inView)),
    warmAll: median(warm.map((w) => w.all)),
    reopen,
  };
}

/** SPECDECK_BENCH_ONLY=paint,problems,mermaid runs only those parts (while iterating). */
const ONLY = (process.env.SPECDECK_BENCH_ONLY ?? 'paint,problems,mermaid').split(',');

async function main() {
  if (!existsSync(ARMOURED)) throw new Error(`the corpus is missing: ${ARMOURED} (set SPECDECK_CORPUS_DIR)`);
  const sample = copyOfSampleProject();
  const big = bigRepository();
  const many = copyOfSampleProject();
  manyDiagnostics(many);
  const designs = copyOfSampleProject();
  designSpecs(designs);
  // Each part starts the hosts it uses and stops them after: an idle host still indexing its
  // workspace (the 10,000-task spec) would load the machine while another part is timed.
  const running: { stop(): Promise<void> }[] = [];
  const hostsFor = async (...folders: string[]) => {
    const started = await Promise.all(folders.map((f) => serve(f)));
    running.push(...started);
    return started;
  };
  const stopAll = async () => {
    await Promise.all(running.splice(0).map((h) => h.stop()));
  };
  const browser = await launchChromium();
  try {
    console.log(`Workbench 2 bench — Chromium ${browser.version()}, ${WARM_RUNS} warm reloads; reference: the bundled sample project (4 specs, ${countFiles(sample.path)} files)\n`);
    if (ONLY.includes('paint')) {
      const [sampleHost, bigHost] = await hostsFor(sample.path, big.ws.path);
      const ref = await paintedTimes(browser, sampleHost!.url);
      const repo = await paintedTimes(browser, bigHost!.url);
      await stopAll();
      line(`workbench painted, ${repo.specs} specs / ${big.files} files (cold)`, ms(repo.cold), `${ms(ref.cold)} (sample, cold)`);
      line(`workbench painted, ${repo.specs} specs / ${big.files} files (warm, back to back)`, ms(repo.warm), `${ms(ref.warm)} (sample, back to back)`);
      line(`workbench painted, ${repo.specs} specs / ${big.files} files (warm, settled)`, ms(repo.settled), `${ms(ref.settled)} (sample, settled)`, '≤ 800 ms');
    }
    if (ONLY.includes('problems')) {
      const [sampleHost, manyHost] = await hostsFor(sample.path, many.path);
      const refProblems = await problemsRun(browser, sampleHost!.url, 1);
      const manyProblems = await problemsRun(browser, manyHost!.url, 10_000);
      await stopAll();
      line(`Ctrl+Shift+M → Problems painted, first (${manyProblems.shown})`, ms(manyProblems.first), `${ms(refProblems.first)} (sample: ${refProblems.shown})`);
      line(`Ctrl+Shift+M → Problems painted, again (median)`, ms(manyProblems.warm), `${ms(refProblems.warm)} (sample)`, '≤ 200 ms');
    }
    if (ONLY.includes('mermaid')) {
      const [designsHost] = await hostsFor(designs.path);
      const m = await mermaidRun(browser, designsHost!.url);
      await stopAll();
      const plain = `${ms(m.plain)} (same design.md, diagrams as code)`;
      line(`design.md, ${DIAGRAMS} Mermaid → all painted (first: loads mermaid)`, ms(m.first.all), plain);
      line(`design.md, ${DIAGRAMS} Mermaid → on-screen painted (warm, median)`, ms(m.warmInView), plain);
      line(`design.md, ${DIAGRAMS} Mermaid → all painted (warm, median)`, ms(m.warmAll), plain, '≤ 300 ms');
      line(`design.md, ${DIAGRAMS} Mermaid → all painted (reopen, SVG cached)`, ms(m.reopen.all), plain);
    }
    console.log(`\nload average: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    await browser.close();
    await stopAll();
    for (const ws of [sample, big.ws, many, designs]) ws.remove();
  }
}

await main();
