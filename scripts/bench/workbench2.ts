// Workbench 2 bench (issue 14): Playwright drives the built renderer in Chromium against
// `specdeck serve`. Prints, each beside a reference run made here on the bundled sample project:
//  - navigation → painted workbench on a 66-spec, 2,000-file repository (ArmouredSouls' real Kiro
//    specs from the corpus, padded with source files), warm (median of reloads);
//  - 10,000 diagnostics → Problems view painted (Ctrl+Shift+M to the first rows on screen): the
//    first open (it reads the diagnostics from the backend) and later opens (median).
// Asserts nothing.
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tests/support/browser';
import { serve } from '../../tests/support/cli-process';
import { corpusDir } from '../../tests/support/corpus-dir';
import { copyOfSampleProject, type TempDir } from '../../tests/support/temp-workspace';
import { percentile } from './index/measure';

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

async function paintedTimes(browser: Browser, url: string): Promise<{ cold: number; warm: number; specs: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 820 } });
  await context.addInitScript('window.__name = (f) => f;');
  const page = await context.newPage();
  const once = async () => {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('specdeck:workbench-painted').length > 0, undefined, { timeout: 60_000 });
    return page.evaluate(() => performance.getEntriesByName('specdeck:workbench-painted')[0]!.startTime);
  };
  const cold = await once();
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await once());
  const specs = await page.locator('.spec-list button.spec').count();
  await context.close();
  return { cold, warm: median(warm), specs };
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

async function main() {
  if (!existsSync(ARMOURED)) throw new Error(`the corpus is missing: ${ARMOURED} (set SPECDECK_CORPUS_DIR)`);
  const sample = copyOfSampleProject();
  const big = bigRepository();
  const many = copyOfSampleProject();
  manyDiagnostics(many);
  const hosts = await Promise.all([serve(sample.path), serve(big.ws.path), serve(many.path)]);
  const browser = await launchChromium();
  try {
    console.log(`Workbench 2 bench — Chromium ${browser.version()}, ${WARM_RUNS} warm reloads; reference: the bundled sample project (4 specs, ${countFiles(sample.path)} files)\n`);
    const ref = await paintedTimes(browser, hosts[0].url);
    const repo = await paintedTimes(browser, hosts[1].url);
    line(`workbench painted, ${repo.specs} specs / ${big.files} files (cold)`, ms(repo.cold), `${ms(ref.cold)} (sample, cold)`);
    line(`workbench painted, ${repo.specs} specs / ${big.files} files (warm, median)`, ms(repo.warm), `${ms(ref.warm)} (sample, warm)`, '≤ 800 ms');
    const refProblems = await problemsRun(browser, hosts[0].url, 1);
    const manyProblems = await problemsRun(browser, hosts[2].url, 10_000);
    line(`Ctrl+Shift+M → Problems painted, first (${manyProblems.shown})`, ms(manyProblems.first), `${ms(refProblems.first)} (sample: ${refProblems.shown})`);
    line(`Ctrl+Shift+M → Problems painted, again (median)`, ms(manyProblems.warm), `${ms(refProblems.warm)} (sample)`, '≤ 200 ms');
  } finally {
    await browser.close();
    await Promise.all(hosts.map((h) => h.stop()));
    sample.remove();
    big.ws.remove();
    many.remove();
  }
}

await main();
