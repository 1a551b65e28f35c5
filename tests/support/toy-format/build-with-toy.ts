// Builds the CLI (with the browser host) and the renderer as scripts/build.mjs does, plus one
// extra module loaded first: toy-format.ts, which registers the toy format. Everything else is
// the product's code. Output: node_modules/.cache/specdeck-toy-format/ (bin/, dist/cli,
// dist/renderer), one folder per caller so that test projects running at once do not share one;
// its package.json makes the host serve that renderer.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { repoRoot } from '../temp-workspace';

const toyModule = path.join(repoRoot, 'tests', 'support', 'toy-format', 'toy-format.ts');

/** Builds into node_modules/.cache/specdeck-toy-format-<name>/; returns the built `specdeck` command. */
export async function buildWithToyFormat(name: string, options: { renderer: boolean }): Promise<{ bin: string }> {
  const toyBuildDir = path.join(repoRoot, 'node_modules', '.cache', `specdeck-toy-format-${name}`);
  const toyBin = path.join(toyBuildDir, 'bin', 'specdeck.mjs');
  rmSync(path.join(toyBuildDir, 'dist', 'cli'), { recursive: true, force: true });
  mkdirSync(path.join(toyBuildDir, 'bin'), { recursive: true });
  writeFileSync(path.join(toyBuildDir, 'package.json'), '{ "name": "specdeck-toy-format-build", "private": true }\n');
  copyFileSync(path.join(repoRoot, 'bin', 'specdeck.mjs'), toyBin);
  const entry = path.join(toyBuildDir, 'cli-entry.ts');
  writeFileSync(entry, `import ${JSON.stringify(toyModule)};\nexport * from ${JSON.stringify(path.join(repoRoot, 'electron/cli/main.ts'))};\n`);
  await esbuild({
    bundle: true, platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning', format: 'esm',
    entryPoints: { specdeck: entry, 'index-worker': path.join(repoRoot, 'electron/core/index/worker.ts') },
    outdir: path.join(toyBuildDir, 'dist', 'cli'), outExtension: { '.js': '.mjs' },
  });
  if (!options.renderer) return { bin: toyBin };
  const { build: viteBuild } = await import('vite');
  const main = path.join(repoRoot, 'renderer', 'src', 'main.tsx');
  await viteBuild({
    configFile: path.join(repoRoot, 'renderer', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: path.join(toyBuildDir, 'dist', 'renderer'), emptyOutDir: true },
    // The renderer's entry, with the toy module imported before it.
    plugins: [{ name: 'specdeck-toy-format', enforce: 'pre', transform: (code, id) => (id === main ? `import ${JSON.stringify(toyModule)};\n${code}` : null) }],
  });
  return { bin: toyBin };
}
