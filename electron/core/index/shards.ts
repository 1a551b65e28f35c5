// The index can be split into shards, each a complete index (its own database file and writer
// thread) of the paths that hash to it: trigram and posting work runs on one core per writer, so two shards
// build the text index about twice as fast on a two-core machine.
import { availableParallelism } from 'node:os';

/** FNV-1a over the UTF-16 units of the path: stable across runs, so a file keeps its shard. */
export function shardOf(relPath: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < relPath.length; i++) {
    h ^= relPath.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

/** One writer per core, at most two: more would starve the serving thread on small machines. */
export function defaultShardCount(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/** Shard 0 uses the base path (`….sqlite`); shard i the same name with `.shard<i>` before the extension. */
export function shardDbPath(base: string, shard: number): string {
  return shard === 0 ? base : base.replace(/(\.sqlite)?$/, `.shard${shard}.sqlite`);
}
