// `npm run stress`: repeats the races of issue 12 against the real code and counts what was lost.
//   1. ticks (SpecService.setTaskState) while another thread appends to the tasks file
//   2. ticks while another thread read-modify-writes it (in place, or by write-and-rename)
//   3. two writers (two sessions, one process) with the same hash, and two ticks of different tasks
//   4. a folder swapped for a link to outside during reads, writes, listings and mkdirs, and
//      while the index applies changes and rescans (outside text or names must never be searchable)
// Each outside edit carries a unique marker; an edit is lost when its marker is in neither the
// final file nor a recovery file. Races 1 and 2 also run against a reference: the write as it was
// before (hash check, temp file, fsync, rename), so the figures show the harness does catch losses.
// Figures only; nothing here asserts. Arguments: a scale factor (default 1 = the issue's counts),
// then optionally which races to run.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'specdeck-stress-'));
process.env.SPECDECK_DATA_DIR = path.join(scratch, 'data');
const scale = Number(process.argv[2] ?? 1);
const n = (count: number) => Math.max(1, Math.round(count * scale));

const { Session } = await import('../../electron/core/session');
const { readWorkspaceFile, writeWorkspaceFile } = await import('../../electron/core/workspace/files');
const { hashBytes } = await import('../../electron/core/workspace/hash');
const { Workspace } = await import('../../electron/core/workspace/workspace');
const { listDir } = await import('../../electron/core/workspace/list-dir');
const { makeWorkspaceDir } = await import('../../electron/core/workspace/make-dir');
const { IgnoreRules } = await import('../../electron/core/workspace/ignore-rules');
const { readLinkableText } = await import('../../electron/core/trace/file-text');
const { IndexService } = await import('../../electron/core/index/index-service');
const { parseTasks } = await import('../../shared/specs/index');

const SPEC = '.kiro/specs/todo-cli';
const TASKS = `${SPEC}/tasks.md`;

function project(): string {
  const dir = mkdtempSync(path.join(scratch, 'project-'));
  cpSync(path.join(repoRoot, 'resources', 'sample-project'), dir, { recursive: true });
  return dir;
}

/** Another thread editing `file` until stopped: appends, or read-modify-writes. Each edit adds a marker. */
function externalEditor(file: string, mode: 'append' | 'rmw'): { stop(): Promise<number> } {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const fs = require('node:fs');
    const { file, mode } = workerData;
    const nap = new Int32Array(new SharedArrayBuffer(4));
    let stop = false, count = 0;
    parentPort.on('message', () => { stop = true; });
    (function loop() {
      for (let i = 0; i < 20 && !stop; i++) {
        const marker = '<!-- ext-' + count + ' -->\\n';
        try {
          if (mode === 'append') fs.appendFileSync(file, marker);
          else {
            const text = fs.readFileSync(file, 'utf8');
            if (count % 2 === 0) fs.writeFileSync(file, text + marker);
            else { fs.writeFileSync(file + '.ext-tmp', text + marker); fs.renameSync(file + '.ext-tmp', file); }
          }
          count++;
        } catch {}
        Atomics.wait(nap, 0, 0, Math.random() * 8);
      }
      if (stop) parentPort.postMessage(count); else setImmediate(loop);
    })();
  `;
  const worker = new Worker(code, { eval: true, workerData: { file, mode } });
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once('message', (count: number) => void worker.terminate().then(() => resolve(count)));
        worker.postMessage('stop');
      }),
  };
}

/** Markers 0..count-1 not found in the file or in any recovery file beside it. */
function lostMarkers(file: string, count: number): { lost: number; inRecovery: number } {
  const folder = path.dirname(file);
  const final = readFileSync(file, 'utf8');
  const recovered = readdirSync(folder)
    .filter((f) => f.startsWith(`${path.basename(file)}.specdeck-recovered-`))
    .map((f) => readFileSync(path.join(folder, f), 'utf8'))
    .join('\n');
  let lost = 0;
  let inRecovery = 0;
  for (let i = 0; i < count; i++) {
    const marker = `<!-- ext-${i} -->`;
    if (final.includes(marker)) continue;
    if (recovered.includes(marker)) inRecovery++;
    else lost++;
  }
  return { lost, inRecovery };
}

/** The write as it was before issue 12: check the hash, temp file, fsync, rename. The reference. */
async function referenceWrite(absolute: string, content: string, expectedHash: string): Promise<void> {
  const current = hashBytes(await readFile(absolute));
  if (current !== expectedHash) throw Object.assign(new Error('conflict'), { code: 'CONFLICT' });
  const temp = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${randomBytes(6).toString('hex')}.specdeck-tmp`);
  const handle = await open(temp, 'wx', 0o644);
  await handle.writeFile(content);
  await handle.sync();
  await handle.close();
  await rename(temp, absolute).catch(async (e: unknown) => {
    await unlink(temp).catch(() => {});
    throw e;
  });
}

