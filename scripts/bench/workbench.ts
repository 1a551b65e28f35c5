// Workbench bench (issue 5): Playwright drives the built renderer in Chromium against
// `specdeck serve` on a temporary copy of the sample project plus a 5,000-task Kiro spec.
// Prints: navigation → painted workbench and → interactive editor (cold, then warm starts),
// tick → UI and tick → disk latency, time to render the 5,000-task list, long tasks (> 50 ms)
// while scrolling it, and the renderer's JS heap. Compares with the issue's targets; asserts nothing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../tests/support/browser';
import { serve } from '../../tests/support/cli-process';
import { copyOfSampleProject } from '../../tests/support/temp-workspace';
import { bigTasksFile } from '../../tests/support/workbench-session';

const WARM_RUNS = 5;
const TICKS = 20;
/** The first ticks warm up the server's code paths; they are not counted. */
const WARM_UP_TICKS = 2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
}
const ms = (n: number) => `${n.toFixed(0)} ms`;
function line(label: string, value: string, target?: string) {
  console.log(`${label.padEnd(50)} ${value.padStart(22)}${target ? `   (target ${target})` : ''}`);
}

/** Navigation start → the renderer's user-timing marks (see renderer/src/perf-marks.ts). */
async function startTimes(page: Page, url: string): Promise<{ painted: number; editor: number; fcp: number }> {
  await page.goto(url);
  await page.waitForFunction(
    () => performance.getEntriesByName('specdeck:workbench-painted').length > 0 && performance.getEntriesByName('specdeck:editor-interactive').length > 0,
    undefined,
    { timeout: 30_000 },
  );
  return page.evaluate(() => ({
    painted: performance.getEntriesByName('specdeck:workbench-painted')[0]!.startTime,
    editor: performance.getEntriesByName('specdeck:editor-interactive')[0]!.startTime,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  }));
}

