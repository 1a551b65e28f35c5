// `npm run bench -- quick-open`: quick-open per keystroke on the bench trees without indexing
// them: the tree's paths split into two shards as the index splits them, each in a FileList,
// typed one keystroke at a time. Beside it, from the same run, one plain indexOf pass over every
// lower-cased path. Wall time and the process's CPU time per keystroke (on a loaded machine the
// wall time mostly measures waiting for a core). SPECDECK_QUICKOPEN_BASELINE=<a file-list.ts> alternates another FileList
// with this one on every keystroke (A/B in one run; ranking compared). It also names the slowest
// keystrokes (those that make the p95). Asserts nothing.
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileList } from '../../electron/core/index/file-list';
import { DEFAULT_INDEX_EXCLUDES } from '../../electron/core/index/options';
import { shardOf } from '../../electron/core/index/shards';
import { benchTrees } from './index/trees';
import { percentile } from './index/measure';

const TYPED: Record<string, string[]> = {
  'generated-100k': ['usersessioncache', 'packages/user', 'OrderItemHandle42'],
  node_modules: ['typescript/lib/tsc', 'zodtypes', 'readme'],
  'monaco-editor': ['editor.api', 'languages/ts', 'monaco.d.ts'],
};
const ROUNDS = Number(process.env.SPECDECK_QUICKOPEN_ROUNDS ?? 5);
const SLOWEST = Number(process.env.SPECDECK_QUICKOPEN_SLOWEST ?? 6);

function listPaths(root: string): string[] {
  const excluded = new Set(DEFAULT_INDEX_EXCLUDES);
  const out: string[] = [];
  const pending: [string, string][] = [[root, '']];
  while (pending.length > 0) {
    const [dir, rel] = pending.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (excluded.has(entry.name) || entry.name === '.specdeck-bench-complete') continue;
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) pending.push([path.join(dir, entry.name), relPath]);
      else if (entry.isFile()) out.push(relPath);
    }
  }
  return out;
}

type Lists = { search(query: string, limit?: number): { path: string; score: number }[] }[];
const merged = (lists: Lists, query: string) =>
  lists
    .flatMap((l) => l.search(query))
    .sort((a, b) => b.score - a.score || a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .slice(0, 50);

const baselineModule = process.env.SPECDECK_QUICKOPEN_BASELINE;
const Baseline = baselineModule ? ((await import(path.resolve(baselineModule))) as { FileList: new () => FileList }).FileList : null;
const f2 = (n: number) => n.toFixed(2);

for (const tree of benchTrees(path.resolve(import.meta.dirname, '../..'))) {
  const built = tree.build();
  const paths = listPaths(built.root);
  const shards = (Make: new () => FileList) =>
    [0, 1].map((s) => {
      const list = new Make();
      list.replace(paths.filter((p) => shardOf(p, 2) === s));
      return list;
    });
  const variants: [string, Lists][] = [['this', shards(FileList)]];
  if (Baseline) variants.push(['baseline', shards(Baseline)]);
  const lowered = paths.map((p) => p.toLowerCase());
  const times = new Map<string, Map<string, number[]>>(variants.map(([name]) => [name, new Map()]));
  const cpu = new Map<string, Map<string, number[]>>(variants.map(([name]) => [name, new Map()]));
  const plain = new Map<string, number[]>();
  let differ = 0;
  const loads: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    loads.push(os.loadavg()[0]!);
    for (const typed of TYPED[tree.name] ?? []) {
      for (let k = 1; k <= typed.length; k++) {
        const query = typed.slice(0, k);
        const results: string[] = [];
        for (const [name, lists] of round % 2 === 0 ? variants : [...variants].reverse()) {
          const cpuStarted = process.cpuUsage();
          const started = performance.now();
          const hits = merged(lists, query);
          const ms = performance.now() - started;
          const used = process.cpuUsage(cpuStarted);
          results.push(JSON.stringify(hits));
          const perQuery = times.get(name)!;
          perQuery.set(query, [...(perQuery.get(query) ?? []), ms]);
          const perQueryCpu = cpu.get(name)!;
          perQueryCpu.set(query, [...(perQueryCpu.get(query) ?? []), (used.user + used.system) / 1000]);
        }
        if (results.length === 2 && results[0] !== results[1]) differ++;
        const q = query.toLowerCase();
        const started = performance.now();
        lowered.filter((p) => p.includes(q));
        plain.set(query, [...(plain.get(query) ?? []), performance.now() - started]);
      }
    }
  }
  // Per keystroke the median of its rounds; then p50 / p95 / max over the keystrokes.
  const summary = (perQuery: Map<string, number[]>) => {
    const medians = [...perQuery.values()].map((v) => percentile(v, 50));
    return `${f2(percentile(medians, 50))} / ${f2(percentile(medians, 95))} / ${f2(Math.max(...medians))} ms`;
  };
  console.log(`\n--- ${tree.name}: ${paths.length} paths, ${plain.size} keystrokes × ${ROUNDS} rounds, load ${f2(Math.min(...loads))}–${f2(Math.max(...loads))}`);
  for (const [name] of variants) console.log(`  quick-open per keystroke p50 / p95 / max (${name}): wall ${summary(times.get(name)!)}, CPU ${summary(cpu.get(name)!)}`);
  console.log(`  reference, one plain indexOf pass over every path p50 / p95 / max: ${summary(plain)}`);
  // The keystrokes that make the p95: the slowest few by CPU median (SPECDECK_QUICKOPEN_SLOWEST sets how many).
  for (const [name] of variants) {
    const slowest = [...cpu.get(name)!.entries()]
      .map(([query, v]) => [query, percentile(v, 50), percentile(times.get(name)!.get(query)!, 50)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, SLOWEST);
    console.log(`  slowest keystrokes (${name}), CPU / wall median ms: ${slowest.map(([q, c, w]) => `'${q}' ${f2(c)} / ${f2(w)}`).join(', ')}`);
  }
  if (Baseline) {
    const p95 = (of: Map<string, Map<string, number[]>>, name: string) => percentile([...of.get(name)!.values()].map((v) => percentile(v, 50)), 95);
    console.log(`  p95 baseline / this: wall ${f2(p95(times, 'baseline') / p95(times, 'this'))}×, CPU ${f2(p95(cpu, 'baseline') / p95(cpu, 'this'))}×; rankings differing: ${differ}`);
  }
}
