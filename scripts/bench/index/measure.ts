// Small measuring tools for the index bench: percentiles, a plain stat walk, reading every file,
// ripgrep with the index's ignore rules, and the largest event-loop stall.
import { spawn } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rgPath } from '@vscode/ripgrep';
import { DEFAULT_INDEX_EXCLUDES } from '../../../electron/core/index/options';
import { scanTree } from '../../../electron/core/index/scanner';
import { IgnoreRules } from '../../../electron/core/workspace/ignore-rules';

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

/** readdir + lstat of every entry (the excluded names skipped): the floor for a reopen. */
export function plainStatWalk(root: string): number {
  const excluded = new Set(DEFAULT_INDEX_EXCLUDES);
  let files = 0;
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const name of readdirSync(dir)) {
      if (excluded.has(name)) continue;
      const full = path.join(dir, name);
      const info = lstatSync(full);
      if (info.isDirectory()) pending.push(full);
      else if (info.isFile()) files++;
    }
  }
  return files;
}

/** Reads every file the index would read (same ignore rules and size limit); returns bytes. */
export function readEveryFile(root: string, limit: number): { files: number; bytes: number } {
  const rules = new IgnoreRules(root, DEFAULT_INDEX_EXCLUDES);
  let files = 0;
  let bytes = 0;
  scanTree(root, rules, '', (f) => {
    if (f.size > limit) return;
    bytes += readFileSync(path.join(root, f.path)).length;
    files++;
  }, () => {});
  return { files, bytes };
}

/** ripgrep with the index's rules and size limit, case-insensitive literal (the query follows). */
export const RIPGREP_ARGS = [
  '--hidden', '--no-require-git', '--no-ignore-parent', '--no-ignore-global', '--no-ignore-dot', '--no-config',
  '--max-filesize=1M', ...DEFAULT_INDEX_EXCLUDES.flatMap((n) => ['-g', `!${n}`]),
  '--ignore-case', '--fixed-strings', '--line-number', '--column', '--no-heading',
];

/**
 * Wall time of one ripgrep run over the tree with the index's rules; returns ms and matching lines.
 * Output goes to a pipe that is read and dropped (not /dev/null: ripgrep stops early there).
 */
export function ripgrep(root: string, query: string): Promise<{ ms: number; lines: number }> {
  const args = [...RIPGREP_ARGS, '--regexp', query, '.'];
  const started = performance.now();
  const child = spawn(rgPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
  let lines = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  });
  return new Promise((resolve) => child.on('close', () => resolve({ ms: performance.now() - started, lines })));
}

/**
 * The serving (main) thread's own CPU time in ms, from /proc (Linux; clock ticks of 10 ms), or
 * NaN elsewhere. Beside a stall it tells our work (CPU time spent) from the machine's load (the
 * thread was waiting for a core).
 */
export function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, CLK_TCK 100
  } catch {
    return NaN;
  }
}

/** Largest gap between 1 ms timer ticks beyond the expected 1 ms: how long the loop stalled. */
export function stallMeter(): { stop: () => number; peakRss: () => number; worstAt: () => number; worstCpu: () => number } {
  const started = performance.now();
  let last = started;
  let lastCpu = mainThreadCpuMs();
  let worst = 0;
  let worstAt = 0;
  let worstCpu = NaN;
  let peakRss = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = mainThreadCpuMs();
    if (now - last - 1 > worst) {
      worst = now - last - 1;
      worstAt = last - started;
      worstCpu = cpu - lastCpu;
    }
    last = now;
    lastCpu = cpu;
    if (++ticks % 50 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      return worst;
    },
    /** Largest resident set seen while the meter ran (the serving thread and the index workers). */
    peakRss: () => peakRss,
    /** When the worst stall began, in ms after the meter started. */
    worstAt: () => worstAt,
    /** CPU time the serving thread spent during the worst stall (10 ms resolution). */
    worstCpu: () => worstCpu,
  };
}
