// Whether a stored index still matches the disk, decided without a worker: the shards opened
// read-only, their rows read, and one stat walk compared with the stored size and mtime of every
// file (what a reconcile compares). Used by the one-shot commands (read-only-index.ts, driven to
// the end at once) and by IndexService's quiet reopen (driven in slices on the serving thread).
// The steps are generators so both can share them; they yield every few hundred entries.
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { IgnoreRules } from '../workspace/ignore-rules';
import { openReader, type IndexDb } from './open-db';
import { notAFileReason, noteIgnoreFileAbsence } from './scanner';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema';

/**
 * A stored file: id, path, size, mtime (raw rows, kept as read: the cheapest better-sqlite3 gives);
 * a collecting walk marks the rows it lists in the fifth slot (cheaper than a Set of their paths).
 */
export type StoredRow = [id: number, path: string, size: number, mtimeMs: number, listedBy?: number];

/** Each collecting walk's mark (see StoredRow). */
let walks = 0;

/** Thrown out of the walk at the first difference: the rest of the tree need not be visited. */
export class Stale extends Error {}

/** Past this many differing paths a collecting walk gives up (Stale): the writers reconcile the tree. */
export const COLLECT_MAX = 5000;

/** Folder entries between two yields, and rows per page read. */
const STEP = 256;
const PAGE = 4096;

export class StoredIndex {
  /** path → row, over every shard. */
  readonly stored = new Map<string, StoredRow>();
  /** Each shard's paths, in the order of `dbs`. */
  readonly shardPaths: string[][];

  private constructor(
    readonly dbs: IndexDb[],
    /** When the earliest shard's last finished scan began. */
    readonly scannedAt: number,
  ) {
    this.shardPaths = dbs.map(() => []);
  }

  /**
   * Opens every shard read-only; null (all closed) when one is not a complete index of this
   * schema (no scan finished, a `pending` row, not ours, another version). SQLite errors (a
   * damaged or locked file) are thrown, the connections closed.
   */
  static open(dbPaths: string[]): StoredIndex | null {
    const dbs: IndexDb[] = [];
    try {
      for (const p of dbPaths) {
        const db = openReader(p);
        dbs.push(db);
        if (!isCompleteIndex(db)) throw new Stale();
      }
      const scannedAt = Math.min(...dbs.map((db) => Date.parse(String(db.prepare("SELECT value FROM meta WHERE key = 'last_scan_completed_at'").pluck().get()))));
      return new StoredIndex(dbs, scannedAt);
    } catch (error) {
      for (const db of dbs) db.close();
      if (error instanceof Stale) return null;
      throw error;
    }
  }

  /** Reads every shard's rows into `stored` and `shardPaths`, a page at a time (all() is far cheaper per row than iterate()). */
  *load(): Generator<void, void> {
    for (let shard = 0; shard < this.dbs.length; shard++) {
      const paths = this.shardPaths[shard]!;
      const page = this.dbs[shard]!.prepare('SELECT id, path, size, mtime_ms FROM files WHERE id > ? ORDER BY id LIMIT ?').raw();
      for (let after = -1; ; ) {
        const rows = page.all(after, PAGE) as StoredRow[];
        for (const row of rows) {
          this.stored.set(row[1], row);
          paths.push(row[1]);
        }
        if (rows.length < PAGE) break;
        after = rows[rows.length - 1]![0];
        yield;
      }
    }
  }

  close(): void {
    for (const db of this.dbs) db.close();
  }
}

/** Ours, of this schema, and the last scan finished with every listed file read. */
function isCompleteIndex(db: IndexDb): boolean {
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return false;
  if (db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) return false;
  if (db.prepare("SELECT 1 FROM meta WHERE key = 'last_scan_completed_at'").get() === undefined) return false;
  return db.prepare("SELECT 1 FROM files WHERE kind = 'pending' LIMIT 1").get() === undefined;
}

/** What the walk passes over, as a scan would report it (scanner.ts's reasons). */
export type WalkSkip = (relPath: string, reason: string) => void;

/**
 * The stat walk that decides freshness; returns how many stored files it found unchanged and
 * throws Stale at the first difference, a missing file at its folder's listing (the caller still
 * compares the count with the stored total). It visits what scanTree visits, but a file the index holds needs
 * no ignore verdict of its own: it was visible when indexed, and every rule that could hide it
 * since lives in a file whose change is itself seen (a .gitignore the index holds, or one it does
 * not hold and .git/info/exclude, compared with the time of the last scan). Folders are judged
 * as scanTree judges them, so ignored folders are not entered. Nothing listed is recorded: the
 * verdict is yes or no, the paths served are the stored ones.
 */
