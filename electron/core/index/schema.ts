// The index schema as numbered migrations. `PRAGMA user_version` records how many have run;
// `PRAGMA application_id` marks the file as ours, so a foreign SQLite file is never touched.

/** "SpDk" as a 32-bit integer. */
export const APPLICATION_ID = 0x5370446b;

export const MIGRATIONS: readonly string[] = [
  // 1: files, their text (trigram FTS5 for substring search), spec tables, meta.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

  CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ms REAL NOT NULL,
    -- sha-256 of the bytes; NULL while pending and for files over the size limit
    hash TEXT,
    -- hash of the text held in file_text for this file; NULL when it has no text row
    indexed_hash TEXT,
    language TEXT,
    -- pending: listed, content not read yet (a scan was interrupted or is running)
    kind TEXT NOT NULL CHECK (kind IN ('pending', 'text', 'binary', 'too-large', 'unreadable'))
  );
  CREATE INDEX files_pending ON files (kind) WHERE kind = 'pending';

  -- (replaced by migration 2) rowid = files.id. detail=none keeps the index small: queries are ANDs of single trigrams,
  -- and every candidate is verified against its stored text, so positions are never needed.
  CREATE VIRTUAL TABLE file_text USING fts5 (text, tokenize = 'trigram', detail = 'none');

  -- Filled by the spec engine and traceability (issues 4 and 5); created here so the schema
  -- has one owner of migrations.
  CREATE TABLE spec_documents (
    id INTEGER PRIMARY KEY,
    spec_id TEXT NOT NULL,
    format TEXT NOT NULL,
    role TEXT NOT NULL,
    path TEXT NOT NULL UNIQUE,
    hash TEXT
  );
  CREATE INDEX spec_documents_spec ON spec_documents (spec_id);

  CREATE TABLE requirements (
    id INTEGER PRIMARY KEY,
    spec_id TEXT NOT NULL,
    requirement_id TEXT NOT NULL,
    title TEXT,
    body TEXT,
    path TEXT NOT NULL,
    line INTEGER,
    hash TEXT,
    UNIQUE (spec_id, requirement_id)
  );

  CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    spec_id TEXT NOT NULL,
    task_id TEXT NOT NULL,
    parent_task_id TEXT,
    title TEXT NOT NULL,
    state TEXT NOT NULL,
    path TEXT NOT NULL,
    line INTEGER,
    UNIQUE (spec_id, task_id)
  );

  CREATE TABLE links (
    id INTEGER PRIMARY KEY,
    -- 'task-requirement' | 'task-code' | ...
    kind TEXT NOT NULL,
    spec_id TEXT NOT NULL,
    task_id TEXT,
    requirement_id TEXT,
    path TEXT,
    start_line INTEGER,
    end_line INTEGER,
    code_hash TEXT,
    status TEXT NOT NULL DEFAULT 'ok',
    origin TEXT NOT NULL DEFAULT 'local',
    created_at INTEGER NOT NULL
  );
  CREATE INDEX links_task ON links (spec_id, task_id);
  CREATE INDEX links_path ON links (path);
  `,
  // 2: text in chunks of whole lines (content.ts textChunks), so a search reads the chunks that
  // can match instead of whole files. rowid = files.id << CHUNK_ROWID_BITS | chunk number; every
  // text is read again (its rows go back to pending).
  `
  DROP TABLE file_text;
  CREATE VIRTUAL TABLE file_text USING fts5 (text, first_line UNINDEXED, tokenize = 'trigram', detail = 'none');
  UPDATE files SET kind = 'pending', indexed_hash = NULL WHERE indexed_hash IS NOT NULL;
  `,
  // 3: a custom trigram posting store (postings.ts) instead of FTS5, whose insert was ~90 % of
  // indexing CPU. chunks keeps the text (plain BLOB, for verification without reading files) and
  // the generation (segment) that wrote it; postings holds one row per (bucket, segment).
  `
  DROP TABLE file_text;
  CREATE TABLE chunks (id INTEGER PRIMARY KEY, segment INTEGER NOT NULL, first_line INTEGER NOT NULL, text BLOB NOT NULL);
  CREATE TABLE segments (id INTEGER PRIMARY KEY, lo INTEGER NOT NULL, bytes INTEGER NOT NULL);
  CREATE TABLE postings (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
  CREATE TABLE dead_chunks (chunk INTEGER NOT NULL, segment INTEGER NOT NULL, PRIMARY KEY (chunk, segment)) WITHOUT ROWID;
  UPDATE files SET kind = 'pending', indexed_hash = NULL WHERE indexed_hash IS NOT NULL;
  `,
];

/** chunks ids (file_text rowids before schema 3): the file's id shifted left by this, plus the chunk's number in the file. */
export const CHUNK_ROWID_BITS = 20;
export const CHUNKS_PER_FILE = 2 ** CHUNK_ROWID_BITS;

/** The rowid of chunk `n` of file `fileId` (n < 2^20: a 1 MB file has at most ~130 chunks of 8 KB). */
export function chunkRowid(fileId: number, n: number): number {
  return fileId * CHUNKS_PER_FILE + n;
}

/** The first and one-past-last rowid a file's chunks can have. */
export function chunkRowidRange(fileId: number): [number, number] {
  return [fileId * CHUNKS_PER_FILE, (fileId + 1) * CHUNKS_PER_FILE];
}

export const SCHEMA_VERSION = MIGRATIONS.length;
