// Full-text search over the index in two steps: candidate selection (the trigram posting store,
// postings.ts, picks the chunks of whole lines that hold every trigram of the query, rarest lists
// first) and verification (each candidate chunk's bytes matched line by line, byte-matcher.ts),
// which makes the results exact.
import { createRequire } from 'node:module';
import type picomatchType from 'picomatch';
import type { TextSearchHit, TextSearchResult } from '../../../shared/api/contract';
import { compileByteMatcher } from './byte-matcher';
import type { MatchOptions } from './line-matcher';
import type { IndexDb } from './open-db';
import { candidateChunks, PostingReader } from './postings';
import { CHUNK_ROWID_BITS } from './schema';
import { requiredLiteralOfRegex } from './trigram-query';
import { queryTrigrams } from './trigrams';

/** One candidate: a chunk of whole lines of a file's text, starting at `firstLine`. */
interface Candidate {
  path: string;
  text: Buffer | string;
  firstLine: number;
}

export interface TextSearchParams {
  query: string;
  regex?: boolean;
  caseSensitive?: boolean;
  wholeWord?: boolean;
  include?: string[];
  exclude?: string[];
  limit?: number;
}

export const DEFAULT_TEXT_LIMIT = 1000;
const FIRST_BATCH = 8;
const MAX_BATCH = 256;

/**
 * How many candidates to fetch next, `read` fetched and `hits` found so far: a few at first, then
 * about what the hits per chunk so far say the limit needs (a search that reaches its limit
 * reads little past it; the batch that reaches it is read whole, chunks of long lines included).
 */
function batchFor(read: number, hits: number, limit: number): number {
  if (read === 0) return FIRST_BATCH;
  const grown = Math.min(read * 2, MAX_BATCH);
  if (hits === 0) return grown;
  const needed = Math.ceil(((limit + 1 - hits) * read) / hits * 1.25);
  return Math.max(FIRST_BATCH, Math.min(grown, needed));
}

export class TextSearcher {
  private readonly all;
  private readonly batch;
  private readonly postings: PostingReader;

  constructor(db: IndexDb) {
    const select = `SELECT f.path AS path, c.text AS text, c.first_line AS firstLine FROM chunks c JOIN files f ON f.id = (c.id >> ${CHUNK_ROWID_BITS})`;
    // In id order: a file's chunks in order, files in id order.
    this.all = db.prepare(`${select} ORDER BY c.id`);
    // A batch of candidates in one statement (one per candidate was most of the fetch's time).
    this.batch = db.prepare(`${select} WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`);
    this.postings = new PostingReader(db);
  }

  search(params: TextSearchParams): TextSearchResult {
    const steps = this.searchSteps(params);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same search, yielding after each candidate file so a caller on the serving thread can
   * give the event loop a turn. The connection stays busy until the generator finishes: one
   * search at a time per connection.
   */
  *searchSteps(params: TextSearchParams): Generator<void, TextSearchResult> {
    const started = performance.now();
    const options: MatchOptions = {
      query: params.query,
      regex: params.regex ?? false,
      caseSensitive: params.caseSensitive ?? false,
      wholeWord: params.wholeWord ?? false,
    };
    const limit = params.limit ?? DEFAULT_TEXT_LIMIT;
    const matcher = compileByteMatcher(options);
    const accept = pathFilter(params.include, params.exclude);
    const literal = options.regex ? requiredLiteralOfRegex(options.query) : options.query;
    const grams = literal === null ? null : queryTrigrams(literal, options.caseSensitive);
    const hits: TextSearchHit[] = [];
    // ripgrep refuses a literal "\n" (no match spans lines): no line can match it.
    if (!options.regex && options.query.includes('\n')) return { hits, truncated: false, filesSearched: 0, elapsedMs: performance.now() - started };
    const rows = grams === null ? (this.all.iterate() as IterableIterator<Candidate>) : this.candidateRows(yield* candidateChunks(this.postings, grams), (read) => batchFor(read, hits.length, limit));

    let filesSearched = 0;
    let lastPath: string | null = null;
    let accepted = false;
    let truncated = false;
    try {
      for (const row of rows) {
        if (row.path !== lastPath) {
          // A file's chunks come together: filter and count each file once.
          lastPath = row.path;
          accepted = accept(row.path);
          if (accepted) filesSearched++;
        }
        if (!accepted) continue;
        const bytes = typeof row.text === 'string' ? Buffer.from(row.text, 'utf8') : row.text;
        const lines = matcher(bytes, limit - hits.length + 1, row.firstLine);
        for (const line of lines) hits.push({ path: row.path, ...line });
        if (hits.length > limit) {
          truncated = true;
          hits.length = limit;
          break;
        }
        yield;
      }
    } finally {
      rows.return?.(); // close the statement, however the loop ended
    }
    hits.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
    return { hits, truncated, filesSearched, elapsedMs: performance.now() - started };
  }

  /** The candidates' current rows, fetched in batches of `size(rows read so far)`; a stale posting's chunk that is gone is skipped. */
  private *candidateRows(ids: Float64Array, size: (read: number) => number): Generator<Candidate, void> {
    for (let at = 0; at < ids.length; ) {
      const next = size(at);
      const rows = this.batch.all(JSON.stringify(Array.from(ids.subarray(at, at + next)))) as Candidate[];
      at += next;
      yield* rows;
    }
  }
}

// Loaded on the first search with globs: a cold `specdeck search` or `files` without any never
// pays for it (tests/build/cli-lazy-imports.test.ts keeps it out of the CLI's static imports).
let picomatchLoaded: typeof picomatchType | null = null;
function picomatch(glob: string, options: picomatchType.PicomatchOptions): picomatchType.Matcher {
  picomatchLoaded ??= createRequire(import.meta.url)('picomatch') as typeof picomatchType;
  return picomatchLoaded(glob, options);
}

/** Include/exclude globs; a glob without `/` matches the name at any depth, and a folder glob covers its contents. */
function pathFilter(include: string[] | undefined, exclude: string[] | undefined): (path: string) => boolean {
  const compile = (globs: string[]) => {
    const matchers = globs.flatMap((g) => {
      const glob = g.replace(/^\.\//, '').replace(/\/$/, '');
      const base = !glob.includes('/');
      return [picomatch(glob, { dot: true, basename: base }), picomatch(`${glob}/**`, { dot: true }), ...(base ? [picomatch(`**/${glob}/**`, { dot: true })] : [])];
    });
    return (path: string) => matchers.some((m) => m(path));
  };
  const inc = include && include.length > 0 ? compile(include) : null;
  const exc = exclude && exclude.length > 0 ? compile(exclude) : null;
  return (path) => (inc === null || inc(path)) && (exc === null || !exc(path));
}

/** One result from each shard's search (each run with the same limit): path and line order, cut to the limit. */
export function mergeShardResults(results: TextSearchResult[], limit = DEFAULT_TEXT_LIMIT, started: number): TextSearchResult {
  const hits = results.flatMap((r) => r.hits).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  const truncated = results.some((r) => r.truncated) || hits.length > limit;
  return {
    hits: hits.slice(0, limit),
    truncated,
    filesSearched: results.reduce((n, r) => n + r.filesSearched, 0),
    elapsedMs: performance.now() - started,
  };
}