export function* freshnessWalk(
  root: string,
  rules: IgnoreRules,
  index: StoredIndex,
  skip: WalkSkip = () => {},
  /**
   * 'paths': only the set of paths must match (`specdeck files`), so a stored file needs no lstat
   * of its own (its type comes with the listing): only the rule files' sizes and mtimes are compared.
   */
  needs: 'text' | 'paths' = 'text',
  /**
   * Collects the files that differ (changed, new, gone, no longer a file) into this list instead
   * of stopping at the first, while no rule file changed and they are at most COLLECT_MAX: what a
   * writer must look at again for the index to match the walk (the quiet reopen's catch-up).
   */
  differing?: string[],
): Generator<void, number> {
  const { stored, scannedAt } = index;
  // A difference: collected, or thrown (the rest of the tree need not be visited).
  const differs = (rel: string) => {
    if (!differing || differing.length >= COLLECT_MAX) throw new Stale();
    differing.push(rel);
  };
  const mark = ++walks;
  let short = false; // some folder's listing lacked a stored file or a folder holding some
  if (changedSince(path.join(root, '.git', 'info', 'exclude'), scannedAt)) throw new Stale(); // not a file of the index
  let seen = 0;
  let steps = 0;
  const expected = yield* expectedEntries(stored.keys());
  const pending = [''];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      throw new Stale(); // a folder the index read became unreadable, or went: let the writer see
    }
    noteIgnoreFileAbsence(rules, dir, entries);
    let found = 0; // this folder's stored files and held folders listed
    for (const entry of entries) {
      if (++steps % STEP === 0) yield;
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      // A name that is not valid UTF-8 is never indexed (scanTree cannot stat it, and says so); a
      // stored file under such a folder is then missing from the count, which reads as stale.
      if (entry.name.includes('\uFFFD') && !stored.has(rel)) {
        skip(rel, 'name is not valid UTF-8');
        continue;
      }
      if (entry.isDirectory()) {
        // A folder holding an indexed file was visible at the scan and, as for files, only a
        // changed rule file (seen on its own) could hide it since: no verdict needed.
        if (expected.has(rel)) found++;
        if (expected.has(rel) || !rules.isIgnoredInVisibleFolder(rel, true)) pending.push(rel);
        continue;
      }
      // A folder holding stored files that is a folder no more (a link to one, say: a path under it
      // would still resolve): the writers reconcile.
      if (differing && expected.has(rel)) throw new Stale();
      const row = stored.get(rel);
      if (row) {
        found++;
        row[4] = mark;
        if (!entry.isFile()) {
          differs(rel); // a stored file became a link or something else (reported as a scan would)
          skip(rel, notAFileReason(entry));
          continue;
        }
        if (needs === 'paths' && entry.name !== '.gitignore') {
          seen++;
          continue;
        }
        let info;
        try {
          info = lstatSync(`${root}/${rel}`); // root is absolute and real, rel plain: no join needed
        } catch {
          differs(rel); // gone (or unreadable) since the listing: the writer sees what it is
          continue;
        }
        if (row[2] !== info.size || row[3] !== info.mtimeMs) {
          if (entry.name === '.gitignore') throw new Stale(); // the rules changed: visibility anywhere below
          differs(rel);
          continue;
        }
        seen++;
      } else if (entry.name === '.gitignore' && changedSince(path.join(root, rel), scannedAt)) {
        throw new Stale(); // an ignore file the index does not hold changed since the scan
      } else if (!rules.isIgnoredInVisibleFolder(rel, false)) {
        if (entry.isFile()) differs(rel); // a new visible file
        else skip(rel, notAFileReason(entry));
      }
    }
    // A stored file or a folder holding one is missing here (deleted, renamed, or no longer a
    // folder): stale now, not after the rest of the tree (the count at the end would say it too).
    if (found !== (expected.get(dir) ?? 0)) {
      if (!differing) throw new Stale();
      short = true;
    }
  }
  // Gone (a folder's files too): the stored files no listing held.
  if (short) for (const row of stored.values()) if (row[4] !== mark) differs(row[1]);
  return seen;
}

/**
 * Every folder that holds a stored file, directly or below ('' the root among them), with how many
 * of its entries are stored files or such folders: what the walk must find in its listing.
 */
function* expectedEntries(paths: Iterable<string>): Generator<void, Map<string, number>> {
  const expected = new Map<string, number>();
  let n = 0;
  for (const p of paths) {
    if (++n % (STEP * 8) === 0) yield;
    // The file counts in its folder; a folder first met counts in its own, and so on up until a
    // folder already known (its ancestors are then counted too).
    for (let child = p; ; ) {
      const end = child.lastIndexOf('/');
      const folder = end < 0 ? '' : child.slice(0, end);
      const known = expected.get(folder);
      expected.set(folder, (known ?? 0) + 1);
      if (known !== undefined || folder === '') break;
      child = folder;
    }
  }
  return expected;
}

function changedSince(file: string, time: number): boolean {
  try {
    return !(lstatSync(file).mtimeMs < time);
  } catch {
    return false; // absent
  }
}

/** Runs a step generator to its end on the calling thread. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