/** Ticks against an outside editor: through the product (SpecService), or the reference write. */
async function tickRace(mode: 'append' | 'rmw', ticks: number, reference: boolean) {
  const dir = project();
  const file = path.join(dir, TASKS);
  const session = await Session.open(dir);
  const editor = externalEditor(file, mode);
  let landed = 0;
  let refused = 0;
  let recoveries = 0;
  let otherErrors = 0;
  let midWrite = 0;
  const otherCodes = new Map<string, number>();
  try {
    for (let i = 0; i < ticks; i++) {
      try {
        if (reference) {
          const bytes = await readFile(file);
          const text = bytes.toString('utf8');
          const tasks = parseTasks(text, TASKS, 'kiro').tasks;
          if (tasks.length === 0) {
            midWrite++; // read while the outside editor had truncated the file
            continue;
          }
          const task = tasks[i % tasks.length]!;
          const next = text.slice(0, task.stateOffset) + (task.stateChar === 'x' ? ' ' : 'x') + text.slice(task.stateOffset + 1);
          await referenceWrite(file, next, hashBytes(bytes));
        } else {
          const { spec, tasksHash } = await session.specs.get(SPEC);
          if (spec.tasks.length === 0) {
            midWrite++;
            session.specs.forget([TASKS]);
            continue;
          }
          const task = spec.tasks[i % spec.tasks.length]!;
          const result = await session.specs.setTaskState(SPEC, task.id, task.state === 'done' ? 'todo' : 'done', tasksHash!);
          if (result.recovered) recoveries++;
        }
        landed++;
      } catch (error) {
        if ((error as { code?: string }).code === 'CONFLICT') refused++;
        else {
          otherErrors++;
          const code = (error as { code?: string }).code ?? (error as Error).message.slice(0, 60);
          otherCodes.set(code, (otherCodes.get(code) ?? 0) + 1);
        }
        if (!reference) session.specs.forget([TASKS]);
      }
    }
  } finally {
    const edits = await editor.stop();
    await session.close();
    const { lost, inRecovery } = lostMarkers(file, edits);
    const label = `${mode === 'append' ? 'appends' : 'read-modify-writes'}${reference ? ' [reference: the old write]' : ''}`;
    console.log(
      `${ticks} ticks against outside ${label}: ${edits} outside edits, lost ${lost}` +
        (reference ? '' : ` (target 0), kept in recovery files ${inRecovery} (reported ${recoveries})`) +
        `; ticks landed ${landed}, refused (CONFLICT) ${refused}${midWrite ? `, not tried (file read mid-write, no tasks) ${midWrite}` : ''}${otherErrors ? `, other errors ${otherErrors} (${[...otherCodes].map(([c, k]) => `${c} ×${k}`).join(', ')})` : ''}`,
    );
    rmSync(dir, { recursive: true, force: true });
  }
}

