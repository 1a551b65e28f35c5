// `npm run bench -- index` (part): what containment under races costs the index's hot path. The
// walk (each folder opened and verified, then listed and its files lstat-ed through the
// descriptor) and the content reads (each file opened with O_NOFOLLOW and its descriptor's real
// path checked) against the same walk and reads made by path, as they were before (the
// reference), alternated round by round in one process so machine load hits both alike.
// Prints figures; asserts nothing. SPECDECK_BENCH_FILES sizes the generated tree.
import { lstatSync, openSync, readdirSync, type Dirent } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classifyBytes, ContentReader } from '../../electron/core/index/content';
import { scanTree, type ScannedFile } from '../../electron/core/index/scanner';
import { DEFAULT_INDEX_OPTIONS } from '../../electron/core/index/options';
import { IgnoreRules } from '../../electron/core/workspace/ignore-rules';
import { readAndClose } from '../../electron/core/workspace/pinned';
import { generatedTree } from './index/trees';
import { percentile } from './index/measure';

const ROUNDS = Number(process.env.SPECDECK_BENCH_ROUNDS ?? 7);
const limit = DEFAULT_INDEX_OPTIONS.maxFileSize;

/** The reference walk: scanTree's logic with readdir and lstat by path (no descriptor). */
function plainScan(root: string, rules: IgnoreRules, onFile: (file: ScannedFile) => void): number {
  const pending = [''];
  let visited = 0;
  while (pending.length > 0) {
    const dir = pending.pop()!;
    visited++;
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      const listedDir = entry.isDirectory();
      const info = listedDir ? null : lstatSync(path.join(root, rel));
      const isDir = listedDir || info!.isDirectory();
      if (rules.isIgnoredInVisibleFolder(rel, isDir)) continue;
      if (isDir) pending.push(rel);
      else if (info!.isFile()) onFile({ path: rel, size: info!.size, mtimeMs: info!.mtimeMs });
    }
  }
  return visited;
}

/** The reference read: open by path (links followed), read into the reused buffer (then classified and hashed, as ContentReader does). */
function plainRead(buffer: Buffer, absolute: string): number {
  return readAndClose(openSync(absolute, 'r'), buffer);
}

const tree = generatedTree();
const root = tree.root;
const buffer = Buffer.allocUnsafe(limit + 1);
const reader = new ContentReader(limit);
const times = { plainWalk: [] as number[], verifiedWalk: [] as number[], plainRead: [] as number[], verifiedRead: [] as number[] };
let files: ScannedFile[] = [];
let folders = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const verified of round % 2 === 0 ? [false, true] : [true, false]) {
    const found: ScannedFile[] = [];
    const rules = new IgnoreRules(root, DEFAULT_INDEX_OPTIONS.excludes); // fresh: .gitignore reads are part of the walk
    let t = performance.now();
    if (verified) scanTree(root, rules, '', (f) => found.push(f), () => {});
    else folders = plainScan(root, rules, (f) => found.push(f));
    (verified ? times.verifiedWalk : times.plainWalk).push(performance.now() - t);
    files = found;
    t = performance.now();
    let bytes = 0;
    for (const f of found) {
      const absolute = path.join(root, f.path);
      if (verified) {
        const c = reader.read(absolute, f.size);
        bytes += c.kind === 'too-large' ? 0 : c.size;
      } else {
        const c = f.size > limit ? null : classifyBytes(buffer.subarray(0, plainRead(buffer, absolute)));
        bytes += c ? c.size : 0;
      }
    }
    (verified ? times.verifiedRead : times.plainRead).push(performance.now() - t);
    if (bytes === 0) throw new Error('nothing was read');
  }
}
const med = (xs: number[]) => percentile(xs, 50);
const us = (ms: number, n: number) => ((ms * 1000) / n).toFixed(2);
console.log(`--- generated tree (${tree.root}): ${files.length} files in ${folders} folders, ${ROUNDS} alternated rounds, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const report = (what: string, verified: number[], plain: number[], n: number, unit: string) => {
  const v = med(verified);
  const p = med(plain);
  console.log(
    `  ${what}: ${v.toFixed(1)} ms verified vs ${p.toFixed(1)} ms by path (reference), ratio ${(v / p).toFixed(2)}×, ` +
      `${(v - p >= 0 ? '+' : '') + us(v - p, n)} µs per ${unit}   (medians; verified ${verified.map((x) => x.toFixed(0)).join('/')}, by path ${plain.map((x) => x.toFixed(0)).join('/')})`,
  );
};
report('walk (list + lstat + .gitignore)', times.verifiedWalk, times.plainWalk, folders, 'folder');
report('content reads', times.verifiedRead, times.plainRead, files.length, 'file');
