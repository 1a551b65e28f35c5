// The writer's prepared statements over the files and chunks tables, and its posting store.
import type { IndexDb } from './open-db';
import { languageOf } from './language';
import { textChunks, type FileContent } from './content';
import { PostingStore } from './postings';
import { CHUNK_ROWID_BITS, chunkRowid, chunkRowidRange } from './schema';

export interface FileRow {
  id: number;
  path: string;
  size: number;
  mtime_ms: number;
  kind: string;
  indexed_hash: string | null;
}

export class IndexStore {
  private readonly st;
  readonly postings: PostingStore;

  /** `segmentPairs`: see postings.ts SEGMENT_PAIRS (smaller in tests). */
  constructor(
    readonly db: IndexDb,
    options: { segmentPairs?: number } = {},
  ) {
    this.postings = new PostingStore(db, options.segmentPairs);
    this.st = {
      all: db.prepare('SELECT id, path, size, mtime_ms, kind, indexed_hash FROM files'),
      byPath: db.prepare('SELECT id, path, size, mtime_ms, kind, indexed_hash FROM files WHERE path = ?'),
      byId: db.prepare('SELECT id, path, size, mtime_ms, kind, indexed_hash FROM files WHERE id = ?'),
      under: db.prepare("SELECT id, path, size, mtime_ms, kind, indexed_hash FROM files WHERE path >= ? || '/' AND path < ? || '0'"),
      pendingAfter: db.prepare("SELECT id, path, size, mtime_ms, kind, indexed_hash FROM files WHERE kind = 'pending' AND id > ? ORDER BY id LIMIT ?"),
      pendingCount: db.prepare("SELECT count(*) FROM files WHERE kind = 'pending'").pluck(),
      paths: db.prepare('SELECT path FROM files').pluck(),
      count: db.prepare('SELECT count(*) FROM files').pluck(),
      insertPending: db.prepare("INSERT INTO files (path, size, mtime_ms, language, kind) VALUES (?, ?, ?, ?, 'pending')"),
      markPending: db.prepare("UPDATE files SET size = ?, mtime_ms = ?, kind = 'pending' WHERE id = ?"),
      setMeta: db.prepare('UPDATE files SET size = ?, mtime_ms = ?, hash = ?, kind = ?, indexed_hash = ? WHERE id = ?'),
      deleteFile: db.prepare('DELETE FROM files WHERE id = ?'),
      deleteText: db.prepare('DELETE FROM chunks WHERE id >= ? AND id < ?'),
      insertText: db.prepare('INSERT INTO chunks (id, segment, first_line, text) VALUES (?, ?, ?, ?)'),
      getMeta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      putMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  /**
   * Runs `fn` in one transaction that also writes the posting segment of the text it stored:
   * chunks and their postings commit together or not at all. Every write goes through here.
   */
  transaction(fn: () => void): void {
    try {
      this.db.transaction(() => {
        fn();
        this.postings.flush();
      })();
    } catch (error) {
      this.postings.discard();
      throw error;
    }
  }

  allRows(): FileRow[] {
    return this.st.all.all() as FileRow[];
  }
  row(path: string): FileRow | undefined {
    return this.st.byPath.get(path) as FileRow | undefined;
  }
  rowById(id: number): FileRow | undefined {
    return this.st.byId.get(id) as FileRow | undefined;
  }
  rowsUnder(dir: string): FileRow[] {
    return this.st.under.all(dir, dir) as FileRow[];
  }
  /** Up to `limit` pending rows with ids above `afterId`, ascending (a scan reads them page by page). */
  pendingRowsAfter(afterId: number, limit: number): FileRow[] {
    return this.st.pendingAfter.all(afterId, limit) as FileRow[];
  }
  pendingCount(): number {
    return this.st.pendingCount.get() as number;
  }
  fileCount(): number {
    return this.st.count.get() as number;
  }
  allPaths(): string[] {
    return this.st.paths.all() as string[];
  }

  insertPending(path: string, size: number, mtimeMs: number): number {
    return Number(this.st.insertPending.run(path, size, mtimeMs, languageOf(path)).lastInsertRowid);
  }
  markPending(id: number, size: number, mtimeMs: number): void {
    this.st.markPending.run(size, mtimeMs, id);
  }

  /** Records what was read; rewrites the text row only when the text really changed. */
  store(row: FileRow, mtimeMs: number, content: FileContent): void {
    const hash = content.kind === 'too-large' ? null : content.hash;
    let indexedHash = row.indexed_hash;
    if (content.kind === 'text') {
      if (indexedHash !== content.hash) {
        if (indexedHash !== null) this.deleteText(row.id);
        // Stored as UTF-8 bytes in chunks of whole lines; decoded when searched.
        const chunks = textChunks(content.bytes);
        const last = Math.min(chunks.length, 2 ** CHUNK_ROWID_BITS) - 1;
        for (let n = 0; n <= last; n++) {
          const c = chunks[n]!;
          const end = n === last ? content.bytes.length : c.end; // (never: more chunks than rowids) the rest in the last
          const id = chunkRowid(row.id, n);
          this.postings.flushIfFull(); // before the row: it carries the generation of the segment holding its postings
          this.st.insertText.run(id, this.postings.generation, c.firstLine, content.bytes.subarray(c.start, end));
          this.postings.addChunk(id, content.bytes, c.start, end);
        }
        indexedHash = content.hash;
      }
    } else if (indexedHash !== null) {
      this.deleteText(row.id);
      indexedHash = null;
    }
    this.st.setMeta.run(content.size, mtimeMs, hash, content.kind, indexedHash, row.id);
  }

  private deleteText(id: number): void {
    const [from, to] = chunkRowidRange(id);
    this.postings.chunksDeleted(id, from, to);
    this.st.deleteText.run(from, to);
  }

  markUnreadable(row: FileRow): void {
    if (row.indexed_hash !== null) this.deleteText(row.id);
    this.st.setMeta.run(row.size, row.mtime_ms, null, 'unreadable', null, row.id);
  }

  remove(row: FileRow): void {
    if (row.indexed_hash !== null) this.deleteText(row.id);
    this.st.deleteFile.run(row.id);
  }

  meta(key: string): string | undefined {
    return this.st.getMeta.get(key) as string | undefined;
  }
  setMeta(key: string, value: string): void {
    this.st.putMeta.run(key, value);
  }
}