async function concurrentWriters(rounds: number) {
  const dir = project();
  const a = await Session.open(dir);
  const b = await Session.open(dir);
  let bothWon = 0;
  let oneWon = 0;
  let noneWon = 0;
  let ticksBothLanded = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      const rel = 'notes.md';
      writeFileSync(path.join(dir, rel), `round ${round}\n`);
      const hash = hashBytes(Buffer.from(`round ${round}\n`));
      const outcomes = await Promise.allSettled([writeWorkspaceFile(a.workspace, rel, 'A\n', hash), writeWorkspaceFile(b.workspace, rel, 'B\n', hash)]);
      const won = outcomes.filter((o) => o.status === 'fulfilled').length;
      if (won === 2) bothWon++;
      else if (won === 1) oneWon++;
      else noneWon++;
      // Two quick ticks of different tasks, one hash: both should land.
      const { spec, tasksHash } = await a.specs.get(SPEC);
      const [t1, t2] = [spec.tasks[round % spec.tasks.length]!, spec.tasks[(round + 1) % spec.tasks.length]!];
      const flip = (s: string) => (s === 'done' ? 'todo' : 'done');
      await Promise.allSettled([a.specs.setTaskState(SPEC, t1.id, flip(t1.state), tasksHash!), a.specs.setTaskState(SPEC, t2.id, flip(t2.state), tasksHash!)]);
      const after = (await a.specs.get(SPEC)).spec.tasks;
      if (after.find((t) => t.pos.line === t1.pos.line)!.state === flip(t1.state) && after.find((t) => t.pos.line === t2.pos.line)!.state === flip(t2.state)) ticksBothLanded++;
    }
  } finally {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${rounds} rounds of two writers with one hash: lost edits (both won) ${bothWon} (target 0), one won ${oneWon}, none won ${noneWon}`);
  console.log(`${rounds} rounds of two quick ticks of different tasks with one hash: both landed ${ticksBothLanded} of ${rounds}`);
}

async function symlinkSwap(rounds: number) {
  const root = mkdtempSync(path.join(scratch, 'swap-root-'));
  const outside = mkdtempSync(path.join(scratch, 'swap-outside-'));
  const SECRET = 'OUTSIDE-SECRET';
  writeFileSync(path.join(outside, 'f.txt'), SECRET);
  writeFileSync(path.join(outside, 'only-outside.txt'), SECRET);
  mkdirSync(path.join(root, 'd'));
  writeFileSync(path.join(root, 'd', 'f.txt'), 'INSIDE');
  symlinkSync(outside, path.join(root, 'd-link'));
  const swapper = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads'); const fs = require('node:fs'); const path = require('node:path');
     const d = path.join(workerData, 'd'), real = path.join(workerData, 'd-real'), link = path.join(workerData, 'd-link');
     let stop = false; parentPort.on('message', () => { stop = true; });
     (function loop() { for (let i = 0; i < 200 && !stop; i++) { fs.renameSync(d, real); fs.renameSync(link, d); fs.renameSync(d, link); fs.renameSync(real, d); }
       if (stop) parentPort.postMessage('done'); else setImmediate(loop); })();`,
    { eval: true, workerData: root },
  );
  const ws = await Workspace.open(root);
  const rules = new IgnoreRules(ws.root);
  const index = IndexService.start(ws.root, { dbPath: path.join(scratch, 'swap-index.db'), shards: 1 });
  await index.whenIdle();
  let indexLeaks = 0;
  let outsideReads = 0;
  let done = 0;
  let refused = 0;
  let unexpected = 0;
  for (let round = 0; round < rounds; round++) {
    const calls: Array<Promise<unknown>> = [
      readWorkspaceFile(ws, 'd/f.txt').then((r) => void ('content' in r && r.content.includes(SECRET) && outsideReads++)),
      readLinkableText(ws, 'd/f.txt').then((t) => void (t?.includes(SECRET) && outsideReads++)),
      Promise.resolve().then(() => void (ws.readBytesSync('d/f.txt')?.toString().includes(SECRET) && outsideReads++)),
      listDir(ws, rules, 'd').then((entries) => void (entries.length > 0 && !entries.some((e) => e.name === 'f.txt') && outsideReads++)),
      makeWorkspaceDir(ws, `d/dir-${round}`),
      writeWorkspaceFile(ws, `d/new-${round}.txt`, 'x', null),
      writeWorkspaceFile(ws, 'd/f.txt', 'INSIDE', hashBytes(Buffer.from('INSIDE'))),
      // The index, given what a watcher reports, then asked for the outside text and name.
      (async () => {
        await index.applyChanges(['d', 'd/f.txt', 'd/only-outside.txt']);
        if (round % 25 === 0) {
          index.rescan();
          await index.whenIdle();
        }
        const hits = (await index.searchText({ query: SECRET })).hits.length + (await index.searchFiles('only-outside')).length;
        if (hits > 0) indexLeaks++;
      })(),
    ];
    for (const o of await Promise.allSettled(calls)) {
      if (o.status === 'fulfilled') done++;
      else if (['OUTSIDE_WORKSPACE', 'CONFLICT', 'NOT_FOUND'].includes((o.reason as { code?: string }).code ?? '')) refused++;
      else unexpected++;
    }
  }
  await new Promise<void>((resolve) => {
    swapper.once('message', () => void swapper.terminate().then(() => resolve()));
    swapper.postMessage('stop');
  });
  await index.close();
  const created = readdirSync(outside).filter((f) => f !== 'f.txt' && f !== 'only-outside.txt');
  const temps = created.filter((f) => f.includes('specdeck-tmp')).length;
  const changed = readFileSync(path.join(outside, 'f.txt'), 'utf8') !== SECRET ? 1 : 0;
  console.log(
    `${rounds} rounds of the symlink swap (8 calls each): outside reads ${outsideReads}, rounds with outside text or names searchable in the index ${indexLeaks}, created outside ${created.length - temps}, temp files left outside ${temps}, outside file changed ${changed} (targets 0); calls done ${done}, refused ${refused}${unexpected ? `, other errors ${unexpected}` : ''}`,
  );
}

