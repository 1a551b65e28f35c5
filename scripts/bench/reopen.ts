// `npm run bench -- reopen`: reopening an unchanged, indexed tree (IndexService.start until idle)
// beside a plain stat walk of the same tree in the same run, without the rest of the index bench
// (which indexes each tree from nothing first). The index is built once per tree and kept in the
// bench folder; every figure is a p50 of SPECDECK_BENCH_REOPEN_RUNS runs. Asserts nothing.
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IndexService } from '../../electron/core/index/index-service';
import { BENCH_ROOT, benchTrees, type BenchTree } from './index/trees';
import { percentile, plainStatWalk, time } from './index/measure';
import { buildIndexWorkerBundle } from './index/worker-bundle';

const RUNS = Number(process.env.SPECDECK_BENCH_REOPEN_RUNS ?? 5);
const f1 = (n: number) => n.toFixed(1);
const rows: string[] = [];

async function reopen(root: string): Promise<{ ms: number; listedMs: number }> {
  const started = performance.now();
  const index = IndexService.start(root);
  await index.whenListed();
  const listedMs = performance.now() - started;
  await index.whenIdle();
  const ms = performance.now() - started;
  await index.close();
  return { ms, listedMs };
}

async function benchTree(tree: BenchTree): Promise<void> {
  process.env.SPECDECK_DATA_DIR = path.join(BENCH_ROOT, `reopen-data-${tree.name}`);
  const first = performance.now();
  await reopen(tree.root); // indexes the tree on the first run, refreshes a kept index after
  const firstMs = performance.now() - first;
  await reopen(tree.root); // warm
  const walks: number[] = [];
  const reopens: number[] = [];
  const listed: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    walks.push(time(() => plainStatWalk(tree.root)).ms);
    const r = await reopen(tree.root);
    reopens.push(r.ms);
    listed.push(r.listedMs);
  }
  const walk = percentile(walks, 50);
  const ours = percentile(reopens, 50);
  const row = `${tree.name}: reopen unchanged ${f1(ours)} ms (quick-open usable after ${f1(percentile(listed, 50))} ms) vs plain stat walk ${f1(walk)} ms: ratio ${f1(ours / walk)}×; target ≤ 2× + 50 ms = ${f1(2 * walk + 50)} ms`;
  console.log(`  (first open ${f1(firstMs)} ms)\n  ${row}`);
  rows.push(row);
}

const repo = path.resolve(import.meta.dirname, '../..');
// SPECDECK_INDEX_WORKER set by the caller runs another worker build (e.g. main's, for a before/after).
process.env.SPECDECK_INDEX_WORKER ??= await buildIndexWorkerBundle(repo);
mkdirSync(BENCH_ROOT, { recursive: true });
for (const tree of benchTrees(repo)) await benchTree(tree.build());
console.log(`\n=== reopen summary (p50 of ${RUNS} runs; load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}) ===`);
for (const r of rows) console.log(r);
