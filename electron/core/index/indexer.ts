// The index writer, run inside the worker thread: full reconcile (first scan and reopen alike)
// and live change batches, one transaction per batch. Live batches go first: between two
// content batches of a long scan the queue of saved files is drained, so a save is searchable
// quickly even while a 100,000-file tree is being indexed.
import { lstatSync, type Stats } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { IgnoreRules } from '../workspace/ignore-rules';
import { isRaceOrGone } from '../workspace/pinned';
import { ContentReader, type FileContent } from './content';
import type { IndexStore } from './index-store';
import type { IndexOptions } from './options';
import type { ChangeSummary, IndexProgressData, SkipSummary } from './protocol';
import { errorReason, scanTree, type ScannedFile } from './scanner';
import { WalkFollower, WalkLead, type WalkShare } from './shared-walk';
import { runToEnd } from './fresh-check';
import { addStoredContentSkips, SkipLog } from './skip-log';

export interface IndexerEvents {
  list(paths: string[]): void;
  /**
   * Part of a list sent while the walk runs (a first open): `first` begins a new list (it
   * replaces any part sent before), `last` completes it.
   */
  listPart(paths: string[], first: boolean, last: boolean): void;
  /** A reconcile's additions to and removals from the list the serving side holds (a small difference). */
  listDiff(added: string[], removed: string[]): void;
  progress(progress: IndexProgressData): void;
  changed(id: number | null, summary: ChangeSummary): void;
  scanned(skipped: SkipSummary, elapsedMs: number): void;
  failed(error: unknown): void;
}

const BATCH_FILES = 2000;
/** Paths per part of a list streamed while the walk runs. */
const STREAM_CHUNK = 5000;
/** Past this many added and removed paths a reconcile resends its whole list instead of the difference. */
const DIFF_MAX = 5000;
const BATCH_BYTES = 8 * 1024 * 1024;
const PROGRESS_EVERY_MS = 100;
/**
 * A scan merges its segments once, at its end. Merging size tiers after every batch rewrote each
 * posting two or three times more and walked the whole postings table per merge (about a third
 * of a worker's CPU on the node_modules copy); only past this many segments (queries during the
 * scan read one row per segment) is a merge run mid-scan.
 */
const SCAN_SEGMENTS_MAX = 64;

export class Indexer {
  private readonly rules: IgnoreRules;
  private readonly reader: ContentReader;
  private readonly queue: { id: number | null; paths: string[] }[] = [];
  private rescanRequested = false;
  private catchUpRequest: { paths: string[]; startedAt: number; walkSkips: SkipSummary } | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private progress: IndexProgressData = { phase: 'ready', filesSeen: 0, filesIndexed: 0, filesToIndex: 0, bytes: 0 };
  private lastProgressAt = 0;
  /** The serving side holds the current list (so an unchanged walk need not resend it). */
  private listAnnounced = false;

  constructor(
    private readonly store: IndexStore,
    private readonly root: string,
    private readonly options: IndexOptions,
    /** Whether a path belongs to this indexer's shard (every path, with one shard). */
    private readonly owns: (relPath: string) => boolean,
    private readonly events: IndexerEvents,
    /** The first reconcile's walk, shared between shards (shared-walk.ts); none with one shard. */
    private firstWalk: WalkLead | WalkFollower | null = null,
  ) {
    this.rules = new IgnoreRules(root, options.excludes);
    this.reader = new ContentReader(options.maxFileSize);
  }

  /**
   * Sends the paths a previous scan listed, so quick-open works before this scan ends; nothing
   * on a first open (an empty list would look like an empty folder). `held`: how many stored
   * paths the serving side already staged from this database (a quiet reopen read them before
   * the writers started): when the store holds as many, they are not sent again.
   */
  announceStoredList(held?: number): boolean {
    if (this.store.meta('listed_at') === undefined) return false;
    const paths = this.store.allPaths();
    this.listAnnounced = true;
    if (held === paths.length) return true;
    this.events.list(paths);
    return false;
  }

