// On real trees written by others, every literal search finds exactly the lines ripgrep finds
// with the same ignore rules and size limit.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexLines, makeTree, ripgrepLines, useIndexSandbox } from './helpers';
import { corpusDir } from '../../../support/corpus-dir';

const repo = path.resolve(import.meta.dirname, '../../../..');
// Real code (zod, picomatch, ws, ignore) and real spec repositories (the shared corpus).
const TREES = [
  ['node_modules/zod', ['export', 'ZodType', 'return', '=>', 'import {', 'Q', '${', '"use', 'TODO', 'ñ', 'é']],
  ['node_modules/ws', ['Buffer', 'socket', 'readyState', 'function', '0x', 'é']],
  ['node_modules/picomatch', ['glob', 'regex', '\\\\', '**', 'NEAR', '--']],
  [path.relative(repo, corpusDir), ['Requirement', 'SHALL', '- [ ]', '- [x]', 'WHEN', '需求', '_Requirements:', '**WHEN**', 'NEAR', '--', '"The', '(see', 'é']],
] as const;

describe('index: parity with ripgrep on real trees', () => {
  const sandbox = useIndexSandbox();

  for (const [source, queries] of TREES) {
    it(`matches ripgrep on ${source}`, async () => {
      // A copy, so the tree has no ignore files from above it.
      const root = makeTree({});
      cpSync(path.join(repo, source), root, { recursive: true, verbatimSymlinks: true });
      const index = sandbox.open(root);
      await index.whenIdle();
      expect(index.status().textFiles).toBeGreaterThan(5);
      for (const query of queries) {
        for (const caseSensitive of [true, false]) {
          const result = await index.searchText({ query, caseSensitive, limit: 20_000 });
          expect(result.truncated, `${query} hit the limit`).toBe(false);
          const expected = ripgrepLines(root, query, { caseSensitive });
          const actual = indexLines(result);
          expect({ query, caseSensitive, missing: [...expected].filter((l) => !actual.has(l)).slice(0, 5), extra: [...actual].filter((l) => !expected.has(l)).slice(0, 5) })
            .toEqual({ query, caseSensitive, missing: [], extra: [] });
          expect(actual.size).toBe(expected.size);
        }
      }
    }, 120_000);
  }
});
