// Shared by the index integration tests: temporary trees and data folders, the index service,
// and ripgrep run with the same ignore rules, as the reference for search results.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rgPath } from '@vscode/ripgrep';
import { afterEach, beforeEach } from 'vitest';
import { IndexService, type IndexListeners, type IndexServiceOptions } from '../../../../electron/core/index/index-service';
import { DEFAULT_INDEX_EXCLUDES } from '../../../../electron/core/index/options';
import type { TextSearchResult } from '../../../../shared/api/contract';

/** A fresh SPECDECK_DATA_DIR per test, and every opened index closed afterwards. */
export function useIndexSandbox(): { open: (root: string, options?: IndexServiceOptions, listeners?: IndexListeners) => IndexService; dataDir: () => string } {
  let dataDir = '';
  let services: IndexService[] = [];
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'specdeck-data-'));
    process.env.SPECDECK_DATA_DIR = dataDir;
  });
  afterEach(async () => {
    await Promise.all(services.map((s) => s.close()));
    services = [];
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    open(root, options = {}, listeners = {}) {
      const service = IndexService.start(root, options, listeners);
      services.push(service);
      return service;
    },
    dataDir: () => dataDir,
  };
}

/** Writes `files` (relative path → content) under a new temporary folder; returns its real path. */
export function makeTree(files: Record<string, string | Buffer>): string {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'specdeck-tree-')));
  writeTree(root, files);
  return root;
}

export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

export interface RgOptions {
  caseSensitive?: boolean;
  wholeWord?: boolean;
  regex?: boolean;
  maxFileSize?: number;
}

/** `path:line` of every line ripgrep matches, with the index's ignore rules and limits. */
export function ripgrepLines(root: string, query: string, options: RgOptions = {}): Set<string> {
  const args = [
    '--json', '--hidden', '--no-require-git', '--no-ignore-parent', '--no-ignore-global', '--no-ignore-dot',
    '--no-config', `--max-filesize=${options.maxFileSize ?? 1024 * 1024}`,
    ...DEFAULT_INDEX_EXCLUDES.flatMap((name) => ['-g', `!${name}`]),
    options.caseSensitive ? '--case-sensitive' : '--ignore-case',
    ...(options.wholeWord ? ['--word-regexp'] : []),
    ...(options.regex ? ['--regexp', query] : ['--fixed-strings', '--regexp', query]),
    '.',
  ];
  const run = spawnSync(rgPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0 && run.status !== 1) throw new Error(`rg failed (${run.status}): ${run.stderr}`);
  const lines = new Set<string>();
  for (const line of run.stdout.split('\n')) {
    if (!line.startsWith('{"type":"match"')) continue;
    const event = JSON.parse(line) as { data: { path: { text?: string }; line_number: number } };
    const file = event.data.path.text;
    if (file === undefined) continue; // a non-UTF-8 name: the index skips those and says so
    lines.add(`${file.replace(/^\.\//, '')}:${event.data.line_number}`);
  }
  return lines;
}

export function indexLines(result: TextSearchResult): Set<string> {
  return new Set(result.hits.map((h) => `${h.path}:${h.line}`));
}

/** Polls `check` until it returns true (or gives up after `ms`). For waits on the watcher. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  ms = 10_000,
  explain?: () => string | Promise<string>,
): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`condition not met in ${ms} ms${explain ? `: ${await explain()}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
