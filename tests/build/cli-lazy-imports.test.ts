// A cold `specdeck search` loads only what it uses (issue 13): the CLI entry's static imports must
// not reach the session, the watcher, the web host or the API contract (and with them zod, ws and
// @parcel/watcher), nor the index and SQLite (only search, files and index use them), nor
// picomatch (only a search with globs needs it); commands load those with import() (picomatch
// with require) when they run.
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');

describe('CLI bundle: lazy imports', () => {
  it('keeps the heavy modules out of the static import graph of electron/cli/main.ts', async () => {
    const result = await build({
      absWorkingDir: repo, entryPoints: ['electron/cli/main.ts'], bundle: true, platform: 'node', format: 'esm',
      packages: 'external', write: false, metafile: true, splitting: true, outdir: 'dist/unused', logLevel: 'silent',
    });
    const inputs = result.metafile.inputs;
    // Breadth-first over static imports only, remembering who imported what (for the message).
    const via = new Map<string, string | null>([['electron/cli/main.ts', null]]);
    const queue = ['electron/cli/main.ts'];
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const imp of inputs[file]?.imports ?? []) {
        if (imp.kind !== 'import-statement' || via.has(imp.path)) continue;
        via.set(imp.path, file);
        queue.push(imp.path);
      }
    }
    const chain = (file: string) => {
      const out: string[] = [];
      for (let f: string | null | undefined = file; f; f = via.get(f)) out.push(f);
      return out.join(' <- ');
    };
    const heavy = ['zod', 'ws', '@parcel/watcher', 'picomatch', 'better-sqlite3', 'electron/core/index/read-only-index.ts', 'shared/api/contract.ts', 'electron/core/session.ts', 'electron/web/host.ts'];
    expect(heavy.filter((h) => via.has(h)).map(chain)).toEqual([]);
    // The read-only index is what search and files use: loaded by open-folder.ts with import()
    // (and the walk above does reach open-folder.ts: the check is not vacuous).
    expect(via.has('electron/cli/open-folder.ts')).toBe(true);
    expect(inputs['electron/cli/open-folder.ts']!.imports).toContainEqual(expect.objectContaining({ path: 'electron/core/index/read-only-index.ts', kind: 'dynamic-import' }));
  });
});
