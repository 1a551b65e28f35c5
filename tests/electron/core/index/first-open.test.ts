// The first open of a tree hands the walked list to quick-open before any shard writes its rows:
// the test holds every shard database's write lock (another connection's open transaction), so
// a writer that listed its rows first could not list anything; quick-open must answer anyway,
// from the walk, and once the lock goes the index completes exactly.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openIndexDb } from '../../../../electron/core/index/open-db';
import { shardDbPath } from '../../../../electron/core/index/shards';
import { makeTree, useIndexSandbox } from './helpers';

describe('first open', () => {
  const sandbox = useIndexSandbox();

  for (const shards of [1, 2]) {
    it(`searchFiles answers from the walked list before the shards have written (${shards} shard${shards > 1 ? 's' : ''})`, async () => {
      const files: Record<string, string> = {};
      // With two shards, enough files that each shard's list comes in several parts.
      const count = shards === 1 ? 40 : 12_000;
      for (let i = 0; i < count; i++) files[`src/dir${i % 4}/file${i}.ts`] = `export const needle${i} = ${i};\n`;
      files['docs/readme.md'] = '# readme\n';
      const root = makeTree(files);
      const dbPath = path.join(sandbox.dataDir(), 'index.sqlite');
      // Created (schema only, nothing listed yet: still a first open) and write-locked.
      const lockers = Array.from({ length: shards }, (_, i) => openIndexDb(shardDbPath(dbPath, i)).db);
      for (const db of lockers) db.exec('BEGIN IMMEDIATE');
      try {
        const index = sandbox.open(root, { shards, dbPath });
        await index.whenListed();
        expect(index.status().files).toBe(0); // no shard has written a row
        expect(await index.listFiles()).toEqual(Object.keys(files).sort());
        expect((await index.searchFiles('readme')).map((h) => h.path)).toEqual(['docs/readme.md']);
        expect((await index.searchFiles('dir1/file17.ts')).map((h) => h.path)[0]).toBe('src/dir1/file17.ts');
        for (const db of lockers) db.exec('ROLLBACK');
        await index.whenIdle();
        expect(index.status().files).toBe(Object.keys(files).length);
        expect((await index.searchText({ query: 'needle17 = 17;' })).hits.map((h) => h.path)).toEqual(['src/dir1/file17.ts']);
      } finally {
        for (const db of lockers) db.close();
      }
    });
  }
});