/** The window that remains: from the last check (content and inode) until the rename has happened. */
async function measureWindow(samples: number) {
  const root = mkdtempSync(path.join(scratch, 'window-'));
  const ws = await Workspace.open(root);
  writeFileSync(path.join(root, 'f.md'), 'v0\n');
  let hash = hashBytes(Buffer.from('v0\n'));
  const windows: number[] = [];
  for (let i = 0; i < samples; i++) {
    let t0 = 0;
    const content = `v${i + 1}\n`;
    const result = await writeWorkspaceFile(ws, 'f.md', content, hash, { beforeRename: () => void (t0 = performance.now()), afterRename: () => windows.push((performance.now() - t0) * 1000) });
    hash = result.hash;
  }
  windows.sort((a, b) => a - b);
  const at = (q: number) => windows[Math.min(windows.length - 1, Math.floor(windows.length * q))]!.toFixed(0);
  console.log(`the remaining window (last check → rename done), ${samples} writes: median ${at(0.5)} µs, p99 ${at(0.99)} µs, max ${at(1)} µs`);
  console.log('  an in-place edit in it is kept in a recovery file and reported; only a replace-by-rename landing in it is lost');
}

// A second argument picks races by name (`ticks`, `writers`, `swap`, `window`), e.g. `npm run stress -- 0.2 swap`.
const only = process.argv[3];
const want = (name: string) => only === undefined || only.split(',').includes(name);
console.log(`specdeck stress (scale ${scale}) in ${scratch}`);
if (want('ticks')) {
  await tickRace('append', n(1000), false);
  await tickRace('append', n(1000), true);
  await tickRace('rmw', n(1000), false);
  await tickRace('rmw', n(1000), true);
}
if (want('writers')) await concurrentWriters(n(200));
if (want('swap')) await symlinkSwap(n(500));
if (want('window')) await measureWindow(n(1000));
rmSync(scratch, { recursive: true, force: true });
