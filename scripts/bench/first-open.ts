// The first open of the generated 100k tree only (the index bench's "quick-open usable after
// open (first scan)" and its stall), for A/B runs: builds the worker bundle, starts IndexService
// on an empty data folder, waits for the list and one quick-open ("a"), then closes without
// waiting for the text index. Prints one JSON line; asserts nothing.
// Usage: SPECDECK_BENCH_DIR=/tmp/bench-x npx tsx scripts/bench/first-open.ts [runs] [tree folder, default the generated 100k tree]
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IndexService } from '../../electron/core/index/index-service';
import { BENCH_ROOT, generatedTree } from './index/trees';
import { mainThreadCpuMs, stallMeter } from './index/measure';
import { buildIndexWorkerBundle } from './index/worker-bundle';

const repo = path.resolve(import.meta.dirname, '../..');
process.env.SPECDECK_INDEX_WORKER = await buildIndexWorkerBundle(repo);
const root = process.argv[3] ?? generatedTree().root;
const runs = Number(process.argv[2] ?? 1);
for (let run = 0; run < runs; run++) {
  const dataDir = path.join(BENCH_ROOT, 'data-first-open');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  process.env.SPECDECK_DATA_DIR = dataDir;
  const stall = stallMeter();
  const cpu0 = mainThreadCpuMs();
  const proc0 = process.cpuUsage();
  const started = performance.now();
  const index = IndexService.start(root);
  await index.whenListed();
  const listedMs = performance.now() - started;
  const cpuListed = mainThreadCpuMs() - cpu0;
  const q0 = performance.now();
  const qCpu0 = mainThreadCpuMs();
  const hits = await index.searchFiles('a');
  const firstQuickOpenMs = performance.now() - q0;
  const worst = stall.stop(); // (the list and the first quick-open, as the index bench)
  const firstQuickOpenCpu = mainThreadCpuMs() - qCpu0;
  const q1 = performance.now();
  await index.searchFiles('e');
  const secondQuickOpenMs = performance.now() - q1;
  const proc = process.cpuUsage(proc0);
  const result = {
    listedMs: +listedMs.toFixed(1),
    firstQuickOpenMs: +firstQuickOpenMs.toFixed(1),
    firstQuickOpenCpu: +firstQuickOpenCpu.toFixed(1),
    secondQuickOpenMs: +secondQuickOpenMs.toFixed(1),
    worstStallMs: +worst.toFixed(1),
    worstStallAt: +stall.worstAt().toFixed(1),
    worstStallCpu: +stall.worstCpu().toFixed(1),
    servingCpuUntilListed: +cpuListed.toFixed(1),
    processCpuMs: +((proc.user + proc.system) / 1000).toFixed(1),
    hits: hits.length,
    files: (await index.listFiles()).length,
    load: +os.loadavg()[0]!.toFixed(2),
  };
  await index.close();
  console.log(JSON.stringify(result));
}
