// Reopening an unchanged tree without starting the writers: the shards opened read-only on the
// serving thread, one stat walk compared with the stored sizes and mtimes (fresh-check.ts), and,
// when everything matches, the stored list and the walk's skip report are all the service needs.
// Starting two worker threads and opening the database for writing was most of a reopen on a
// small tree (17–25× a stat walk on monaco's 1.9k files). Collecting, a few differing files are
// returned for the writers to apply (a catch-up); too many, a changed rule file, or a database
// this cannot judge gives null: the writers start and reconcile as before (and recover a damaged
// database). Runs as steps so the caller can slice it (a 100k-file walk takes seconds).
import { existsSync } from 'node:fs';
import { IgnoreRules } from '../workspace/ignore-rules';
import { freshnessWalk, Stale, StoredIndex } from './fresh-check';
import type { IndexOptions } from './options';
import type { SkipSummary } from './protocol';
import { addStoredContentSkips, SkipLog } from './skip-log';
import { shardOf } from './shards';

export interface QuietReopen {
  /** Each shard's stored paths. */
  shardPaths: string[][];
  /** Each shard's skip summary, as a reconcile of the unchanged tree reports it (the walk's skips, the stored binary and too-large files). */
  skipped: SkipSummary[];
  /**
   * The files that differ from the stored index (changed, new, gone), when asked to collect them:
   * the writers bring only these in line (empty: unchanged). Otherwise any difference gives null.
   */
  differing: string[];
  /** When the walk began (as a reconcile's scan start). */
  walkStartedAt: number;
}

/** `loaded` gets each shard's stored paths before the walk (quick-open can use them meanwhile). */
export function* quietReopen(
  root: string,
  dbPaths: string[],
  options: IndexOptions,
  loaded: (shardPaths: string[][]) => void = () => {},
  collect = false,
): Generator<void, QuietReopen | null> {
  if (!dbPaths.every((p) => existsSync(p))) return null;
  let index: StoredIndex | null = null;
  try {
    index = StoredIndex.open(dbPaths);
    if (!index) return null;
    // What the writer's open probes (open-db.ts): a damaged first page of a table shows now.
    for (const db of index.dbs) for (const table of ['chunks', 'postings']) db.prepare(`SELECT id FROM ${table} LIMIT 1`).get();
    yield* index.load();
    loaded(index.shardPaths);
    const logs = dbPaths.map(() => new SkipLog());
    const skip = (p: string, reason: string) => logs[shardOf(p, dbPaths.length)]!.add(p, reason);
    const walkStartedAt = Date.now();
    const differing: string[] = [];
    const seen = yield* freshnessWalk(root, new IgnoreRules(root, options.excludes), index, skip, 'text', collect ? differing : undefined);
    if (!collect && seen !== index.stored.size) return null; // a file was deleted (or became ignored)
    // As a reconcile reports them: the stored files whose content is not indexed. A shard that
    // holds a differing file gets a catch-up, whose writer adds them after the files it reads.
    const catchingUp = new Set(differing.map((p) => shardOf(p, dbPaths.length)));
    for (const [shard, db] of index.dbs.entries()) if (!catchingUp.has(shard)) yield* addStoredContentSkips(db, options.maxFileSize, logs[shard]!);
    return { shardPaths: index.shardPaths, skipped: logs.map((l) => l.take()), differing, walkStartedAt };
  } catch (error) {
    // Damaged, locked, not ours (SQLite's codes), or gone mid-walk (fs codes): the writers decide.
    if (error instanceof Stale || typeof (error as { code?: unknown }).code === 'string') return null;
    throw error;
  } finally {
    index?.close();
  }
}
