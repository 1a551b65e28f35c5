// `npm run bench -- index` (part): the text store alone, FTS5 against the posting store that
// replaced it (schema 3). The same chunks of the same files, in the same transactions (≤2000
// files / 8 MB), one process, CPU time; each round alternates the two so machine load hits both
// alike. FTS5 as schema 2 had it (trigram, detail=none, first_line beside) is the reference; the
// posting store's figure includes its chunk rows, the files row update and all compaction.
// SPECDECK_BENCH_TREES=monaco-editor,generated-100k picks trees; SPECDECK_BENCH_FILES sizes the
// generated one. Prints figures; asserts nothing.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { classifyBytes, textChunks } from '../../electron/core/index/content';
import { IndexStore, type FileRow } from '../../electron/core/index/index-store';
import { openIndexDb } from '../../electron/core/index/open-db';
import { DEFAULT_INDEX_OPTIONS } from '../../electron/core/index/options';
import { benchTrees } from './index/trees';

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function textFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(root);
  return out;
}

/** Files in transactions as the indexer makes them; `store` gets each text file's bytes. */
function inBatches(files: string[], transaction: (fn: () => void) => void, store: (i: number, bytes: Buffer) => void): number {
  let total = 0;
  for (let i = 0; i < files.length; ) {
    transaction(() => {
      let bytes = 0;
      for (let n = 0; i < files.length && n < 2000 && bytes < 8 << 20; n++, i++) {
        const b = readFileSync(files[i]!);
        if (b.length > DEFAULT_INDEX_OPTIONS.maxFileSize || b.indexOf(0) !== -1) continue;
        bytes += b.length;
        store(i, b);
      }
      total += bytes;
    });
  }
  return total;
}

/** The database's size after a checkpoint (pages × page size). */
function databaseBytes(db: Database.Database): number {
  return (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
}

function fts5(files: string[], dbPath: string): { ms: number; bytes: number; dbBytes: number } {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -8000');
  db.exec("CREATE VIRTUAL TABLE file_text USING fts5 (text, first_line UNINDEXED, tokenize = 'trigram', detail = 'none')");
  const insert = db.prepare('INSERT INTO file_text (rowid, text, first_line) VALUES (?, ?, ?)');
  const started = cpu();
  const bytes = inBatches(files, (fn) => db.transaction(fn)(), (i, b) => {
    textChunks(b).forEach((c, k) => insert.run((i + 1) * 2 ** 20 + k, b.subarray(c.start, c.end), c.firstLine));
  });
  const ms = cpu() - started;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes = databaseBytes(db);
  db.close();
  return { ms, bytes, dbBytes };
}

function postingStore(files: string[], dbPath: string): { ms: number; bytes: number; dbBytes: number } {
  const { db } = openIndexDb(dbPath);
  const store = new IndexStore(db);
  const rows: FileRow[] = [];
  store.transaction(() => {
    for (let i = 0; i < files.length; i++) rows.push(store.rowById(store.insertPending(`f${i}`, 1, 1))!);
  });
  const started = cpu();
  const bytes = inBatches(files, (fn) => {
    store.transaction(fn);
    store.postings.compact(false);
  }, (i, b) => store.store(rows[i]!, 1, classifyBytes(b)));
  store.postings.compact(true);
  const ms = cpu() - started;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes = databaseBytes(db);
  db.close();
  return { ms, bytes, dbBytes };
}

const f1 = (n: number) => n.toFixed(1);
const mb = (n: number) => n / 1024 / 1024;
const repo = path.resolve(import.meta.dirname, '../..');
// By default the generated tree and monaco-editor (node_modules only when asked for).
const trees = benchTrees(repo).filter((t) => process.env.SPECDECK_BENCH_TREES !== undefined || t.name !== 'node_modules');
const scratch = path.join(os.tmpdir(), `specdeck-text-store-${process.pid}`);
for (const { build } of trees) {
  const tree = build();
  const files = textFiles(tree.root);
  for (let round = 1; round <= 2; round++) {
    rmSync(scratch, { recursive: true, force: true });
    const reference = fts5(files, `${scratch}-fts.sqlite`);
    const ours = postingStore(files, `${scratch}-ps.sqlite`);
    for (const f of ['-fts.sqlite', '-fts.sqlite-wal', '-fts.sqlite-shm', '-ps.sqlite', '-ps.sqlite-wal', '-ps.sqlite-shm']) rmSync(scratch + f, { force: true });
    console.log(
      `  ${tree.name} round ${round}, ${f1(mb(ours.bytes))} MB of text: posting store ${f1(ours.ms)} ms CPU (${f1(mb(ours.bytes) / (ours.ms / 1000))} MB/s, db ${f1(ours.dbBytes / ours.bytes)}× text)` +
        `   (FTS5 reference ${f1(reference.ms)} ms CPU, ${f1(mb(reference.bytes) / (reference.ms / 1000))} MB/s, db ${f1(reference.dbBytes / reference.bytes)}× text; ${f1(reference.ms / ours.ms)}× less CPU)`,
    );
  }
}
console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
