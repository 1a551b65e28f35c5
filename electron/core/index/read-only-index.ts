// The index as a one-shot command uses it: read-only connections on the calling thread, no worker
// threads, and answers only while the stored index is complete and matches the disk. Freshness is
// one stat walk compared with the stored size and mtime of every file (what a reconcile would
// compare). Anything else (no index yet, a schema to migrate, an interrupted scan, a changed,
// new or deleted file, a damaged file) gives null: the caller then brings the index up to date
// through IndexService, which also moves a damaged database aside.
import { existsSync, lstatSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { FileSearchHit, TextSearchResult } from '../../../shared/api/contract';
import { indexDbPath } from '../storage/data-dir';
import { IgnoreRules } from '../workspace/ignore-rules';
import { FileList } from './file-list';
import { compileMatcher } from './line-matcher';
import { RegexSearchWorker } from './regex-search';
import { openReader, type IndexDb } from './open-db';
import { resolveIndexOptions, type IndexOptions } from './options';
import { noteIgnoreFileAbsence } from './scanner';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema';
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
}

/** Thrown out of the walk at the first difference: the rest of the tree need not be visited. */
class Stale extends Error {}

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
  ) {}

  /** The index of `root` (a real, absolute path) when it is complete and fresh; else null. */
  static openIfFresh(root: string, options: ReadOnlyIndexOptions = {}): ReadOnlyIndex | null {
    const base = options.dbPath ?? indexDbPath(root);
    const count = Math.max(1, Math.floor(options.shards ?? defaultShardCount()));
    const dbPaths = Array.from({ length: count }, (_, i) => shardDbPath(base, i));
    if (!dbPaths.every((p) => existsSync(p))) return null;
    const dbs: IndexDb[] = [];
    try {
      // path → [path, size, mtime]: raw rows, the cheapest better-sqlite3 gives.
      const stored = new Map<string, [string, number, number]>();
      for (const p of dbPaths) {
        const db = openReader(p);
        dbs.push(db);
        if (!isCompleteIndex(db)) throw new Stale();
        for (const row of db.prepare('SELECT path, size, mtime_ms FROM files').raw().all() as [string, number, number][]) stored.set(row[0], row);
      }
      const rules = new IgnoreRules(root, resolveIndexOptions(options).excludes);
      const scannedAt = Math.min(...dbs.map((db) => Date.parse(String(db.prepare("SELECT value FROM meta WHERE key = 'last_scan_completed_at'").pluck().get()))));
      if (changedSince(path.join(root, '.git', 'info', 'exclude'), scannedAt)) throw new Stale(); // not a file of the index
      if (freshnessWalk(root, rules, stored, scannedAt) !== stored.size) throw new Stale(); // a file was deleted (or became ignored)
      return new ReadOnlyIndex(dbs, dbPaths, [...stored.keys()], options.regexBudgetMs);
    } catch (error) {
      for (const db of dbs) db.close();
      if (error instanceof Stale) return null;
      // A database we cannot read here (locked, damaged, not ours): the writer path decides.
      if (typeof (error as { code?: unknown }).code === 'string' && String((error as { code: string }).code).startsWith('SQLITE_')) return null;
      throw error;
    }
  }

  searchText(params: TextSearchParams): Promise<TextSearchResult> {
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

/** Ours, of this schema, and the last scan finished with every listed file read. */
function isCompleteIndex(db: IndexDb): boolean {
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return false;
  if (db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) return false;
  if (db.prepare("SELECT 1 FROM meta WHERE key = 'last_scan_completed_at'").get() === undefined) return false;
  return db.prepare("SELECT 1 FROM files WHERE kind = 'pending' LIMIT 1").get() === undefined;
}

/**
 * The stat walk that decides freshness; returns how many stored files it found unchanged and
 * throws Stale at the first difference. It visits what scanTree visits, but a file the index
 * holds needs no ignore verdict of its own: it was visible when indexed, and every rule that
 * could hide it since lives in a file whose change is itself seen (a .gitignore the index holds,
 * or one it does not hold and .git/info/exclude, compared with the time of the last scan).
 * Folders are judged as scanTree judges them, so ignored folders are not entered.
 */
function freshnessWalk(root: string, rules: IgnoreRules, stored: Map<string, [string, number, number]>, scannedAt: number): number {
  let seen = 0;
  const heldFolders = foldersHolding(stored.keys());
  const pending = [''];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      throw new Stale(); // a folder the index read became unreadable, or went: let the writer see
    }
    noteIgnoreFileAbsence(rules, dir, entries);
    for (const entry of entries) {
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      // A name that is not valid UTF-8 is never indexed (scanTree cannot stat it); a stored file
      // under such a folder is then missing from the count, which reads as stale.
      if (entry.name.includes('\uFFFD') && !stored.has(rel)) continue;
      if (entry.isDirectory()) {
        // A folder holding an indexed file was visible at the scan and, as for files, only a
        // changed rule file (seen on its own) could hide it since: no verdict needed.
        if (heldFolders.has(rel) || !rules.isIgnoredInVisibleFolder(rel, true)) pending.push(rel);
        continue;
      }
      const row = stored.get(rel);
      if (row) {
        if (!entry.isFile()) throw new Stale(); // a stored file became a link or something else
        const info = lstatSync(`${root}/${rel}`); // root is absolute and real, rel plain: no join needed
        if (row[1] !== info.size || row[2] !== info.mtimeMs) throw new Stale();
        seen++;
      } else if (entry.name === '.gitignore' && changedSince(path.join(root, rel), scannedAt)) {
        throw new Stale(); // an ignore file the index does not hold changed since the scan
      } else if (entry.isFile() && !rules.isIgnoredInVisibleFolder(rel, false)) {
        throw new Stale(); // a new visible file
      }
    }
  }
  return seen;
}

/** Every folder that holds a stored file, directly or below. */
function foldersHolding(paths: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const p of paths) {
    // Up from the file's folder until one already known (its ancestors are then known too).
    for (let end = p.lastIndexOf('/'); end > 0; end = p.lastIndexOf('/', end - 1)) {
      const folder = p.slice(0, end);
      if (folders.has(folder)) break;
      folders.add(folder);
    }
  }
  return folders;
}

function changedSince(file: string, time: number): boolean {
  try {
    return !(lstatSync(file).mtimeMs < time);
  } catch {
    return false; // absent
  }
}
