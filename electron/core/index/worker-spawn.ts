// Starts the index worker from wherever this code runs: the esbuild bundle (dist/*/index-worker.mjs
// beside the bundle) or the TypeScript sources under vitest/tsx (worker.ts loaded through tsx's
// API: on Node 20 a worker's `--import tsx` registers its hooks too late for the entry module).
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export function spawnIndexWorker(): Worker {
  // A prebuilt worker bundle (the bench uses it to measure the worker as it ships).
  const prebuilt = process.env.SPECDECK_INDEX_WORKER;
  if (prebuilt) return new Worker(pathToFileURL(prebuilt));
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./index-worker.mjs', here));
  const entry = new URL('./worker.ts', here).href;
  const tsxRoot = path.dirname(createRequire(here).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(bootstrap, { eval: true });
}
