// `npx tsx scripts/bench/reopen-change.ts`: reopening an indexed tree unchanged, after one file
// was created, edited, and deleted (IndexService.start until idle), as CPU time of the whole
// process (serving thread and writers: process.cpuUsage) and wall time. Each round reopens four
// times: unchanged, after creating one file, after editing it, after deleting it (the tree ends
// as it began). SPECDECK_BENCH_REOPEN_BASE=<another checkout> alternates its IndexService (and
// worker) with this one's, round by round, on the same index. SPECDECK_BENCH_ROUNDS (3).
// Asserts nothing.
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IndexService } from '../../electron/core/index/index-service';
import { BENCH_ROOT, benchTrees, type BenchTree } from './index/trees';
import { buildIndexWorkerBundle } from './index/worker-bundle';

const ROUNDS = Number(process.env.SPECDECK_BENCH_ROUNDS ?? 3);
const SCENARIOS = ['unchanged', 'created', 'edited', 'deleted'] as const;
type Scenario = (typeof SCENARIOS)[number];

interface Variant {
  name: string;
  Service: typeof IndexService;
  worker: string;
}

/** Where the changed file goes: a folder deep in the tree (node_modules: typescript/lib). */
const CHANGED: Record<string, string> = {
  node_modules: 'typescript/lib/zz-bench-change.ts',
  'generated-100k': 'packages/account-0/src/zz-bench-change.ts',
  'monaco-editor': 'esm/vs/zz-bench-change.ts',
};

async function reopen(root: string, variant: Variant): Promise<{ cpuMs: number; ms: number; writers: boolean }> {
  process.env.SPECDECK_INDEX_WORKER = variant.worker;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const index = variant.Service.start(root);
  await index.whenIdle();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const writers = index.writersStarted;
  await index.close();
  return { cpuMs: (used.user + used.system) / 1000, ms, writers };
}

function change(file: string, scenario: Scenario): void {
  if (scenario === 'created') writeFileSync(file, 'export const needle = 1;\n');
  if (scenario === 'edited') {
    writeFileSync(file, 'export const needle = 2; // edited\n');
    const later = new Date(Date.now() + 2000);
    utimesSync(file, later, later);
  }
  if (scenario === 'deleted') rmSync(file);
}

async function benchTree(tree: BenchTree, variants: Variant[]): Promise<string[]> {
  process.env.SPECDECK_DATA_DIR = path.join(BENCH_ROOT, `reopen-data-${tree.name}`);
  const file = path.join(tree.root, CHANGED[tree.name] ?? 'zz-bench-change.ts');
  rmSync(file, { force: true });
  for (const v of variants) await reopen(tree.root, v); // indexes or refreshes, then warm
  const cpu = variants.map(() => new Map<Scenario, number[]>(SCENARIOS.map((s) => [s, []])));
  const wall = variants.map(() => new Map<Scenario, number[]>(SCENARIOS.map((s) => [s, []])));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [v, variant] of variants.entries()) {
      for (const scenario of SCENARIOS) {
        change(file, scenario);
        const r = await reopen(tree.root, variant);
        if (r.writers !== (scenario !== 'unchanged')) console.log(`  (${variant.name} ${scenario}: writers ${r.writers})`);
        cpu[v]!.get(scenario)!.push(r.cpuMs);
        wall[v]!.get(scenario)!.push(r.ms);
      }
    }
  }
  const f0 = (ns: number[]) => ns.map((n) => n.toFixed(0)).join('/');
  return variants.flatMap((variant, v) =>
    SCENARIOS.map((s) => `${tree.name} [${variant.name}] ${s}: CPU ${f0(cpu[v]!.get(s)!)} ms, wall ${f0(wall[v]!.get(s)!)} ms`),
  );
}

const repo = path.resolve(import.meta.dirname, '../..');
const variants: Variant[] = [];
const base = process.env.SPECDECK_BENCH_REOPEN_BASE;
if (base) {
  const { IndexService: Service } = (await import(path.join(path.resolve(base), 'electron/core/index/index-service.ts'))) as { IndexService: typeof IndexService };
  variants.push({ name: 'base', Service, worker: await buildIndexWorkerBundle(path.resolve(base), repo, 'index-worker-base') });
}
variants.push({ name: 'this', Service: IndexService, worker: await buildIndexWorkerBundle(repo) });
mkdirSync(BENCH_ROOT, { recursive: true });
const rows: string[] = [];
for (const tree of benchTrees(repo)) rows.push(...(await benchTree(tree.build(), variants)));
console.log(`\n=== reopen after a change (${ROUNDS} rounds, variants alternated; load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}) ===`);
for (const r of rows) console.log(r);
