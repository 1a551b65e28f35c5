// A sharded index (one database and writer per shard) answers exactly as a single one does.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, useIndexSandbox } from './helpers';

describe('index: shards', () => {
  const sandbox = useIndexSandbox();

  it('gives the same files, hits and counts with 1 and 3 shards, also after live changes', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`dir${i % 7}/file${i}.ts`] = `export const value${i} = 'shared needle ${i % 5}';\n`;
    const root = makeTree(files);
    const one = sandbox.open(root, { shards: 1, dbPath: path.join(sandbox.dataDir(), 'one.sqlite') });
    const three = sandbox.open(root, { shards: 3, dbPath: path.join(sandbox.dataDir(), 'three.sqlite') });
    await Promise.all([one.whenIdle(), three.whenIdle()]);
    expect(three.dbPaths).toHaveLength(3);

    const compare = async () => {
      expect(await three.listFiles()).toEqual(await one.listFiles());
      const query = { query: 'needle 3', limit: 20_000 };
      expect((await three.searchText(query)).hits).toEqual((await one.searchText(query)).hits);
      expect(await three.searchFiles('file12')).toEqual(await one.searchFiles('file12'));
      const [a, b] = [one.status(), three.status()];
      expect([b.files, b.textFiles, b.textBytes]).toEqual([a.files, a.textFiles, a.textBytes]);
    };
    await compare();
    expect((await three.listFiles()).length).toBe(300);

    writeFileSync(path.join(root, 'dir1/new.ts'), 'shared needle 3 again\n');
    rmSync(path.join(root, 'dir2'), { recursive: true });
    const changed = ['dir1/new.ts', 'dir2'];
    const [s1, s3] = await Promise.all([one.applyChanges(changed), three.applyChanges(changed)]);
    expect(s3.created).toEqual(s1.created);
    expect(s3.removed.sort()).toEqual(s1.removed.sort());
    expect(s1.removed.length).toBeGreaterThan(0);
    await compare();

    // A limit cuts the merged results of all shards, and says so.
    const limited = await three.searchText({ query: 'needle', limit: 10 });
    expect(limited.hits).toHaveLength(10);
    expect(limited.truncated).toBe(true);
  });
});
