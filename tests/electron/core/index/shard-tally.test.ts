// IndexService.isIdle reads a tally the shards keep as they change (shard-client.ts) instead of
// asking every shard. The tally must always equal a recount over the shards.
import { describe, expect, it } from 'vitest';
import { ShardClient, ShardTally, type ShardState } from '../../../../electron/core/index/shard-client';

const STATES: ShardState[] = ['starting', 'listing', 'indexing', 'ready', 'failed'];
const chunk = (n: number) => ({ type: 'list' as const, paths: `p${n}`, first: true, last: true });

describe('index: shard tally', () => {
  it('counts busy shards, unstaged list chunks and lists being staged exactly as a recount over the shards would', () => {
    const tally = new ShardTally();
    const shards = [0, 1, 2].map((i) => new ShardClient(`/nowhere/${i}.sqlite`, () => {}, () => {}, () => false, tally));
    const queued = [0, 0, 0];
    expect(tally).toEqual({ busy: 3, unstagedChunks: 0, stagingLists: 0 }); // every shard starts 'starting'
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let step = 0; step < 2000; step++) {
      const i = next(3);
      const shard = shards[i]!;
      const action = next(5);
      if (action === 0) shard.state = STATES[next(STATES.length)]!; // also the same state again
      else if (action === 1) expect(shard.queueListChunk(chunk(step))).toBe(++queued[i]! === 1);
      else if (action === 2 && shard.hasUnstagedList) {
        shard.listChunkStaged();
        queued[i]!--;
      } else if (action === 3) shard.beginList(); // also over a partial list still staging
      else if (action === 4 && shard.listStaging) shard.commitList();
      const busy = shards.filter((s) => s.state === 'starting' || s.state === 'listing' || s.state === 'indexing').length;
      const stagingLists = shards.filter((s) => s.listStaging).length;
      expect(tally).toEqual({ busy, unstagedChunks: queued.reduce((a, b) => a + b, 0), stagingLists });
      expect(shards.map((s) => s.hasUnstagedList)).toEqual(queued.map((n) => n > 0));
    }
  });

  it('hands out the chunks in the order received', () => {
    const shard = new ShardClient('/nowhere.sqlite', () => {}, () => {}, () => false);
    shard.queueListChunk(chunk(1));
    shard.queueListChunk(chunk(2));
    expect(shard.listChunk?.paths).toBe('p1');
    shard.listChunkStaged();
    expect(shard.listChunk?.paths).toBe('p2');
    shard.listChunkStaged();
    expect(shard.listChunk).toBeUndefined();
  });
});
