// The index worker as it ships (an esbuild bundle, as scripts/build.mjs makes it), for the
// benches that start IndexService: not compiled by tsx on every start (the serving side runs
// from source either way). Kept in node_modules/.cache (not dist/, which every build wipes),
// where its imports resolve.
import path from 'node:path';
import { build as esbuild } from 'esbuild';

/**
 * Builds the worker bundle; returns its path (for SPECDECK_INDEX_WORKER). `into`: the checkout
 * whose node_modules holds it (another name per checkout when two builds share one node_modules).
 */
export async function buildIndexWorkerBundle(repo: string, into = repo, name = 'index-worker'): Promise<string> {
  const outfile = path.join(into, 'node_modules', '.cache', 'specdeck-bench', `${name}.mjs`);
  await esbuild({
    entryPoints: [path.join(repo, 'electron/core/index/worker.ts')], outfile,
    bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning',
  });
  return outfile;
}
