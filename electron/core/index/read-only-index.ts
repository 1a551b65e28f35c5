// The index as a one-shot command uses it: read-only connections on the calling thread, no worker
// threads, and answers only while the stored index is complete and matches the disk. Freshness is
// one stat walk compared with the stored size and mtime of every file (what a reconcile would
// compare). Anything else (no index yet, a schema to migrate, an interrupted scan, a changed,
// new or deleted file, a damaged file) gives null: the caller then brings the index up to date
// through IndexService, which also moves a damaged database aside.
import { existsSync } from 'node:fs';
import type { FileSearchHit, TextSearchResult } from '../../../shared/api/contract';
import { indexDbPath } from '../storage/data-dir';
import { IgnoreRules } from '../workspace/ignore-rules';
import { FileList } from './file-list';
import { freshnessWalk, runToEnd, Stale, StoredIndex } from './fresh-check';
import { compileMatcher } from './line-matcher';
import { RegexSearchWorker } from './regex-search';
import type { IndexDb } from './open-db';
import { resolveIndexOptions, type IndexOptions } from './options';
import { defaultShardCount, shardDbPath } from './shards';
import { DEFAULT_TEXT_LIMIT, mergeShardResults, TextSearcher, type TextSearchParams } from './text-search';

/** What `specdeck search` and `files` need; IndexService offers the same two methods. */
export interface IndexQueries {
  searchText(params: TextSearchParams): Promise<TextSearchResult>;
  searchFiles(query: string, limit?: number): Promise<FileSearchHit[]>;
}

export interface ReadOnlyIndexOptions extends Partial<IndexOptions> {
  dbPath?: string;
  shards?: number;
  /** As IndexService's: a regex search's time in its worker before QUERY_TOO_EXPENSIVE. */
  regexBudgetMs?: number;
  /**
   * 'paths' (`specdeck files`): fresh when the stored paths match the disk, whatever the files
   * hold (no lstat per file); such an index answers searchFiles only. Default 'text'.
   */
  needs?: 'text' | 'paths';
}

export class ReadOnlyIndex implements IndexQueries {
  /** Built on the first quick-open query (a text search never needs it). */
  private files: FileList | null = null;
  /** Started by the first regex search only: literal searches need no thread. */
  private regex: RegexSearchWorker | null = null;

  private constructor(
    private readonly dbs: IndexDb[],
    private readonly dbPaths: string[],
    private readonly paths: string[],
    private readonly regexBudgetMs: number | undefined,
    private readonly needs: 'text' | 'paths',
  ) {}

  /** The index of `root` (a real, absolute path) when it is complete and fresh; else null. */
  static openIfFresh(root: string, options: ReadOnlyIndexOptions = {}): ReadOnlyIndex | null {
    const base = options.dbPath ?? indexDbPath(root);
    const count = Math.max(1, Math.floor(options.shards ?? defaultShardCount()));
    const dbPaths = Array.from({ length: count }, (_, i) => shardDbPath(base, i));
    if (!dbPaths.every((p) => existsSync(p))) return null;
    let index: StoredIndex | null = null;
    try {
      index = StoredIndex.open(dbPaths);
      if (!index) return null;
      runToEnd(index.load());
      const rules = new IgnoreRules(root, resolveIndexOptions(options).excludes);
      // Fewer found than stored: a file was deleted (or became ignored).
      const needs = options.needs ?? 'text';
      if (runToEnd(freshnessWalk(root, rules, index, undefined, needs)) !== index.stored.size) throw new Stale();
      return new ReadOnlyIndex(index.dbs, dbPaths, [...index.stored.keys()], options.regexBudgetMs, needs);
    } catch (error) {
      index?.close();
      if (error instanceof Stale) return null;
      // A database we cannot read here (locked, damaged, not ours): the writer path decides.
      if (typeof (error as { code?: unknown }).code === 'string' && String((error as { code: string }).code).startsWith('SQLITE_')) return null;
      throw error;
    }
  }

  searchText(params: TextSearchParams): Promise<TextSearchResult> {
    // Its freshness check compared paths, not contents: the text may be stale.
    if (this.needs === 'paths') return Promise.reject(new Error('this read-only index was opened for paths only'));
    if (params.regex) return this.searchRegex(params);
    return Promise.resolve().then(() => {
      const started = performance.now();
      const results = this.dbs.map((db) => new TextSearcher(db).search(params));
      return mergeShardResults(results, params.limit, started);
    });
  }

  searchFiles(query: string, limit = 50): Promise<FileSearchHit[]> {
    return Promise.resolve().then(() => {
      if (!this.files) {
        this.files = new FileList();
        this.files.replace(this.paths);
      }
      return this.files.search(query, limit);
    });
  }

  /**
   * As IndexService does it: JavaScript's regex engine backtracks, so a pattern like `(a+)+$`
   * runs in a worker with a budget and ends in QUERY_TOO_EXPENSIVE, never on this thread.
   */
  private async searchRegex(params: TextSearchParams): Promise<TextSearchResult> {
    // An invalid pattern fails here, as INVALID_ARGUMENT, without starting a thread.
    compileMatcher({ query: params.query, regex: true, caseSensitive: params.caseSensitive ?? false, wholeWord: params.wholeWord ?? false });
    const started = performance.now();
    const limit = params.limit ?? DEFAULT_TEXT_LIMIT;
    this.regex ??= new RegexSearchWorker(this.regexBudgetMs);
    return mergeShardResults(await this.regex.search(this.dbPaths, { ...params, limit }), limit, started);
  }

  close(): void {
    for (const db of this.dbs) db.close();
    void this.regex?.close(); // unref'd: it never holds the process open meanwhile
  }
}
