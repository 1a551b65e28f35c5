// Opening one of our SQLite databases: check that the file is ours and not from a newer Specdeck,
// run the numbered migrations, set WAL. A file that is not ours, is newer or is corrupt is moved
// aside (never deleted) and a new database started. The index and the link store both use this.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sqliteBindingOption } from './sqlite-binding';

export type SqliteDb = Database.Database;

/** What makes a file one of ours, and how to bring it to the current schema. */
export interface DatabaseKind {
  /** `PRAGMA application_id` written by the first migration run. */
  applicationId: number;
  /** Numbered migrations; the schema version is their count (`PRAGMA user_version`). */
  migrations: readonly string[];
  /** Why a file with another application id is refused. */
  notOurs: string;
  /** Why a file from a newer schema is refused. */
  newer: (version: number) => string;
  /** Set before the ownership check, so a second process waits for the writer instead of failing. */
  busyTimeoutMs?: number;
  /** PRAGMAs after `journal_mode = WAL` (for example `synchronous = OFF`). */
  pragmas: readonly string[];
  /** Reads that make a damaged schema or first page fail at open, not mid-work. */
  probes: readonly string[];
}

export interface Recovery {
  reason: string;
  movedTo: string;
}

export interface OpenedDatabase {
  db: SqliteDb;
  /** Set when an unusable file was moved aside and a new database started. */
  recovered: Recovery | null;
}

/** Thrown by the ownership check; anything else (but corruption) propagates. */
class UnusableDatabase extends Error {}

export function openOwnedDatabase(dbPath: string, kind: DatabaseKind): OpenedDatabase {
  mkdirSync(path.dirname(dbPath), { recursive: true });
  let recovered: Recovery | null = null;
  if (existsSync(dbPath)) {
    try {
      return { db: openAndPrepare(dbPath, kind), recovered: null };
    } catch (error) {
      if (!(error instanceof UnusableDatabase) && !isCorruptionError(error)) throw error;
      recovered = { reason: error instanceof Error ? error.message : String(error), movedTo: moveAside(dbPath) };
    }
  }
  return { db: openAndPrepare(dbPath, kind), recovered };
}

/** A read-only connection for queries beside a writing one. */
export function openReadOnly(dbPath: string): SqliteDb {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true, ...sqliteBindingOption() });
  db.pragma('query_only = ON');
  return db;
}

export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT_VTAB';
}

/** Renames the database and its WAL/SHM companions to `<name>.unusable-<time>`; returns the new path. */
export function moveAside(dbPath: string): string {
  const target = `${dbPath}.unusable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, target + suffix);
  }
  return target;
}

function openAndPrepare(dbPath: string, kind: DatabaseKind): SqliteDb {
  const db = new Database(dbPath, sqliteBindingOption());
  try {
    if (kind.busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${kind.busyTimeoutMs}`);
    const version = checkOwnership(db, kind);
    db.pragma('journal_mode = WAL');
    for (const pragma of kind.pragmas) db.pragma(pragma);
    if (version < kind.migrations.length) migrate(db, kind);
    for (const probe of kind.probes) db.prepare(probe).get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Returns the file's schema version; throws UnusableDatabase for a file that is not ours or newer. */
function checkOwnership(db: SqliteDb, kind: DatabaseKind): number {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
  if (appId === 0 && version === 0 && tables === 0) return 0; // a new, empty file
  if (appId !== kind.applicationId) throw new UnusableDatabase(kind.notOurs);
  if (version > kind.migrations.length) throw new UnusableDatabase(kind.newer(version));
  return version;
}

function migrate(db: SqliteDb, kind: DatabaseKind): void {
  db.transaction(() => {
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const from = db.pragma('user_version', { simple: true }) as number;
    for (let v = from; v < kind.migrations.length; v++) db.exec(kind.migrations[v]!);
    db.pragma(`application_id = ${kind.applicationId}`);
    db.pragma(`user_version = ${kind.migrations.length}`);
  }).immediate();
}
