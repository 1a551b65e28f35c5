// Opens (creating or migrating) the index database. A file at that path that is not ours, is
// from a newer Specdeck, or is corrupt is moved aside and replaced: the index is only a cache.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sqliteBindingOption } from '../storage/sqlite-binding';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './schema';

export type IndexDb = Database.Database;

export interface Recovery {
  reason: string;
  movedTo: string;
}

export interface OpenedDb {
  db: IndexDb;
  /** Set when an unusable file was moved aside and a new index started. */
  recovered: Recovery | null;
}

/** Thrown by checks that find the file unusable; anything else propagates. */
class UnusableDatabase extends Error {}

export function openIndexDb(dbPath: string): OpenedDb {
  mkdirSync(path.dirname(dbPath), { recursive: true });
  let recovered: Recovery | null = null;
  if (existsSync(dbPath)) {
    try {
      const db = openAndPrepare(dbPath);
      return { db, recovered: null };
    } catch (error) {
      if (!(error instanceof UnusableDatabase) && !isCorruptionError(error)) throw error;
      recovered = { reason: error instanceof Error ? error.message : String(error), movedTo: moveAside(dbPath) };
    }
  }
  return { db: openAndPrepare(dbPath), recovered };
}

/** A read-only connection for queries, used beside the worker's writing connection. */
export function openReader(dbPath: string): IndexDb {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true, ...sqliteBindingOption() });
  db.pragma('query_only = ON');
  return db;
}

export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT_VTAB';
}

/** Renames the database and its WAL/SHM companions to `<name>.<reason-time>`; returns the new path. */
export function moveAside(dbPath: string): string {
  const target = `${dbPath}.unusable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, target + suffix);
  }
  return target;
}

function openAndPrepare(dbPath: string): IndexDb {
  const db = new Database(dbPath, sqliteBindingOption());
  try {
    checkOwnership(db);
    db.pragma('journal_mode = WAL');
    // No fsync at all: in WAL mode a killed process still leaves a consistent database (see the
    // SIGKILL test), and the index is a cache: after an OS crash a damaged file is detected,
    // moved aside and rebuilt. fsyncs were measured to stall every thread of the process (the
    // serving one included) by 70-170 ms on the reference VM.
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -32000');
    migrate(db);
    // Touch every table once so a damaged schema or first page surfaces now, not mid-scan.
    db.prepare('SELECT count(*) FROM meta').get();
    db.prepare('SELECT id FROM files LIMIT 1').get();
    db.prepare('SELECT rowid FROM file_text LIMIT 1').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function checkOwnership(db: IndexDb): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number }).n;
  if (appId === 0 && version === 0 && tables === 0) return; // a new, empty file
  if (appId !== APPLICATION_ID) throw new UnusableDatabase('the file at the index path is not a Specdeck index');
  if (version > SCHEMA_VERSION) {
    throw new UnusableDatabase(`the index was written by a newer Specdeck (schema ${version}, this one knows ${SCHEMA_VERSION})`);
  }
}

function migrate(db: IndexDb): void {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
