// Opens (creating or migrating) the index database through core/storage. A file at that path that
// is not ours, is from a newer Specdeck, or is corrupt is moved aside and replaced: the index is
// only a cache.
import { openOwnedDatabase, openReadOnly, type DatabaseKind, type OpenedDatabase, type SqliteDb } from '../storage/sqlite-database';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './schema';

export type IndexDb = SqliteDb;
export type { Recovery } from '../storage/sqlite-database';

const INDEX_DATABASE: DatabaseKind = {
  applicationId: APPLICATION_ID,
  migrations: MIGRATIONS,
  notOurs: 'the file at the index path is not a Specdeck index',
  newer: (version) => `the index was written by a newer Specdeck (schema ${version}, this one knows ${SCHEMA_VERSION})`,
  pragmas: [
    // No fsync at all: in WAL mode a killed process still leaves a consistent database (see the
    // SIGKILL test), and the index is a cache: after an OS crash a damaged file is detected,
    // moved aside and rebuilt. fsyncs were measured to stall every thread of the process (the
    // serving one included) by 70-170 ms on the reference VM.
    'synchronous = OFF',
    // 8 MB per writer: indexing the node_modules copy in one writer measured the same CPU time
    // (12.4 s against 13.7 s with 32 MB) for 17 MB less peak RSS; the OS page cache holds the rest.
    'cache_size = -8000',
  ],
  // Touch every table once so a damaged schema or first page surfaces now, not mid-scan.
  probes: ['SELECT count(*) FROM meta', 'SELECT id FROM files LIMIT 1', 'SELECT id FROM chunks LIMIT 1', 'SELECT id FROM postings LIMIT 1'],
};

export function openIndexDb(dbPath: string): OpenedDatabase {
  return openOwnedDatabase(dbPath, INDEX_DATABASE);
}

/** A read-only connection for queries, used beside the worker's writing connection. */
export { openReadOnly as openReader };
