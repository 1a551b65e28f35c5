// Collects what a scan passed over and why: a count per reason and the first few paths.
import type { IndexDb } from './open-db';
import type { SkipSummary } from './protocol';

const MAX_SAMPLES = 200;

export class SkipLog {
  private summary: SkipSummary = { counts: {}, samples: [] };

  /** A log that starts with what `summary` holds (a walk's skips, made elsewhere). */
  static from(summary: SkipSummary): SkipLog {
    const log = new SkipLog();
    log.summary = { counts: { ...summary.counts }, samples: summary.samples.slice(0, MAX_SAMPLES) };
    return log;
  }

  add(path: string, reason: string): void {
    this.summary.counts[reason] = (this.summary.counts[reason] ?? 0) + 1;
    if (this.summary.samples.length < MAX_SAMPLES) this.summary.samples.push({ path, reason });
  }

  take(): SkipSummary {
    const out = this.summary;
    this.summary = { counts: {}, samples: [] };
    return out;
  }
}

/** Why a file's content is not indexed, by its stored kind. */
export function contentSkipReason(kind: 'binary' | 'too-large', limit: number): string {
  return kind === 'binary' ? 'binary' : `larger than ${limit} bytes (content not indexed)`;
}

/** Rows of `files` read between two yields. */
const ID_PAGE = 4096;

/**
 * Adds every stored file whose content is not indexed (binary, too large): the kind is written
 * with the file's row, so a reconcile or quiet reopen reports the files an earlier scan read and
 * skipped, not only the ones it read itself, with nothing else to persist or keep in step.
 * Steps (one id range of rows each) so the quiet reopen can slice it on the serving thread.
 */
export function* addStoredContentSkips(db: IndexDb, limit: number, log: SkipLog): Generator<void, void> {
  const maxId = (db.prepare('SELECT max(id) FROM files').pluck().get() as number | null) ?? 0;
  const page = db.prepare("SELECT path, kind FROM files WHERE id > ? AND id <= ? AND kind IN ('binary', 'too-large') ORDER BY id").raw();
  for (let after = 0; after < maxId; after += ID_PAGE) {
    for (const [path, kind] of page.all(after, after + ID_PAGE) as [string, 'binary' | 'too-large'][]) log.add(path, contentSkipReason(kind, limit));
    yield;
  }
}
