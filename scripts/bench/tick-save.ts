// Tick and save through the API in one process (issue 9, item 3): `tasks.setState` on a
// 1,000-task Kiro spec, and `fs.write` of a 1,000-line file while a task is active (so the save
// also records links). Prints the median / p95 time and how many times each step read the file
// (opens for reading by its name, counted on node:fs/promises; the write's own check after fsync
// reads through a second name and is not counted) beside a reference: reading and hashing that
// file once. Asserts nothing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { createRouter, callDirect } from '../../electron/core/api/router';
import { Session } from '../../electron/core/session';
import { copyOfSampleProject, tempDir } from '../../tests/support/temp-workspace';
import { bigTasksFile } from '../../tests/support/workbench-session';
import { percentile } from './index/measure';

const RUNS = 200;
const WARM_UP = 10;

// Count reads of the files we tick and save, whichever fs call the code uses.
const reads = new Map<string, number>();
const count = (file: unknown) => {
  const name = typeof file === 'string' ? path.basename(file) : '';
  reads.set(name, (reads.get(name) ?? 0) + 1);
};
const realReadFile = fsp.readFile;
const realOpen = fsp.open;
const realReadFileSync = fs.readFileSync;
fsp.readFile = ((file: Parameters<typeof fsp.readFile>[0], ...rest: unknown[]) => {
  if (typeof file === 'string') count(file);
  return (realReadFile as (...a: unknown[]) => unknown)(file, ...rest);
}) as typeof fsp.readFile;
fsp.open = ((file: Parameters<typeof fsp.open>[0], flags?: string | number, ...rest: unknown[]) => {
  if (flags === undefined || flags === 'r' || (typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) === 0)) count(file);
  return (realOpen as (...a: unknown[]) => Promise<fsp.FileHandle>)(file, flags, ...rest);
}) as typeof fsp.open;
fs.readFileSync = ((file: Parameters<typeof fs.readFileSync>[0], ...rest: unknown[]) => {
  count(file);
  return (realReadFileSync as (...a: unknown[]) => unknown)(file, ...rest);
}) as typeof fs.readFileSync;
syncBuiltinESMExports();

const median = (v: number[]) => percentile(v, 50);
const p95 = (v: number[]) => percentile(v, 95);
const row = (label: string, times: number[], readsPer: number, ref: number) =>
  console.log(`${label.padEnd(46)} ${median(times).toFixed(2).padStart(7)} / ${p95(times).toFixed(2).padStart(7)} ms   reads of the file per call ${readsPer.toFixed(1)}   (reference: read + hash once ${ref.toFixed(2)} ms)`);

function readAndHashOnce(file: string): number {
  const t0 = performance.now();
  createHash('sha256').update(realReadFileSync(file)).digest('hex');
  return performance.now() - t0;
}

const dataDir = tempDir('specdeck-bench-data-');
process.env.SPECDECK_DATA_DIR = dataDir.path;
const workspace = copyOfSampleProject();
const specDir = path.join(workspace.path, '.kiro/specs/big-plan');
mkdirSync(specDir, { recursive: true });
writeFileSync(path.join(specDir, 'requirements.md'), '# Requirements\n\n### Requirement 1: Big\n\n#### Acceptance Criteria\n\n1. WHEN asked THEN the system SHALL answer\n');
writeFileSync(path.join(specDir, 'tasks.md'), bigTasksFile(1000));
const codeFile = path.join(workspace.path, 'src', 'big.ts');
writeFileSync(codeFile, Array.from({ length: 1000 }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n');

const session = await Session.open(workspace.path, { watch: false, index: false });
const router = createRouter(session, () => {});
try {
  const specId = '.kiro/specs/big-plan';
  let spec = await callDirect(router, 'specs.get', { specId });
  const task = spec.spec.tasks.find((t) => t.numbered && t.depth > 0)!;

  // Ticks: todo ↔ done, each with the hash the previous answer gave (as the UI does).
  const tickTimes: number[] = [];
  let tickReads = 0;
  for (let i = 0; i < RUNS + WARM_UP; i++) {
    reads.clear();
    const t0 = performance.now();
    spec = await callDirect(router, 'tasks.setState', { specId, taskId: task.id, state: i % 2 === 0 ? 'done' : 'todo', expectedHash: spec.tasksHash! });
    const ms = performance.now() - t0;
    if (i >= WARM_UP) {
      tickTimes.push(ms);
      tickReads += reads.get('tasks.md') ?? 0;
    }
  }

  // Saves with an active task: each edits one line of the 1,000-line file.
  await callDirect(router, 'trace.start', { specId, taskId: task.id, expectedHash: (await callDirect(router, 'specs.get', { specId })).tasksHash! });
  const rel = 'src/big.ts';
  const file = await callDirect(router, 'fs.read', { path: rel });
  let text = file.kind === 'text' ? file.content : '';
  let hash = file.kind === 'text' ? file.hash : null;
  const saveTimes: number[] = [];
  let saveReads = 0;
  for (let i = 0; i < RUNS + WARM_UP; i++) {
    const lines = text.split('\n');
    lines[(i * 37) % 1000] = `export const v${(i * 37) % 1000} = ${i * 1000};`;
    text = lines.join('\n');
    reads.clear();
    const t0 = performance.now();
    const written = await callDirect(router, 'fs.write', { path: rel, content: text, expectedHash: hash });
    const ms = performance.now() - t0;
    hash = written.hash;
    if (i >= WARM_UP) {
      saveTimes.push(ms);
      saveReads += reads.get('big.ts') ?? 0;
    }
  }
  // First saves: files with no links yet (the text before the save must come from the disk).
  const firstTimes: number[] = [];
  let firstReads = 0;
  for (let i = 0; i < RUNS + WARM_UP; i++) {
    const name = `first${i}.ts`;
    writeFileSync(path.join(workspace.path, 'src', name), 'export const a = 1;\n'.repeat(1000));
    const read = await callDirect(router, 'fs.read', { path: `src/${name}` });
    reads.clear();
    const t0 = performance.now();
    await callDirect(router, 'fs.write', { path: `src/${name}`, content: 'export const a = 2;\n' + 'export const a = 1;\n'.repeat(999), expectedHash: read.kind === 'text' ? read.hash : null });
    const ms = performance.now() - t0;
    if (i >= WARM_UP) {
      firstTimes.push(ms);
      firstReads += reads.get(name) ?? 0;
    }
  }
  await callDirect(router, 'trace.stop', { complete: false });

  console.log(`Tick and save through the API (in process, ${RUNS} each after ${WARM_UP} warm-up; median / p95)\n`);
  row('tick (tasks.setState), 1,000-task tasks.md', tickTimes, tickReads / RUNS, readAndHashOnce(path.join(specDir, 'tasks.md')));
  row('save (fs.write, task active), 1,000 lines', saveTimes, saveReads / RUNS, readAndHashOnce(codeFile));
  row('first save of a file (no links yet), 1,000 lines', firstTimes, firstReads / RUNS, readAndHashOnce(path.join(workspace.path, 'src', 'first0.ts')));
} finally {
  await session.close();
  workspace.remove();
  dataDir.remove();
}
