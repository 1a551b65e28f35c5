// Messages between the index service (serving thread) and the index worker (the only writer).
import type { IndexProgress, TextSearchResult } from '../../../shared/api/contract';
import type { ApiErrorData } from '../../../shared/api/errors';
import type { TextSearchParams } from './text-search';
import type { IndexOptions } from './options';
import type { Recovery } from './open-db';
import type { MessagePort } from 'node:worker_threads';

export type IndexProgressData = IndexProgress;

export interface SkipSummary {
  /** Count per reason. */
  counts: Record<string, number>;
  /** The first few skipped paths with their reason. */
  samples: { path: string; reason: string }[];
}

export interface ChangeSummary {
  created: string[];
  updated: string[];
  removed: string[];
}

export type ToWorker =
  /** `shard` of `shards`: this worker indexes only the paths that hash to its shard. */
  | {
      type: 'init'; root: string; dbPath: string; options: IndexOptions; shard: number; shards: number;
      /** The first walk's ports (shared-walk.ts): shard 0 gets one per other shard, the others one each. */
      walkPorts?: MessagePort[];
      /** The service already staged this database's stored list (a quiet reopen that found a change): not sent again. */
      listStaged?: boolean;
    }
  | { type: 'changes'; id: number; paths: string[] }
  | { type: 'rescan' }
  | { type: 'close' }
  /** To a search worker (never given `init`): a regex search over these shard databases. */
  | { type: 'search'; id: number; dbPaths: string[]; params: TextSearchParams };

export type FromWorker =
  /** The database is open (and recovered if needed): readers may connect. */
  | { type: 'opened'; generation: number; recovered: Recovery | null }
  /**
   * Every indexed path, in chunks (so the serving thread takes them in small bites), each chunk
   * joined by '\0' (one string clones far faster than thousands). The list is complete at `last`.
   */
  | { type: 'list'; paths: string; first: boolean; last: boolean }
  | { type: 'progress'; progress: IndexProgressData }
  | { type: 'changed'; id: number | null; summary: ChangeSummary }
  | { type: 'scanned'; skipped: SkipSummary; elapsedMs: number }
  | { type: 'error'; message: string }
  /** A search worker took search `id` up (the budget counts from here, not from its start-up). */
  | { type: 'search-started'; id: number }
  | { type: 'searched'; id: number; results: TextSearchResult[]; error?: ApiErrorData };
