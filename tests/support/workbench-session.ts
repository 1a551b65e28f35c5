// One end-to-end session for the workbench tests: a temporary git repository holding a Kiro, a
// Spec Kit and an OpenSpec spec (the sample project), `specdeck serve` on it, and a Chromium page.
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import Database from 'better-sqlite3';
import { workspaceDbPath } from '../../electron/core/storage/data-dir';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from './browser';
import { runSpecdeck, serve, type ServeProcess } from './cli-process';
import { copyOfSampleProject, tempDir, type TempDir } from './temp-workspace';

export interface WorkbenchSession {
  workspace: TempDir;
  host: ServeProcess;
  browser: Browser;
  page: Page;
  /** Page errors and console errors seen so far (a test can assert there were none). */
  errors: string[];
  close(): Promise<void>;
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });
}

export interface SessionOptions {
  /** Start from an empty folder instead of the sample project. */
  empty?: boolean;
  /** Change the workspace before the host starts (add files, a big spec…). */
  prepare?(root: string): void;
  /** Make it a git repository on this branch. */
  branch?: string;
  colorScheme?: 'light' | 'dark';
  /** Runs on the new page before it loads the workbench (to route its socket, for example). */
  beforeLoad?(page: Page): Promise<void>;
}

export async function openWorkbench(options: SessionOptions = {}): Promise<WorkbenchSession> {
  const workspace = options.empty ? tempDir('specdeck-empty-') : copyOfSampleProject();
  options.prepare?.(workspace.path);
  if (options.branch) {
    git(workspace.path, 'init', '-q', '-b', options.branch);
    git(workspace.path, 'add', '-A');
    git(workspace.path, 'commit', '-q', '-m', 'initial', '--allow-empty');
  }
  const host = await serve(workspace.path);
  const browser = await launchChromium();
  // An explicit context: axe-core's Playwright builder needs one it can open frames in.
  const context = await browser.newContext({ viewport: { width: 1400, height: 820 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await options.beforeLoad?.(page);
  await page.goto(host.url);
  await page.getByRole('contentinfo').waitFor();
  const session: WorkbenchSession = {
    workspace,
    host,
    browser,
    page,
    errors,
    async close() {
      await browser.close();
      await session.host.stop(); // the host a test may have restarted
      workspace.remove();
    },
  };
  return session;
}

/**
 * Restarts `specdeck serve` on the same workspace (a new port, so a new browser origin) and opens
 * the workbench in a new page of the same browser; returns the old URL.
 */
export async function restartServe(session: WorkbenchSession): Promise<string> {
  const oldUrl = session.host.url;
  // The old page stays open while its server goes away (as a user's tab would); what it fails to
  // load from then on (a lazy Monaco language chunk, the socket) is expected, not a page error of
  // the restarted workbench, so only the new page's errors are collected.
  session.page.removeAllListeners('pageerror');
  session.page.removeAllListeners('console');
  await session.host.stop();
  session.host = await serve(session.workspace.path);
  const page = await session.browser.contexts()[0]!.newPage();
  await session.page.close();
  session.page = page;
  page.on('pageerror', (e) => session.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && session.errors.push(m.text()));
  await page.goto(session.host.url);
  await page.getByRole('contentinfo').waitFor();
  return oldUrl;
}

/**
 * Opens a file with Go to File (Ctrl+P) as a user would: types `query`, waits until `file` is the
 * first match, presses Enter and waits until its tab is the selected one.
 */
export async function goToFile(page: Page, query: string, file: string): Promise<void> {
  await page.keyboard.press('Control+p');
  await page.getByRole('combobox', { name: 'File name' }).fill(query);
  await expect.poll(() => page.getByRole('listbox', { name: 'Matching files' }).getByRole('option').first().textContent()).toBe(file);
  await page.keyboard.press('Enter');
  const selected = page.getByRole('region', { name: 'Editor' }).getByRole('tab', { selected: true });
  await expect.poll(() => selected.textContent()).toBe(file.slice(file.lastIndexOf('/') + 1));
}

export function editorValue(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __specdeckEditorValue?: () => string }).__specdeckEditorValue?.() ?? '');
}

export function editorLanguage(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __specdeckEditorLanguage?: () => string }).__specdeckEditorLanguage?.() ?? '');
}

/** The line number Monaco highlights as the cursor's line (0 when none is shown). */
export async function cursorLine(page: Page): Promise<number> {
  const text = await page.locator('.editor-frame .line-numbers.active-line-number').first().textContent({ timeout: 2000 }).catch(() => '0');
  return Number(text ?? 0);
}

/** A Kiro tasks.md with `count` tasks (groups of ten sub-tasks), for the big-list tests. */
export function bigTasksFile(count: number): string {
  const lines = ['# Implementation Plan', ''];
  let n = 0;
  for (let group = 1; n < count; group++) {
    lines.push(`- [ ] ${group}. Group ${group}`);
    n++;
    for (let sub = 1; sub <= 9 && n < count; sub++, n++) lines.push(`  - [${n % 3 === 0 ? 'x' : ' '}] ${group}.${sub} Task ${group}.${sub}`, `    - _Requirements: 1.1_`);
  }
  return lines.join('\n') + '\n';
}

/** Evidence and link findings: the UI shows them per task (markers), not in the spec's problem count. */
export const NOT_SPEC_DIAGNOSTICS = new Set(['done-without-evidence', 'done-names-missing-file', 'evidence-only-local', 'requirement-tests-failed', 'suspect-link', 'orphaned-link']);

/** What `specdeck check --json` reports per spec as the spec's own problems: the figures the UI must agree with. */
export function diagnosticsPerSpec(root: string): Map<string, number> {
  const { stdout } = runSpecdeck(['check', root, '--json']);
  const counts = new Map<string, number>();
  for (const d of (JSON.parse(stdout) as { findings: { spec: string; code: string }[] }).findings.filter((f) => !NOT_SPEC_DIAGNOSTICS.has(f.code))) counts.set(d.spec, (counts.get(d.spec) ?? 0) + 1);
  return counts;
}

/** The spec explorer's group names, in order (each group's list is labelled by its name). */
export function specGroupNames(page: Page): Promise<(string | null)[]> {
  return page
    .getByRole('list', { name: 'Spec list' })
    .locator('ul[aria-labelledby]')
    .evaluateAll((lists) => lists.map((l) => document.getElementById(l.getAttribute('aria-labelledby')!)?.textContent ?? null));
}

/** The UI state the backend saved for this workspace (`ui.setState`), read from its database; null if none yet. */
export function savedUiState(root: string): Record<string, unknown> | null {
  const file = workspaceDbPath('ui', realpathSync(root), { SPECDECK_DATA_DIR: `${root}.specdeck-data` });
  if (!existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT value FROM ui_state WHERE key = 'workbench'").get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as Record<string, unknown>) : null;
  } catch {
    return null; // not created yet
  } finally {
    db.close();
  }
}

/** How the workbench counts problems ("1 problem", "3 problems"). */
export function problemsLabel(count: number): string {
  return `${count} ${count === 1 ? 'problem' : 'problems'}`;
}
