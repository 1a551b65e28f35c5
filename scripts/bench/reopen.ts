// `npm run bench -- reopen`: reopening an unchanged, indexed tree (IndexService.start until idle)
// beside a plain stat walk of the same tree in the same run, without the rest of the index bench
// (which indexes each tree from nothing first). The index is built once per tree and kept in the
// bench folder; every figure is a p50 of SPECDECK_BENCH_REOPEN_RUNS runs. Asserts nothing.
// SPECDECK_BENCH_REOPEN_BASE=<another checkout> alternates its IndexService (and worker) with this
// one's, run by run, on the same index: a before/after from one run under the same load.
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

interface Variant {
  name: string;
  Service: typeof IndexService;
  /** Its worker bundle (SPECDECK_INDEX_WORKER while it runs). */
  worker: string;
}

async function reopen(root: string, variant: Variant): Promise<{ ms: number; listedMs: number; writers: boolean }> {
  process.env.SPECDECK_INDEX_WORKER = variant.worker;
  const started = performance.now();
  const index = variant.Service.start(root);
  await index.whenListed();
  const listedMs = performance.now() - started;
  await index.whenIdle();
  const ms = performance.now() - started;
  const writers = index.writersStarted;
  await index.close();
  return { ms, listedMs, writers };
}

async function benchTree(tree: BenchTree, variants: Variant[]): Promise<void> {
  process.env.SPECDECK_DATA_DIR = path.join(BENCH_ROOT, `reopen-data-${tree.name}`);
  const first = performance.now();
  await reopen(tree.root, variants[0]!); // indexes the tree on the first run, refreshes a kept index after
  const firstMs = performance.now() - first;
  for (const v of variants) await reopen(tree.root, v); // warm
  const walks: number[] = [];
  const reopens = variants.map(() => [] as number[]);
  const listed = variants.map(() => [] as number[]);
  const reconciled = variants.map(() => 0); // runs that found a difference on disk and started the writers
  for (let i = 0; i < RUNS; i++) {
    // A walk before each reopen, the variants in turn: each figure beside references of its moment.
    for (const [v, variant] of variants.entries()) {
      walks.push(time(() => plainStatWalk(tree.root)).ms);
      const r = await reopen(tree.root, variant);
      reopens[v]!.push(r.ms);
      listed[v]!.push(r.listedMs);
      if (r.writers) reconciled[v]!++;
    }
  }
  const walk = percentile(walks, 50);
  console.log(`  (first open ${f1(firstMs)} ms)`);
  for (const [v, variant] of variants.entries()) {
    const ours = percentile(reopens[v]!, 50);
    const label = variants.length > 1 ? ` [${variant.name}]` : '';
    const row = `${tree.name}${label}: reopen unchanged ${f1(ours)} ms (quick-open usable after ${f1(percentile(listed[v]!, 50))} ms) vs plain stat walk ${f1(walk)} ms: ratio ${f1(ours / walk)}×; target ≤ 2× + 50 ms = ${f1(2 * walk + 50)} ms; ${reconciled[v]} of ${RUNS} reconciled`;
    console.log(`  ${row}`);
    rows.push(row);
  }
  if (variants.length > 1) {
    const ratios = reopens[0]!.map((ms, i) => ms / reopens[1]![i]!);
    const row = `${tree.name}: ${variants[0]!.name} / ${variants[1]!.name} per run ${ratios.map(f1).join(' ')}, median ${f1(percentile(ratios, 50))}×`;
    console.log(`  ${row}`);
    rows.push(row);
  }
}

const repo = path.resolve(import.meta.dirname, '../..');
// SPECDECK_INDEX_WORKER set by the caller runs another worker build.
const variants: Variant[] = [{ name: 'this', Service: IndexService, worker: process.env.SPECDECK_INDEX_WORKER ?? (await buildIndexWorkerBundle(repo)) }];
const base = process.env.SPECDECK_BENCH_REOPEN_BASE;
if (base) {
  const { IndexService: Service } = (await import(path.join(path.resolve(base), 'electron/core/index/index-service.ts'))) as { IndexService: typeof IndexService };
  variants.push({ name: 'base', Service, worker: await buildIndexWorkerBundle(path.resolve(base)) });
}
mkdirSync(BENCH_ROOT, { recursive: true });
for (const tree of benchTrees(repo)) await benchTree(tree.build(), variants);
console.log(`\n=== reopen summary (p50 of ${RUNS} runs; load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}) ===`);
for (const r of rows) console.log(r);