async function main() {
  const workspace = copyOfSampleProject();
  const bigDir = path.join(workspace.path, '.kiro/specs/big-plan');
  mkdirSync(bigDir, { recursive: true });
  writeFileSync(path.join(bigDir, 'requirements.md'), '# Requirements\n\n### Requirement 1: Big\n\n#### Acceptance Criteria\n\n1. WHEN asked THEN the system SHALL answer\n');
  writeFileSync(path.join(bigDir, 'tasks.md'), bigTasksFile(5000));
  const host = await serve(workspace.path);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 820 } });
    // tsx (esbuild) wraps named functions in __name(); the functions we evaluate in the page need it too.
    await context.addInitScript('window.__name = (f) => f;');
    const page = await context.newPage();
    // Cold: first load. Open a file and the small spec so that later starts restore an editor tab.
    await page.goto(host.url);
    await page.waitForFunction(() => performance.getEntriesByName('specdeck:workbench-painted').length > 0, undefined, { timeout: 30_000 });
    const coldPainted = await page.evaluate(() => performance.getEntriesByName('specdeck:workbench-painted')[0]!.startTime);
    await page.getByRole('list', { name: 'Spec list' }).getByRole('button', { name: /todo-cli/ }).click();
    await page.getByRole('region', { name: 'Tasks' }).getByRole('checkbox').first().waitFor();
    await page.keyboard.press('Control+p');
    await page.getByRole('combobox', { name: 'File name' }).fill('src/store.ts');
    await page.getByRole('listbox', { name: 'Matching files' }).getByRole('option', { name: 'src/store.ts' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-frame .monaco-editor').waitFor();
    await page.waitForTimeout(500); // the UI state is saved a moment after it changes

    const first = await startTimes(page, host.url);
    const warm: { painted: number; editor: number; fcp: number }[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await startTimes(page, host.url));

    console.log(`Workbench bench — Chromium ${browser.version()}, ${WARM_RUNS} warm starts, sample project + a 5,000-task spec\n`);
    line('first contentful paint (warm, median)', ms(median(warm.map((w) => w.fcp))));
    line('navigation → painted workbench (cold: new browser)', ms(coldPainted));
    line('navigation → painted workbench (1st reload)', ms(first.painted));
    line('navigation → painted workbench (warm, median)', ms(median(warm.map((w) => w.painted))), '≤ 800 ms');
    line('navigation → interactive editor (1st reload)', ms(first.editor));
    line('navigation → interactive editor (warm, median)', ms(median(warm.map((w) => w.editor))), '≤ 1,200 ms');

    // Tick → UI (aria-checked changes) and tick → disk (tasks.md changes), timed on one clock.
    const tasksFile = path.join(workspace.path, '.kiro/specs/todo-cli/tasks.md');
    const uiTimes: number[] = [];
    const diskTimes: number[] = [];
    for (let i = 0; i < TICKS + WARM_UP_TICKS; i++) {
      const before = readFileSync(tasksFile, 'utf8');
      const box = page.getByRole('region', { name: 'Tasks' }).getByRole('checkbox', { name: /^2\.1 Create data models/ });
      const uiDone = box.evaluate(
        (el) =>
          new Promise<{ clickedAt: number; uiAt: number }>((resolve) => {
            const was = el.getAttribute('aria-checked');
            const clickedAt = performance.timeOrigin + performance.now();
            const observer = new MutationObserver(() => {
              const now = document.querySelector(`[aria-label="${el.getAttribute('aria-label')}"]`);
              if (now && now.getAttribute('aria-checked') !== was) {
                observer.disconnect();
                resolve({ clickedAt, uiAt: performance.timeOrigin + performance.now() });
              }
            });
            observer.observe(document.querySelector('.task-list')!, { attributes: true, subtree: true, childList: true });
            (el as HTMLElement).click();
          }),
      );
      let diskAt = 0;
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        if (readFileSync(tasksFile, 'utf8') !== before) {
          diskAt = performance.timeOrigin + performance.now();
          break;
        }
        await new Promise((r) => setImmediate(r));
      }
      const { clickedAt, uiAt } = await uiDone;
      if (i >= WARM_UP_TICKS) {
        uiTimes.push(uiAt - clickedAt);
        diskTimes.push(diskAt - clickedAt);
      }
      // Let the write's answer (the new hash) reach the store before the next tick: not timed.
      await page.waitForTimeout(150);
    }
    line(`tick → UI updated (median / p95 of ${TICKS})`, `${ms(median(uiTimes))} / ${ms(p95(uiTimes))}`, '≤ 50 ms');
    line(`tick → tasks.md on disk (median / p95 of ${TICKS})`, `${ms(median(diskTimes))} / ${ms(p95(diskTimes))}`, '≤ 50 ms');

    // The 5,000-task list: time to render it, then long tasks while scrolling it.
    const renderMs = await page.evaluate(async () => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('.spec-list button')].find((b) => b.textContent?.includes('big-plan'))!;
      const t0 = performance.now();
      button.click();
      await new Promise<void>((resolve) => {
        const check = () => (document.querySelector('[role="checkbox"][aria-label^="1 Group 1"]') ? resolve() : requestAnimationFrame(check));
        check();
      });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    });
    line('select spec → 5,000-task list painted', ms(renderMs));
    const scroll = await page.evaluate(async () => {
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      const scroller = document.querySelector<HTMLElement>('[data-testid="task-scroller"]')!;
      const frames: number[] = [];
      let last = performance.now();
      // Down to the end and back, 400 px per frame (a fast fling), as a user's wheel would.
      for (const direction of [1, -1]) {
        for (let i = 0; i < 400 && (direction > 0 ? scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1 : scroller.scrollTop > 0); i++) {
          scroller.scrollTop += direction * 400;
          await new Promise((r) => requestAnimationFrame(r));
          const now = performance.now();
          frames.push(now - last);
          last = now;
        }
      }
      await new Promise((r) => setTimeout(r, 100));
      observer.disconnect();
      return { longTasks, frames: frames.length, worstFrame: Math.max(...frames), rendered: document.querySelectorAll('.task-list [role="checkbox"]').length };
    });
    line('scrolling 5,000 tasks: frames', String(scroll.frames));
    line('scrolling 5,000 tasks: long tasks > 50 ms', `${scroll.longTasks.length}${scroll.longTasks.length ? ` (max ${ms(Math.max(...scroll.longTasks))})` : ''}`, '0');
    line('scrolling 5,000 tasks: worst frame', ms(scroll.worstFrame));
    line('rows in the DOM (virtualised)', String(scroll.rendered));

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    line('renderer JS heap after GC (used / total)', `${(heap.usedSize / 1048576).toFixed(1)} / ${(heap.totalSize / 1048576).toFixed(1)} MB`);
  } finally {
    await browser.close();
    await host.stop();
    workspace.remove();
  }
}

await main();
