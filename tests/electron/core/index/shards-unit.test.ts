import { describe, expect, it } from 'vitest';
import { shardDbPath, shardOf } from '../../../../electron/core/index/shards';

describe('index shards', () => {
  it('maps a path to the same shard every time, and spreads paths over all shards', () => {
    expect(shardOf('src/a.ts', 2)).toBe(shardOf('src/a.ts', 2));
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[shardOf(`dir${i % 17}/file${i}.ts`, 3)]!++;
    for (const n of counts) expect(n).toBeGreaterThan(800);
    expect(shardOf('anything', 1)).toBe(0);
  });

  it('names each shard’s database beside the first', () => {
    expect(shardDbPath('/d/index/p-1.sqlite', 0)).toBe('/d/index/p-1.sqlite');
    expect(shardDbPath('/d/index/p-1.sqlite', 1)).toBe('/d/index/p-1.shard1.sqlite');
  });
});
