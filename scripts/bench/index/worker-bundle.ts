// The index worker as it ships (an esbuild bundle, as scripts/build.mjs makes it), for the
// benches that start IndexService: not compiled by tsx on every start (the serving side runs
// from source either way). Kept in node_modules/.cache (not dist/, which every build wipes),
// where its imports resolve.
import path from 'node:path';
import { build as esbuild } from 'esbuild';

/** Builds the worker bundle; returns its path (for SPECDECK_INDEX_WORKER). */
export async function buildIndexWorkerBundle(repo: string): Promise<string> {
  const outfile = path.join(repo, 'node_modules', '.cache', 'specdeck-bench', 'index-worker.mjs');
  await esbuild({
    entryPoints: [path.join(repo, 'electron/core/index/worker.ts')], outfile,
    bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning',
  });
  return outfile;
}
