// The link store: one SQLite database per workspace beside the index (WAL, busy timeout, numbered
// migrations). It is a cache plus uncommitted work: edit links and the active task live only here;
// commit links are rebuilt from `git log`, comment links from the files.
//
// Two processes on one workspace (two windows, a window and the CLI): every change is one short
// transaction, WAL lets readers run beside the writer and the busy timeout makes writers queue, so
// no write is lost or torn. Re-anchoring compares the file with the stored snapshot inside the
// transaction, so two processes seeing the same change re-anchor it once. The active task is one
// row: the last `start` wins and every process reads it afresh.
import type { TraceLinkSource } from '../../../shared/api/contract';
import { workspaceDbPath } from '../storage/data-dir';
import { openOwnedDatabase, type DatabaseKind, type SqliteDb } from '../storage/sqlite-database';

/** "SpTr". */
const APPLICATION_ID = 0x53705472;

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE links (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL CHECK (source IN ('edit', 'comment', 'commit')),
    spec_id TEXT NOT NULL,
    task_id TEXT NOT NULL,
    -- the title at link time: follows a renumbered task
    task_title TEXT NOT NULL,
    path TEXT NOT NULL,
    start_line INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    code_hash TEXT NOT NULL,
    task_hash TEXT NOT NULL,
    req_hash TEXT NOT NULL,
    commit_sha TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX links_path ON links (path);
  CREATE INDEX links_task ON links (spec_id, task_id);
  CREATE INDEX links_commit ON links (commit_sha) WHERE commit_sha IS NOT NULL;
  -- The last text we linked against, per linked file: external changes are diffed against it.
  CREATE TABLE snapshots (path TEXT PRIMARY KEY, hash TEXT NOT NULL, content TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE active (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    spec_id TEXT NOT NULL, task_id TEXT NOT NULL, title TEXT NOT NULL,
    started_at TEXT NOT NULL, in_file INTEGER NOT NULL
  );
  -- Commits whose trailers were read (those without links too).
  CREATE TABLE commits (sha TEXT PRIMARY KEY) WITHOUT ROWID;
  `,
];

const LINK_DATABASE: DatabaseKind = {
  applicationId: APPLICATION_ID,
  migrations: MIGRATIONS,
  notOurs: 'not a Specdeck link store',
  newer: (version) => `written by a newer Specdeck (schema ${version})`,
  busyTimeoutMs: 5000,
  pragmas: ['synchronous = NORMAL'], // holds uncommitted work: keep it across a crash of the OS too
  probes: ['SELECT count(*) FROM links'],
};

export interface LinkRow {
  id: number;
  source: TraceLinkSource;
  spec_id: string;
  task_id: string;
  task_title: string;
  path: string;
  start_line: number;
  end_line: number;
  code_hash: string;
  task_hash: string;
  req_hash: string;
  commit_sha: string | null;
  created_at: string;
}

export type NewLink = Omit<LinkRow, 'id'>;

export interface ActiveRow {
  spec_id: string;
  task_id: string;
  title: string;
  started_at: string;
  in_file: number;
}

export function traceDbPath(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return workspaceDbPath('trace', root, env);
}

export class LinkStore {
  private constructor(readonly db: SqliteDb, readonly dbPath: string) {}

  /** An unusable file is kept beside the new one, never deleted: it may hold uncommitted links. */
  static open(dbPath: string): LinkStore {
    return new LinkStore(openOwnedDatabase(dbPath, LINK_DATABASE).db, dbPath);
  }

  close(): void {
    this.db.close();
  }

  transaction<T>(run: () => T): T {
    return this.db.transaction(run).immediate();
  }

  insert(link: NewLink): number {
    const result = this.db
      .prepare(
        `INSERT INTO links (source, spec_id, task_id, task_title, path, start_line, end_line, code_hash, task_hash, req_hash, commit_sha, created_at)
         VALUES (@source, @spec_id, @task_id, @task_title, @path, @start_line, @end_line, @code_hash, @task_hash, @req_hash, @commit_sha, @created_at)`,
      )
      .run(link);
    return Number(result.lastInsertRowid);
  }

  update(id: number, fields: Partial<Omit<LinkRow, 'id'>>): void {
    const keys = Object.keys(fields);
    if (keys.length === 0) return;
    this.db.prepare(`UPDATE links SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...fields, id });
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM links WHERE id = ?').run(id);
  }

  byPath(p: string): LinkRow[] {
    return this.db.prepare('SELECT * FROM links WHERE path = ? ORDER BY start_line, id').all(p) as LinkRow[];
  }

  bySpec(specId: string): LinkRow[] {
    return this.db.prepare('SELECT * FROM links WHERE spec_id = ? ORDER BY path, start_line, id').all(specId) as LinkRow[];
  }

  byIds(ids: readonly number[]): LinkRow[] {
    const get = this.db.prepare('SELECT * FROM links WHERE id = ?');
    return ids.flatMap((id) => (get.get(id) as LinkRow | undefined) ?? []);
  }

  all(): LinkRow[] {
    return this.db.prepare('SELECT * FROM links ORDER BY spec_id, path, start_line, id').all() as LinkRow[];
  }

  hasLinks(p: string): boolean {
    return this.db.prepare('SELECT 1 FROM links WHERE path = ? LIMIT 1').get(p) !== undefined;
  }

  snapshot(p: string): { hash: string; content: string } | null {
    return (this.db.prepare('SELECT hash, content FROM snapshots WHERE path = ?').get(p) as { hash: string; content: string } | undefined) ?? null;
  }

  setSnapshot(p: string, hash: string, content: string): void {
    this.db.prepare('INSERT INTO snapshots (path, hash, content) VALUES (?, ?, ?) ON CONFLICT (path) DO UPDATE SET hash = excluded.hash, content = excluded.content').run(p, hash, content);
  }

  dropSnapshot(p: string): void {
    this.db.prepare('DELETE FROM snapshots WHERE path = ?').run(p);
  }

  active(): ActiveRow | null {
    return (this.db.prepare('SELECT spec_id, task_id, title, started_at, in_file FROM active WHERE one = 1').get() as ActiveRow | undefined) ?? null;
  }

  setActive(row: ActiveRow | null): void {
    if (row === null) this.db.prepare('DELETE FROM active').run();
    else this.db.prepare('INSERT OR REPLACE INTO active (one, spec_id, task_id, title, started_at, in_file) VALUES (1, @spec_id, @task_id, @title, @started_at, @in_file)').run(row);
  }

  meta(key: string): string | null {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  }

  importedCommits(): Set<string> {
    return new Set((this.db.prepare('SELECT sha FROM commits').all() as { sha: string }[]).map((r) => r.sha));
  }

  markCommit(sha: string): void {
    this.db.prepare('INSERT OR IGNORE INTO commits (sha) VALUES (?)').run(sha);
  }

  /** Forgets a commit that is no longer in the history (rebased, or another branch) and its links. */
  dropCommit(sha: string): void {
    this.db.prepare('DELETE FROM links WHERE commit_sha = ?').run(sha);
    this.db.prepare('DELETE FROM commits WHERE sha = ?').run(sha);
  }
}
