// Starts the index worker from wherever this code runs: the esbuild bundle (dist/*/index-worker.mjs
// beside the bundle) or the TypeScript sources under vitest/tsx (worker.ts loaded through tsx's
// API: on Node 20 a worker's `--import tsx` registers its hooks too late for the entry module).
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A small young generation: V8's default lets each worker's nursery grow to 32 MB, which a
 * worker filled and kept (the writer's garbage is short-lived: row objects, statement
 * arguments); with two writers and the serving thread that was a quarter of the peak RSS while
 * indexing 100,000 files. Scavenges get more frequent, each one cheaper.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 6 };

export function spawnIndexWorker(): Worker {
  const resourceLimits = WORKER_LIMITS;
  // A prebuilt worker bundle (the bench uses it to measure the worker as it ships).
  const prebuilt = process.env.SPECDECK_INDEX_WORKER;
  if (prebuilt) return new Worker(pathToFileURL(prebuilt), { resourceLimits });
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./index-worker.mjs', here), { resourceLimits });
  const entry = new URL('./worker.ts', here).href;
  const tsxRoot = path.dirname(createRequire(here).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}
