// The serving thread's view of one shard: its worker, its read-only connection and what it
// last reported. IndexService combines the shards.
import type { TransferListItem, Worker } from 'node:worker_threads';
import type { IndexProgress } from '../../../shared/api/contract';
import { FileList } from './file-list';
import { openReader, type IndexDb, type Recovery } from './open-db';
import type { FromWorker, SkipSummary, ToWorker } from './protocol';
import { TextSearcher } from './text-search';
import { spawnIndexWorker } from './worker-spawn';

export type ShardState = 'starting' | 'listing' | 'indexing' | 'ready' | 'failed';

/**
 * What IndexService.isIdle asks of every shard, kept up to date by the shards as they change so
 * the question costs O(1) (it is asked after every change batch and every staged list chunk).
 */
export class ShardTally {
  /** Shards starting, listing or indexing. */
  busy = 0;
  /** List chunks received but not staged yet, over all shards. */
  unstagedChunks = 0;
  /** Shards whose new list is begun and not committed (it may wait for its next part). */
  stagingLists = 0;
}

const isBusy = (state: ShardState): boolean => state === 'starting' || state === 'listing' || state === 'indexing';

export class ShardClient {
  /** Started by start(): a quiet reopen (quiet-reopen.ts) serves an unchanged tree without one. */
  private worker: Worker | null = null;
  /** The worker thread has ended (closed, or crashed): close() must not wait for it again. */
  private exited = false;
  reader: IndexDb | null = null;
  private statsReader: IndexDb | null = null;
  searcher: TextSearcher | null = null;
  private current: ShardState = 'starting';
  progress: IndexProgress | null = null;
  /** This shard's paths for quick-open; `listed` once its first complete list arrived. */
  readonly files = new FileList();
  listed = false;
  /** List chunks received but not staged yet (see IndexService.stageListChunk). */
  private readonly listChunks: Extract<FromWorker, { type: 'list' }>[] = [];
  /** The first chunk's paths while it is being staged, and how far staging got. */
  listCursor: { paths: string[]; at: number } | null = null;
  /** Change reports that arrived while a list was being staged, applied after it. */
  readonly afterList: (() => void)[] = [];
  skipped: SkipSummary = { counts: {}, samples: [] };
  recovered: Recovery | null = null;
  lastScanMs: number | null = null;
  error: string | null = null;

  constructor(
    readonly dbPath: string,
    private readonly onMessage: (shard: ShardClient, message: FromWorker) => void,
    private readonly onFailure: (shard: ShardClient, message: string) => void,
    private readonly isClosing: () => boolean,
    private readonly tally: ShardTally = new ShardTally(),
  ) {
    if (isBusy(this.current)) tally.busy++;
  }

  get state(): ShardState {
    return this.current;
  }

  set state(next: ShardState) {
    this.tally.busy += Number(isBusy(next)) - Number(isBusy(this.current));
    this.current = next;
  }

  /** Queues a received list chunk; true when it is the only one (staging must be started). */
  queueListChunk(chunk: Extract<FromWorker, { type: 'list' }>): boolean {
    this.listChunks.push(chunk);
    this.tally.unstagedChunks++;
    return this.listChunks.length === 1;
  }

  /** The chunk being staged (the oldest received). */
  get listChunk(): Extract<FromWorker, { type: 'list' }> | undefined {
    return this.listChunks[0];
  }

  /** The oldest chunk is staged. */
  listChunkStaged(): void {
    this.listChunks.shift();
    this.tally.unstagedChunks--;
  }

  get hasUnstagedList(): boolean {
    return this.listChunks.length > 0;
  }

  /** A new list begins (a first chunk; it replaces a partial one still staging). */
  beginList(): void {
    if (!this.files.staging) this.tally.stagingLists++;
    this.files.beginStaging();
  }

  /** The list being staged is complete: quick-open answers from it. */
  commitList(): void {
    this.files.commitStaging();
    this.tally.stagingLists--;
  }

  /** A list is begun and not committed (between two parts of a list streamed while the walk runs). */
  get listStaging(): boolean {
    return this.files.staging;
  }

  get started(): boolean {
    return this.worker !== null;
  }

  /** Spawns the shard's writer (once). */
  start(): void {
    if (this.worker) return;
    const worker = (this.worker = spawnIndexWorker());
    worker.on('message', (message: FromWorker) => this.onMessage(this, message));
    worker.on('error', (error) => this.onFailure(this, error.stack ?? error.message));
    worker.on('exit', () => {
      this.exited = true;
      if (!this.isClosing()) this.onFailure(this, 'the index worker stopped unexpectedly');
    });
  }

  /** To the worker, which must have been started. */
  post(message: ToWorker, transfer: readonly TransferListItem[] = []): void {
    this.worker!.postMessage(message, transfer);
  }

  /** (Re)connects the reader after the worker opened or rebuilt the database. */
  connect(): void {
    this.reader?.close();
    this.statsReader?.close();
    this.reader = openReader(this.dbPath);
    // Status reads its own connection: a sliced search keeps `reader` busy between slices.
    this.statsReader = openReader(this.dbPath);
    this.searcher = new TextSearcher(this.reader);
  }

  counts(): { files: number; textFiles: number; textBytes: number } {
    if (!this.statsReader) return { files: 0, textFiles: 0, textBytes: 0 };
    return this.statsReader
      .prepare(
        'SELECT count(*) AS files, count(indexed_hash) AS textFiles, coalesce(sum(CASE WHEN indexed_hash IS NOT NULL THEN size END), 0) AS textBytes FROM files',
      )
      .get() as { files: number; textFiles: number; textBytes: number };
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (worker && !this.exited) {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      this.post({ type: 'close' });
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await exited;
      clearTimeout(timer);
    }
    this.reader?.close();
    this.statsReader?.close();
    this.reader = null;
    this.statsReader = null;
    this.searcher = null;
  }
}
