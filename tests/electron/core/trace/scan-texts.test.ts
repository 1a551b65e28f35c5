// The whole-tree scan's reader must answer exactly as the per-file reader: text for linkable
// files, null for binary, too large, missing and outside-leading ones, in the files' order.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { readLinkableText, scanLinkableTexts, TRACE_FILE_LIMIT } from '../../../../electron/core/trace/file-text';
import { Workspace } from '../../../../electron/core/workspace/workspace';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it('scanLinkableTexts gives what readLinkableText gives, for every kind of file, in order', async () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'specdeck-scan-'));
  dirs.push(base);
  const root = path.join(base, 'ws');
  mkdirSync(path.join(root, 'src'), { recursive: true });
  writeFileSync(path.join(base, 'outside.ts'), '// @spec demo/1 outside\n');
  writeFileSync(path.join(root, 'src/a.ts'), '// @spec demo/1\nexport const a = 1;\n');
  writeFileSync(path.join(root, 'src/bin.dat'), Buffer.from([1, 0, 2, 3]));
  writeFileSync(path.join(root, 'src/latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  writeFileSync(path.join(root, 'src/huge.ts'), 'x'.repeat(TRACE_FILE_LIMIT + 1));
  symlinkSync(path.join(base, 'outside.ts'), path.join(root, 'src/out.ts'));
  // More files than one slice, so the scan yields between slices and must keep the order.
  const many = Array.from({ length: 600 }, (_, i) => `src/m${i}.ts`);
  for (const [i, rel] of many.entries()) writeFileSync(path.join(root, rel), `export const m = ${i};\n`);
  const ws = await Workspace.open(root);
  const files = ['src/a.ts', 'src/bin.dat', 'src/latin1.txt', 'src/huge.ts', 'src/out.ts', 'src/missing.ts', ...many];
  const scanned = await scanLinkableTexts(ws, files, (rel, text) => ({ rel, text }));
  const oneByOne = await Promise.all(files.map(async (rel) => ({ rel, text: await readLinkableText(ws, rel) })));
  expect(scanned).toEqual(oneByOne);
  expect(scanned[0]!.text).toContain('@spec demo/1');
  expect(scanned.slice(1, 6).map((s) => s.text)).toEqual([null, null, null, null, null]);
  expect(scanned.at(-1)).toEqual({ rel: 'src/m599.ts', text: 'export const m = 599;\n' });
});
