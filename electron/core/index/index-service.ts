// The workspace index as the serving thread sees it. Worker threads (one per shard, see
// shards.ts) do all reading of files and all writing to SQLite; this side keeps the path list
// for quick-open in memory, runs text queries on read-only connections, and turns worker
// messages into events and status.
import { statSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import type { FileSearchHit, IndexProgress, IndexStatus, TextSearchResult } from '../../../shared/api/contract';
import { SerialQueue } from '../../../shared/async/serial-queue';
import { indexDbPath } from '../storage/data-dir';
import type { Recovery } from './open-db';
import { resolveIndexOptions, type IndexOptions } from './options';
import type { ChangeSummary, FromWorker } from './protocol';
import { compileMatcher } from './line-matcher';
import { quietReopen, type QuietReopen } from './quiet-reopen';
import { RegexSearchWorker } from './regex-search';
import { ShardClient, ShardTally } from './shard-client';
import { defaultShardCount, shardDbPath, shardOf } from './shards';
import { DEFAULT_TEXT_LIMIT, mergeShardResults, type TextSearchParams } from './text-search';

export interface IndexServiceOptions extends Partial<IndexOptions> {
  /** Defaults to the user's data folder keyed by workspace (see data-dir.ts). */
  dbPath?: string;
  /** Writer threads / database files; defaults to one per core, at most two. */
  shards?: number;
  /** Time a regex search may take in its worker before QUERY_TOO_EXPENSIVE (regex-search.ts). */
  regexBudgetMs?: number;
  /**
   * Serve an unchanged stored index without starting the writers until a change or a rescan
   * asks for them (quiet-reopen.ts); default true. False starts them at once, as before.
   */
  quietReopen?: boolean;
}

export interface IndexListeners {
  progress?: (progress: IndexProgress) => void;
  /** Files the index added, updated or removed (live changes and scan deletions). */
  changed?: (summary: ChangeSummary) => void;
  /** An unusable database was moved aside; the index is being rebuilt. */
  recovered?: (recovery: Recovery) => void;
}

type Waiter = { resolve: () => void; reject: (error: Error) => void };
type PendingChange = { remaining: number; summary: ChangeSummary; resolve: (summary: ChangeSummary) => void };

const emptySummary = (): ChangeSummary => ({ created: [], updated: [], removed: [] });

export class IndexService {
  /** The first shard's database (the one that also holds the spec tables). */
  readonly dbPath: string;
  readonly dbPaths: string[];
  private readonly shards: ShardClient[];
  /** Busy shards and unstaged list chunks, counted as they change (isIdle reads them). */
  private readonly tally = new ShardTally();
  private listed = false;
  private closed = false;
  private failure: string | null = null;
  private nextChangeId = 1;
  private readonly searchQueue = new SerialQueue();
  private readonly regexSearch: RegexSearchWorker;
  private readonly pendingChanges = new Map<number, PendingChange>();
  private readonly listWaiters: Waiter[] = [];
  private readonly idleWaiters: Waiter[] = [];
  private readonly openWaiters: Waiter[] = [];
  private readonly options: IndexOptions;
  /** The writers were started (at once, or when a quiet reopen found a difference or was asked to change). */
  private writing = false;
  /** Each shard's stored paths a quiet reopen staged (the writers need not send them again). */
  private heldStored: number[] | null = null;

  private constructor(
    readonly root: string,
    options: IndexServiceOptions,
    private readonly listeners: IndexListeners,
  ) {
    this.dbPath = options.dbPath ?? indexDbPath(root);
    this.regexSearch = new RegexSearchWorker(options.regexBudgetMs);
    const count = Math.max(1, Math.floor(options.shards ?? defaultShardCount()));
    this.dbPaths = Array.from({ length: count }, (_, i) => shardDbPath(this.dbPath, i));
    this.options = resolveIndexOptions(options);
    this.shards = this.dbPaths.map(
      (p) => new ShardClient(p, (shard, message) => this.onMessage(shard, message), (_shard, message) => this.fail(message), () => this.closed, this.tally),
    );
    if (options.quietReopen === false) this.startWriters();
    else void this.reopenQuietly();
  }

  /**
   * Starts the writer of every shard that has none yet, which reconciles the tree (later calls
   * start none). After a quiet reopen's walk that found a few files differing: only the writers of
   * the shards those files hash to, which apply them instead; the others stay as a quiet reopen
   * leaves them until a change or rescan.
   */
  private startWriters(verdict?: QuietReopen): void {
    if (this.closed) return;
    const count = this.shards.length;
    const changed = verdict && new Set(verdict.differing.map((p) => shardOf(p, count)));
    const starting = this.shards.filter((shard, i) => !shard.started && (!changed || changed.has(i)));
    if (starting.length === 0) return;
    this.writing = true;
    // One walk for all shards when they all start (shared-walk.ts): shard 0 walks, the others wait
    // on a port. Shards started after others (after a catch-up) walk for themselves.
    const shared = starting.length === count && count > 1;
    const channels = shared ? Array.from({ length: count - 1 }, () => new MessageChannel()) : [];
    this.shards.forEach((shard, i) => {
      if (!starting.includes(shard)) return;
      const walkPorts = !shared ? [] : i === 0 ? channels.map((c) => c.port1) : [channels[i - 1]!.port2];
      shard.start();
      const heldPaths = this.heldStored?.[i];
      const catchUp = verdict && { paths: verdict.differing, startedAt: verdict.walkStartedAt, skipped: verdict.skipped[i]! };
      shard.post({ type: 'init', root: this.root, dbPath: shard.dbPath, options: this.options, shard: i, shards: count, walkPorts, heldPaths, catchUp }, walkPorts);
    });
  }

  /**
   * An unchanged tree is served from the stored index with no writer running; anything else (or
   * any doubt) starts the writers. Sliced like a search: the walk never holds the serving thread.
   */
  private async reopenQuietly(): Promise<void> {
    const started = performance.now();
    let verdict: QuietReopen | null = null;
    try {
      // The stored list is staged while the walk runs, as a writer's announced list would be (in
      // the worker's chunks: one join of 100k paths alone held the thread for tens of ms).
      const stageStored = (shardPaths: string[][]) => {
        // Writers started meanwhile (a change at once) were not told of it: they send the list.
        if (this.writing) return;
        this.heldStored = shardPaths.map((paths) => paths.length);
        this.shards.forEach((shard, i) => {
          const paths = shardPaths[i]!;
          for (let at = 0; at === 0 || at < paths.length; at += STORED_LIST_CHUNK) {
            const last = at + STORED_LIST_CHUNK >= paths.length;
            this.onMessage(shard, { type: 'list', paths: paths.slice(at, at + STORED_LIST_CHUNK).join('\0'), first: at === 0, last });
          }
        });
      };
      verdict = await runInSlices(until(quietReopen(this.root, this.dbPaths, this.options, stageStored, true), () => this.closed || this.writing));
    } catch {
      verdict = null; // an unexpected failure of the shortcut must not fail the index: the writers decide
    }
    if (this.closed || this.writing) return; // closed, or a change or rescan started the writers meanwhile
    if (!verdict) {
      this.startWriters();
      return;
    }
    if (verdict.differing.length > 0) this.startWriters(verdict);
    const elapsedMs = performance.now() - started;
    this.shards.forEach((shard, i) => {
      if (shard.started) return; // catching up: it reports as a reconcile does
      shard.connect();
      shard.skipped = verdict.skipped[i]!;
      shard.lastScanMs = elapsedMs;
      shard.state = 'ready';
      shard.progress = { phase: 'ready', filesSeen: verdict.shardPaths[i]!.length, filesIndexed: 0, filesToIndex: 0, bytes: 0 };
    });
    const total = this.progress();
    if (total) this.listeners.progress?.(total);
    if (this.shards.every((s) => s.searcher)) this.release(this.openWaiters);
    this.checkIdle();
  }

  /** Starts indexing `root` (a real, absolute path) in the background; returns at once. */
  static start(root: string, options: IndexServiceOptions = {}, listeners: IndexListeners = {}): IndexService {
    return new IndexService(root, options, listeners);
  }

  /** Whether the writer threads run (a quiet reopen starts them at the first change or rescan). */
  get writersStarted(): boolean {
    return this.writing;
  }

  /** How many shards' writer threads were started. */
  get writersRunning(): number {
    return this.shards.filter((s) => s.started).length;
  }

  /** Resolves once the path list is known (from the database, or from the first walk). */
  whenListed(): Promise<void> {
    return this.listed ? Promise.resolve() : this.wait(this.listWaiters);
  }

  /** Resolves when every shard's scan is done, its list staged, and no change batch is waiting. */
  whenIdle(): Promise<void> {
    return this.isIdle() ? Promise.resolve() : this.wait(this.idleWaiters);
  }

  async listFiles(): Promise<string[]> {
    await this.whenListed();
    return this.shards.flatMap((s) => s.files.all()).sort();
  }

  /** Feeds changed paths (files or folders, workspace-relative) to the index; resolves when applied. */
  applyChanges(paths: string[]): Promise<ChangeSummary> {
    if (this.closed || this.failure !== null) return Promise.resolve(emptySummary());
    this.startWriters(); // after a quiet reopen: the first change starts them (their reconcile runs first)
    const id = this.nextChangeId++;
    return new Promise((resolve) => {
      this.pendingChanges.set(id, { remaining: this.shards.length, summary: emptySummary(), resolve });
      for (const shard of this.shards) shard.post({ type: 'changes', id, paths });
    });
  }

  /** Re-walks the tree (a refresh was asked for). */
  rescan(): void {
    const running = this.shards.filter((s) => s.started);
    this.startWriters(); // the others: their first act is a reconcile
    for (const shard of this.shards) {
      shard.state = 'listing';
      if (running.includes(shard)) shard.post({ type: 'rescan' });
    }
  }

  async searchFiles(query: string, limit = 50): Promise<FileSearchHit[]> {
    await this.whenListed();
    const perShard: FileSearchHit[][] = [];
    for (const shard of this.shards) perShard.push(await runInSlices(shard.files.searchSteps(query, limit)));
    if (perShard.length === 1) return perShard[0]!;
    // Each shard's best `limit`, merged: the same order FileList uses.
    return perShard
      .flat()
      .sort((a, b) => b.score - a.score || a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .slice(0, limit);
  }

  /** Text search, in slices so the serving thread stays responsive; searches run one at a time. */
  searchText(params: TextSearchParams): Promise<TextSearchResult> {
    return this.searchQueue.run(() => this.searchTextNow(params));
  }

  private async searchTextNow(params: TextSearchParams): Promise<TextSearchResult> {
    if (this.shards.some((s) => !s.searcher)) await this.wait(this.openWaiters);
    const started = performance.now();
    const limit = params.limit ?? DEFAULT_TEXT_LIMIT;
    const results: TextSearchResult[] = [];
    if (params.regex) {
      // Off the serving thread, with a budget (regex-search.ts); an invalid pattern fails here first.
      compileMatcher({ query: params.query, regex: true, caseSensitive: params.caseSensitive ?? false, wholeWord: params.wholeWord ?? false });
      results.push(...(await this.regexSearch.search(this.dbPaths, { ...params, limit })));
    }
    for (const shard of params.regex ? [] : this.shards) {
      if (this.closed) throw new Error('the index was closed');
      results.push(await runInSlices(shard.searcher!.searchSteps({ ...params, limit })));
    }
    return mergeShardResults(results, limit, started);
  }

  status(): IndexStatus {
    const counts = { files: 0, textFiles: 0, textBytes: 0 };
    const skipped: IndexStatus['skipped'] = { counts: {}, samples: [] };
    for (const shard of this.shards) {
      const c = shard.counts();
      counts.files += c.files;
      counts.textFiles += c.textFiles;
      counts.textBytes += c.textBytes;
      for (const [reason, n] of Object.entries(shard.skipped.counts)) skipped.counts[reason] = (skipped.counts[reason] ?? 0) + n;
      skipped.samples.push(...shard.skipped.samples);
    }
    skipped.samples.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const scans = this.shards.map((s) => s.lastScanMs);
    return {
      state: this.state(),
      progress: this.progress(),
      ...counts,
      dbPath: this.dbPath,
      dbBytes: this.dbPaths.reduce((n, p) => n + fileSize(p) + fileSize(p + '-wal'), 0),
      skipped,
      recovered: this.shards.find((s) => s.recovered)?.recovered ?? null,
      error: this.failure,
      lastScanMs: scans.every((ms) => ms !== null) ? Math.max(...(scans as number[])) : null,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.shards.map((s) => s.close()), this.regexSearch.close()]);
    for (const pending of this.pendingChanges.values()) pending.resolve(pending.summary);
    this.pendingChanges.clear();
    this.rejectAll(new Error('the index was closed'));
  }

  private state(): IndexStatus['state'] {
    if (this.failure !== null) return 'failed';
    const states = this.shards.map((s) => s.state);
    for (const state of ['starting', 'listing', 'indexing'] as const) if (states.includes(state)) return state;
    return 'ready';
  }

  /** The shards' progress added up; the phase is the least advanced one. */
  private progress(): IndexProgress | null {
    const all = this.shards.map((s) => s.progress);
    if (all.some((p) => p === null)) return null;
    const phases: IndexProgress['phase'][] = ['listing', 'indexing', 'ready'];
    const phase = phases[Math.min(...all.map((p) => phases.indexOf(p!.phase)))]!;
    const sum = (k: 'filesSeen' | 'filesIndexed' | 'filesToIndex' | 'bytes') => all.reduce((n, p) => n + p![k], 0);
    return { phase, filesSeen: sum('filesSeen'), filesIndexed: sum('filesIndexed'), filesToIndex: sum('filesToIndex'), bytes: sum('bytes') };
  }

  private onMessage(shard: ShardClient, message: FromWorker): void {
    if (this.closed) return;
    switch (message.type) {
      case 'opened':
        // Readers a quiet reopen connected stay (a search may be using one) unless the file was replaced.
        if (!shard.searcher || message.recovered) shard.connect();
        void this.regexSearch.close(); // its readers may hold a database since moved aside
        if (message.recovered) {
          shard.recovered = message.recovered;
          this.listeners.recovered?.(message.recovered);
        }
        if (this.shards.every((s) => s.searcher)) this.release(this.openWaiters);
        break;
      case 'list':
        // Messages that arrive together are delivered in one go: take one chunk per turn of the
        // event loop, so a 100,000-path list never holds up other work for long.
        if (shard.queueListChunk(message)) setImmediate(() => this.stageListChunk(shard));
        break;
      case 'list-diff':
        this.onListDiff(shard, message.added === '' ? [] : message.added.split('\0'), message.removed === '' ? [] : message.removed.split('\0'));
        break;
      case 'progress': {
        shard.progress = message.progress;
        if (message.progress.phase !== 'ready') shard.state = message.progress.phase;
        const total = this.progress();
        if (total) this.listeners.progress?.(total);
        break;
      }
      case 'changed':
        this.onChanged(shard, message.id, message.summary);
        break;
      case 'scanned':
        shard.skipped = message.skipped;
        shard.lastScanMs = message.elapsedMs;
        shard.state = 'ready';
        this.checkIdle();
        break;
      case 'error':
        shard.error = message.message;
        this.fail(message.message);
        break;
    }
  }

  private stageListChunk(shard: ShardClient): void {
    if (this.closed) return;
    const chunk = shard.listChunk!;
    if (shard.listCursor === null) {
      if (chunk.first) shard.beginList();
      shard.listCursor = { paths: chunk.paths === '' ? [] : chunk.paths.split('\0'), at: 0 };
    }
    // A few thousand paths per turn of the event loop at most, within a time budget: staging
    // computes each path's quick-open facts, and a loaded machine makes any fixed count too many.
    const cursor = shard.listCursor;
    const started = performance.now();
    while (cursor.at < cursor.paths.length && performance.now() - started < STAGE_MS) {
      shard.files.stage(cursor.paths.slice(cursor.at, cursor.at + STAGE_PATHS));
      cursor.at += STAGE_PATHS;
    }
    if (cursor.at < cursor.paths.length) {
      setImmediate(() => this.stageListChunk(shard));
      return;
    }
    shard.listChunkStaged();
    shard.listCursor = null;
    if (chunk.last) {
      shard.commitList();
      shard.listed = true;
      if (!this.listed && this.shards.every((s) => s.listed)) {
        this.listed = true;
        this.release(this.listWaiters);
      }
    }
    if (shard.hasUnstagedList) setImmediate(() => this.stageListChunk(shard));
    else if (!shard.listStaging) {
      // (A list still staging gets its next part while the walk runs: the next message stages it.)
      for (const deferred of shard.afterList.splice(0)) deferred();
      this.checkIdle();
    }
  }

  private onListDiff(shard: ShardClient, added: string[], removed: string[]): void {
    if (shard.hasUnstagedList || shard.listStaging) {
      shard.afterList.push(() => this.onListDiff(shard, added, removed)); // after the list it changes
      return;
    }
    shard.files.add(added);
    shard.files.remove(removed);
    this.checkIdle();
  }

  private onChanged(shard: ShardClient, id: number | null, summary: ChangeSummary): void {
    if (shard.hasUnstagedList || shard.listStaging) {
      // A list is still being staged (or waits for its next part): apply this change after it, in order.
      shard.afterList.push(() => this.onChanged(shard, id, summary));
      return;
    }
    shard.files.add(summary.created);
    shard.files.remove(summary.removed);
    const pending = id === null ? undefined : this.pendingChanges.get(id);
    if (pending) {
      // Report a batch once, when every shard has applied its part.
      pending.summary.created.push(...summary.created);
      pending.summary.updated.push(...summary.updated);
      pending.summary.removed.push(...summary.removed);
      if (--pending.remaining > 0) return;
      this.pendingChanges.delete(id!);
      summary = pending.summary;
      pending.resolve(summary);
    }
    if (summary.created.length + summary.updated.length + summary.removed.length > 0) this.listeners.changed?.(summary);
    this.checkIdle();
  }

  private isIdle(): boolean {
    // A list still being staged is not applied yet: listFiles would answer the one before it.
    // O(1): state() === 'ready' is "no failure and no shard starting, listing or indexing".
    return this.failure === null && this.tally.busy === 0 && this.pendingChanges.size === 0 && this.tally.unstagedChunks === 0 && this.tally.stagingLists === 0;
  }

  private checkIdle(): void {
    if (this.isIdle()) this.release(this.idleWaiters);
  }

  private fail(message: string): void {
    if (this.closed || this.failure !== null) return;
    this.failure = message;
    this.rejectAll(new Error(`indexing failed: ${message}`));
    for (const pending of this.pendingChanges.values()) pending.resolve(pending.summary);
    this.pendingChanges.clear();
  }

  private rejectAll(error: Error): void {
    for (const w of [...this.listWaiters, ...this.idleWaiters, ...this.openWaiters]) w.reject(error);
    this.listWaiters.length = this.idleWaiters.length = this.openWaiters.length = 0;
  }

  private wait(list: Waiter[]): Promise<void> {
    if (this.failure !== null) return Promise.reject(new Error(`indexing failed: ${this.failure}`));
    if (this.closed) return Promise.reject(new Error('the index was closed'));
    return new Promise((resolve, reject) => list.push({ resolve, reject }));
  }

  private release(list: Waiter[]): void {
    for (const w of list.splice(0)) w.resolve();
  }
}

const SLICE_MS = 8;
/** Paths per staged chunk of a quiet reopen's stored list (as the worker's LIST_CHUNK). */
const STORED_LIST_CHUNK = 5000;
/** List staging: paths per step, and the time a turn may take before it lets other work in. */
const STAGE_PATHS = 500;
const STAGE_MS = 8;

/** Drives a sliced computation, giving the event loop a turn whenever a slice ran SLICE_MS. */
async function runInSlices<T>(steps: Generator<void, T>): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** `steps` until `stop()` says otherwise (then null; the generator's finally runs). */
function* until<T>(steps: Generator<void, T>, stop: () => boolean): Generator<void, T | null> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (stop()) {
      steps.return(undefined as T);
      return null;
    }
    yield;
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