  /**
   * Instead of a first reconcile: the quiet reopen's walk (begun at `startedAt`) found only these
   * files differing, and the serving side holds the stored list. They are applied as a change
   * batch; the scan is reported done with the walk's skips and what reading them skipped.
   */
  catchUp(paths: string[], startedAt: number, walkSkips: SkipSummary): void {
    this.catchUpRequest = { paths, startedAt, walkSkips };
    // No shared walk will run: a follower stops waiting, a lead lets its followers walk.
    if (this.firstWalk instanceof WalkFollower) this.firstWalk.cancel();
    else this.firstWalk?.abandon();
    this.firstWalk = null;
    this.kick();
  }

  private applyCatchUp({ paths, startedAt, walkSkips }: { paths: string[]; startedAt: number; walkSkips: SkipSummary }): void {
    const started = performance.now();
    const skips = SkipLog.from(walkSkips);
    this.progress = { phase: 'indexing', filesSeen: 0, filesIndexed: 0, filesToIndex: 0, bytes: 0 };
    this.emitProgress(true);
    const summary = this.applyChanges(paths, skips);
    const read = summary.created.length + summary.updated.length; // this shard's files read
    if (summary.created.length + summary.removed.length > 0) this.events.listDiff(summary.created, summary.removed);
    this.store.setMeta('last_scan_completed_at', new Date(startedAt).toISOString());
    this.store.db.pragma('wal_checkpoint(TRUNCATE)');
    runToEnd(addStoredContentSkips(this.store.db, this.options.maxFileSize, skips)); // as a reconcile ends
    // As a reconcile ends: every file of the shard seen, the changed ones read (no walk listed them).
    this.progress = { phase: 'ready', filesSeen: this.store.fileCount(), filesIndexed: read, filesToIndex: read, bytes: 0 };
    this.emitProgress(true);
    this.events.scanned(skips.take(), performance.now() - started);
  }

  enqueueChanges(id: number | null, paths: string[]): void {
    this.queue.push({ id, paths });
    this.kick();
  }

  requestRescan(): void {
    this.rescanRequested = true;
    this.kick();
  }

  /** Stops after the current transaction; resolves when nothing runs any more. */
  async stop(): Promise<void> {
    this.stopped = true;
    // Never left waiting on each other: a follower stops waiting, a lead that never walked lets go.
    if (this.firstWalk instanceof WalkFollower) this.firstWalk.cancel();
    else this.firstWalk?.abandon();
    await this.running;
  }

