// Builds everything `npm ci` leaves ready to run: the CLI and browser host (Node bundles), the
// Electron main and preload bundles, and the renderer (Vite). Run by the `prepare` script.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';

const only = process.argv[2]; // optional: 'node' or 'renderer'
const started = Date.now();
if (only === undefined) rmSync('dist', { recursive: true, force: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  packages: 'external', // dependencies stay in node_modules (native modules among them)
  logLevel: 'warning',
};

if (only !== 'renderer') {
  await Promise.all([
    // Split at dynamic imports: a cold `specdeck search` loads only what it uses (issue 13).
    esbuild({ ...node, format: 'esm', splitting: true, entryPoints: { specdeck: 'electron/cli/main.ts', 'index-worker': 'electron/core/index/worker.ts' }, outdir: 'dist/cli', outExtension: { '.js': '.mjs' } }),
    esbuild({ ...node, format: 'esm', entryPoints: { main: 'electron/main/main.ts', 'index-worker': 'electron/core/index/worker.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.mjs' }, external: ['electron'] }),
    // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
    esbuild({ ...node, packages: undefined, format: 'cjs', entryPoints: { preload: 'electron/preload/preload.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' }, external: ['electron'] }),
  ]);
}
if (only !== 'node') {
  await viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
}
console.log(`specdeck: built ${only ?? 'everything'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
