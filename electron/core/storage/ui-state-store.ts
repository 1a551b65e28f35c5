// The workbench's UI state per workspace (open tabs, cursor, pane sizes, filters…), in the
// workspace's own small SQLite database in the user's data folder: not the browser's localStorage,
// whose origin changes with every `specdeck serve` port, and shared by Electron and the browser.
// Only what the renderer sends is kept (paths and choices, never file contents); one JSON value.
import { workspaceDbPath } from './data-dir';
import { openOwnedDatabase, type DatabaseKind, type SqliteDb } from './sqlite-database';

/** "SpUi". */
const APPLICATION_ID = 0x53705569;

const UI_DATABASE: DatabaseKind = {
  applicationId: APPLICATION_ID,
  migrations: [`CREATE TABLE ui_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL) WITHOUT ROWID;`],
  notOurs: 'not a Specdeck UI state database',
  newer: (version) => `written by a newer Specdeck (schema ${version})`,
  busyTimeoutMs: 2000,
  pragmas: ['synchronous = NORMAL'],
  probes: ['SELECT count(*) FROM ui_state'],
};

/** The largest state accepted (serialised): a workbench's state is a few KB. */
export const UI_STATE_LIMIT = 256 * 1024;

export class UiStateStore {
  private constructor(private readonly db: SqliteDb) {}

  /** Opens (or creates) the workspace's store; an unusable file is moved aside and started anew. */
  static open(root: string, env: NodeJS.ProcessEnv = process.env): UiStateStore {
    return new UiStateStore(openOwnedDatabase(workspaceDbPath('ui', root, env), UI_DATABASE).db);
  }

  get(key: string): unknown {
    const row = this.db.prepare('SELECT value FROM ui_state WHERE key = ?').get(key) as { value: string } | undefined;
    if (!row) return null;
    try {
      return JSON.parse(row.value) as unknown;
    } catch {
      return null; // a damaged value: start from the defaults
    }
  }

  /** Stores the serialised value (the caller checked its size). */
  set(key: string, json: string): void {
    this.db.prepare('INSERT INTO ui_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(key, json, new Date().toISOString());
  }

  close(): void {
    this.db.close();
  }
}