  /** Ids of change batches not applied yet (answered by the caller on recovery). */
  queuedIds(): (number | null)[] {
    return this.queue.map((b) => b.id);
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped && (this.queue.length > 0 || this.rescanRequested || this.catchUpRequest)) {
        if (this.catchUpRequest) {
          const request = this.catchUpRequest;
          this.catchUpRequest = null;
          this.applyCatchUp(request); // first, as a reconcile would be
        }
        this.drainChanges();
        if (this.rescanRequested) {
          this.rescanRequested = false;
          await this.reconcile();
        }
      }
    } catch (error) {
      this.events.failed(error);
    }
  }

  private drainChanges(): void {
    while (this.queue.length > 0 && !this.stopped) {
      const batch = this.queue.shift()!;
      this.events.changed(batch.id, this.applyChanges(batch.paths));
    }
  }

  /** Brings the index in line with the disk: list by size and mtime, then read what changed. */
  async reconcile(): Promise<void> {
    const started = performance.now();
    const skips = new SkipLog();
    this.progress = { phase: 'listing', filesSeen: 0, filesIndexed: 0, filesToIndex: 0, bytes: 0 };
    this.emitProgress(true);
    const listed = await this.listTree(skips);
    if (!listed) return;
    const { scanStartedAt, wrote } = listed;

    // Rows still pending from an interrupted run are picked up here too. They are read a page at
    // a time (ids ascending): a first scan of 100,000 files keeps no list of them all.
    const toIndex = this.store.pendingCount();
    this.progress.phase = 'indexing';
    this.progress.filesToIndex = toIndex;
    this.emitProgress(true);
    for (let after = 0; !this.stopped; ) {
      const page = this.store.pendingRowsAfter(after, BATCH_FILES);
      if (page.length === 0) break;
      // Each file is read straight into the reused buffer and written before the next is read.
      const removed: string[] = [];
      let files = 0;
      let bytes = 0;
      this.store.transaction(() => {
        for (let i = 0; i < page.length && bytes < BATCH_BYTES; i++) {
          const row = page[i]!;
          after = row.id;
          files++;
          const current = this.store.rowById(row.id);
          if (!current || current.kind !== 'pending') continue; // a live change got there first
          try {
            const content = this.reader.read(path.join(this.root, row.path), row.size);
            bytes += content.kind === 'too-large' ? 0 : content.size;
            this.store.store(current, row.mtime_ms, content); // binary and too-large: reported from their rows below
          } catch (error) {
            // Gone, or not verifiably at its path (a folder on the way became a link): no row.
            if (isRaceOrGone(error)) {
              this.store.remove(current);
              removed.push(row.path);
              skips.add(row.path, errorReason(error));
            } else {
              this.store.markUnreadable(current);
              skips.add(row.path, errorReason(error));
            }
          }
        }
      });
      if (this.store.postings.segments().length > SCAN_SEGMENTS_MAX) this.store.postings.compact(false);
      if (removed.length > 0) this.events.changed(null, { created: [], updated: [], removed });
      this.progress.filesIndexed += files;
      this.progress.bytes += bytes;
      this.emitProgress(false);
      await yieldToEvents(); // let queued live changes (and close) in
      this.drainChanges();
    }
    if (this.stopped) return;
    // One segment after a scan that wrote text: a query then reads one row per trigram bucket.
    if (toIndex > 0) this.store.postings.compact(true);
    // Always recorded (one small row), as the time this scan began: the CLI's freshness check
    // compares the ignore files the index holds no row of (.git/info/exclude) with it. The
    // checkpoint only after real writes.
    this.store.setMeta('last_scan_completed_at', new Date(scanStartedAt).toISOString());
    if (wrote || toIndex > 0) this.store.db.pragma('wal_checkpoint(TRUNCATE)');
    // Every file whose content is not indexed, read now or by an earlier scan (files.kind).
    runToEnd(addStoredContentSkips(this.store.db, this.options.maxFileSize, skips));
    this.progress.phase = 'ready';
    this.emitProgress(true);
    this.events.scanned(skips.take(), performance.now() - started);
  }

  /**
   * The listing half of a reconcile: walks, records added, changed and removed files as pending
   * rows (one transaction) and sends the list. Its own method so that the walk's file list and
   * the stored rows are garbage once it returns (they are most of a worker's heap on a big tree).
   * Null when the index is closing.
   */
  private async listTree(skips: SkipLog): Promise<{ scanStartedAt: number; wrote: boolean } | null> {
    const shared = this.firstWalk;
    this.firstWalk = null; // only the first reconcile is shared (see shared-walk.ts)
    // Nothing stored was announced (a first open): the walk is the list, so quick-open gets it
    // as the walk finds it, in parts, before the rows are compared and written (writing 50,000
    // pending rows took ~0.5 s per shard on the 100k tree, and staging the list on the serving
    // thread as long again, all of it after the walk and before quick-open could answer).
    const announcedNow = !this.listAnnounced;
    const walk = await this.walk(shared, announcedNow);
    if (this.stopped) return null;
    this.listAnnounced = true;
    const scanStartedAt = walk.startedAt; // a file changed after this is looked at again next time
    const found = walk.files;
    for (const [p, reason] of walk.skips) skips.add(p, reason);
    const existing = new Map(this.store.allRows().map((r) => [r.path, r]));

    // Compare first, write only what differs: reopening an unchanged tree writes nothing (no
    // transaction, no WAL growth, no checkpoint), so it costs little more than the walk.
    const added: ScannedFile[] = [];
    const changed: { id: number; file: ScannedFile }[] = [];
    for (const file of found) {
      const row = existing.get(file.path);
      if (!row) added.push(file);
      else {
        existing.delete(file.path);
        if (row.size !== file.size || row.mtime_ms !== file.mtimeMs) changed.push({ id: row.id, file });
      }
    }
    const wrote = added.length + changed.length + existing.size > 0 || this.store.meta('listed_at') === undefined;
    if (wrote) {
      this.store.transaction(() => {
        for (const file of added) this.store.insertPending(file.path, file.size, file.mtimeMs);
        for (const { id, file } of changed) this.store.markPending(id, file.size, file.mtimeMs);
        for (const gone of existing.values()) this.store.remove(gone);
        this.store.setMeta('listed_at', new Date().toISOString());
      });
    }
    if (!announcedNow && (added.length > 0 || existing.size > 0)) {
      // The serving side holds the stored list (announced, then changed only by what this shard
      // reported since): a few differences go as such; staging the whole list again cost as much
      // as the first staging (a 100k tree's shard: ~50,000 paths for one deleted file).
      if (added.length + existing.size <= DIFF_MAX) this.events.listDiff(added.map((f) => f.path), [...existing.keys()]);
      else this.events.list(found.map((f) => f.path));
    }
    return { scanStartedAt, wrote };
  }

  /**
   * This shard's files and skips: from the lead's walk when one is shared with this shard, else
   * from a walk of its own that stats only this shard's files. The lead walks for every shard.
   */
  private async walk(shared: WalkLead | WalkFollower | null, stream: boolean): Promise<WalkShare> {
    if (shared instanceof WalkFollower) {
      const part = stream ? new ListStream(this.events) : null;
      const share = await shared.receive(part ? (paths) => part.add(paths) : undefined);
      if (share) {
        part?.finish();
        this.progress.filesSeen = share.files.length;
        return share;
      }
    }
    const lead = shared instanceof WalkLead ? shared : null;
    try {
      const startedAt = Date.now();
      const part = stream ? new ListStream(this.events) : null; // a first part replaces a follower's partial one
      const files: ScannedFile[] = [];
      const skips: [string, string][] = [];
      const all = lead ? () => true : this.owns;
      scanTree(this.root, this.rules, '', (file) => {
        if (!all(file.path)) return;
        this.progress.filesSeen++;
        this.emitProgress(false);
        if (lead && lead.add(file) !== 0) return; // another shard's: the lead sends it there
        files.push(file);
        part?.push(file.path);
      }, (p, reason) => {
        if (all(p)) skips.push([p, reason]); // every shard walking its own: one reports
      }, all); // a shard walking for itself stats only its own files
      part?.finish();
      if (!lead) return { startedAt, files, skips };
      const mine = lead.publish(startedAt, skips);
      this.progress.filesSeen = files.length;
      return { startedAt, files, skips: mine };
    } finally {
      lead?.abandon(); // the walk failed: the other shards walk themselves (no-op once published)
    }
  }

  /** Applies one batch of changed paths (files or folders) in one transaction. */
  applyChanges(paths: readonly string[], skips?: SkipLog): ChangeSummary {
    const summary: ChangeSummary = { created: [], updated: [], removed: [] };
    const unique = [...new Set(paths)].filter((p) => p !== '' && !p.startsWith('../') && p !== '..');
    if (unique.some(isIgnoreFile)) {
      // Which files are visible may have changed anywhere below: reconcile after this batch.
      this.rules.invalidate();
      this.rescanRequested = true;
    }
    this.store.transaction(() => {
      for (const rel of unique) this.applyOne(rel, summary, skips);
    });
    this.store.postings.compact(false);
    return summary;
  }

  /** `skips` (a catch-up's) gets what reading a file passed over, as a reconcile reports it. */
  private applyOne(rel: string, summary: ChangeSummary, skips?: SkipLog): void {
    let info: Stats | null = null;
    try {
      info = lstatSync(path.join(this.root, rel));
    } catch {
      info = null;
    }
    const isDir = info?.isDirectory() ?? false;
    if (!info || !(info.isFile() || isDir) || this.rules.isIgnored(rel, isDir)) {
      this.removeTree(rel, summary);
      return;
    }
    if (isDir) {
      const seen = new Set<string>();
      scanTree(this.root, this.rules, rel, (file) => {
        if (!this.owns(file.path)) return;
        seen.add(file.path);
        this.upsert(file, summary, skips);
      }, () => {}, this.owns);
      for (const row of this.store.rowsUnder(rel)) {
        if (!seen.has(row.path)) {
          this.store.remove(row);
          summary.removed.push(row.path);
        }
      }
      const asFile = this.store.row(rel); // a file replaced by a folder
      if (asFile) {
        this.store.remove(asFile);
        summary.removed.push(rel);
      }
      return;
    }
    if (this.owns(rel)) this.upsert({ path: rel, size: info.size, mtimeMs: info.mtimeMs }, summary, skips);
  }

  private upsert(file: ScannedFile, summary: ChangeSummary, skips?: SkipLog): void {
    let row = this.store.row(file.path);
    if (row && row.kind !== 'pending' && row.size === file.size && row.mtime_ms === file.mtimeMs) return;
    const isNew = !row;
    if (!row) {
      const id = this.store.insertPending(file.path, file.size, file.mtimeMs);
      row = { id, path: file.path, size: file.size, mtime_ms: file.mtimeMs, kind: 'pending', indexed_hash: null };
    }
    let content: FileContent;
    try {
      content = this.reader.read(path.join(this.root, file.path), file.size);
    } catch (error) {
      skips?.add(file.path, errorReason(error));
      if (isRaceOrGone(error)) {
        this.store.remove(row);
        if (!isNew) summary.removed.push(file.path);
        return;
      }
      this.store.markUnreadable(row);
      (isNew ? summary.created : summary.updated).push(file.path);
      return;
    }
    this.store.store(row, file.mtimeMs, content);
    (isNew ? summary.created : summary.updated).push(file.path);
  }

  private removeTree(rel: string, summary: ChangeSummary): void {
    const row = this.store.row(rel);
    if (row) {
      this.store.remove(row);
      summary.removed.push(rel);
    }
    for (const child of this.store.rowsUnder(rel)) {
      this.store.remove(child);
      summary.removed.push(child.path);
    }
  }

  private emitProgress(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastProgressAt < PROGRESS_EVERY_MS) return;
    this.lastProgressAt = now;
    this.events.progress({ ...this.progress });
  }
}

/** A list sent in parts of STREAM_CHUNK paths as they are found; `finish` sends the last. */
class ListStream {
  private paths: string[] = [];
  private first = true;

  constructor(private readonly events: IndexerEvents) {}

  add(paths: readonly string[]): void {
    for (const p of paths) this.push(p);
  }

  push(path: string): void {
    this.paths.push(path);
    if (this.paths.length >= STREAM_CHUNK) this.send(false);
  }

  finish(): void {
    this.send(true);
  }

  private send(last: boolean): void {
    this.events.listPart(this.paths, this.first, last);
    this.paths = [];
    this.first = false;
  }
}

function isIgnoreFile(rel: string): boolean {
  return rel === '.gitignore' || rel.endsWith('/.gitignore') || rel === '.git/info/exclude';
}

