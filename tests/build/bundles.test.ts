// The Electron bundles cannot be run here (no Electron binary), but their shape can be checked:
// a sandboxed preload may require nothing but 'electron', and the main bundle may import only
// electron, Node built-ins and production dependencies (all that a packaged app contains).
// Needs `npm run build` (npm test builds first).
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/temp-workspace';

const dist = path.join(repoRoot, 'dist', 'electron');
const read = (file: string) => {
  const full = path.join(dist, file);
  if (!existsSync(full)) throw new Error(`${full} is missing: run \`npm run build\` first`);
  return readFileSync(full, 'utf8');
};
const packageName = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);

describe('Electron bundles', () => {
  it('preload.cjs requires only electron and exposes only specdeck and specdeckHost', () => {
    const preload = read('preload.cjs');
    const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/\bimport\s/);
    const exposed = [...preload.matchAll(/exposeInMainWorld\(\s*["']([^"']+)["']/g)].map((m) => m[1]);
    expect(exposed.sort()).toEqual(['specdeck', 'specdeckHost']);
  });

  it('main.mjs imports only electron, Node built-ins and production dependencies', () => {
    const main = read('main.mjs');
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
    expect(path.join(repoRoot, pkg.main)).toBe(path.join(dist, 'main.mjs'));
    const specifiers = [...main.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']/gm), ...main.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
    expect(specifiers).toContain('electron');
    const allowed = new Set(['electron', ...builtinModules, ...Object.keys(pkg.dependencies)]);
    const foreign = specifiers.filter((s) => !s.startsWith('node:') && !allowed.has(packageName(s)));
    expect(foreign).toEqual([]);
  });

  it('ships every file main.mjs loads relative to itself (workers)', () => {
    const main = read('main.mjs');
    // (A `./x.ts` reference is the source-mode fallback for tsx, never taken by the bundle.)
    const siblings = [...main.matchAll(/new URL\(\s*["']\.\/([^"']+\.[cm]?js)["']/g)].map((m) => m[1]!);
    expect(siblings.length).toBeGreaterThan(0);
    expect(siblings.filter((file) => !existsSync(path.join(dist, file)))).toEqual([]);
  });
});

describe('renderer bundle', () => {
  it('the page’s entry script is small and has no Monaco: the socket opens while the workbench chunk loads', () => {
    const html = readFileSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const code = readFileSync(path.join(repoRoot, 'dist', 'renderer', entry!), 'utf8');
    expect(code).toContain('workbench-entry'); // loaded from the entry, not part of it
    expect(code).not.toContain('MonacoEnvironment');
    expect(code.length).toBeLessThan(1_000_000); // the whole renderer with Monaco was 4.4 MB
  });
});
