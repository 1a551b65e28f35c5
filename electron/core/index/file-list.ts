// The workspace's indexed paths, held in memory on the serving thread for quick-open: each
// keystroke filters by subsequence (narrowing the last keystroke's survivors when the query
// grew) and scores only the survivors, keeping the best `limit` without sorting them all.
// Per path it keeps what makes most paths cheap to reject: a mask of the characters present,
// where the basename starts and how many word starts there are (which bound the score, so a
// path that cannot enter the top list is never scored).
import type { FileSearchHit } from '../../../shared/api/contract';
import { BASENAME_TIER, FullPathScorer, STRONG_START, charBit, charMask, PREFIX_BONUS, fuzzyScoreOnly, isSubsequence, scoreBound, scorePath, wordStarts } from './fuzzy';

const SLICE = 1024;

/** The per-path facts the search uses, computed once when the path arrives. */
interface Columns {
  paths: string[];
  lower: string[];
  /** Where the basename starts. */
  base: number[];
  /** Word starts after the basename's first character, and after the path's first character. */
  baseStarts: number[];
  pathStarts: number[];
  mask: number[];
  /** The same for the basename alone. */
  baseMask: number[];
  /** Index in `folders` of the path's folder (its text up to the basename; `folders` holds it lower-cased). */
  folder: number[];
  folders: string[];
  /** The folders as written, and their word starts (wordStarts from 1). */
  folderText: string[];
  folderStarts: number[];
  folderIds: Map<string, number>;
  present: Set<string>;
}

const emptyColumns = (): Columns => ({
  paths: [], lower: [], base: [], baseStarts: [], pathStarts: [], mask: [], baseMask: [], folder: [], folders: [], folderText: [], folderStarts: [], folderIds: new Map(), present: new Set(),
});

function push(c: Columns, path: string): void {
  if (c.present.has(path)) return;
  c.present.add(path);
  const lower = path.toLowerCase();
  const base = path.lastIndexOf('/') + 1;
  // Keyed by the folder as written: scoring tells case apart (lower-cased folders could merge two).
  // Paths come grouped by folder, so the last folder is nearly always the one.
  let id = c.folders.length - 1;
  if (!(id >= 0 && c.folderText[id]!.length === base && path.startsWith(c.folderText[id]!))) {
    const folder = path.slice(0, base);
    id = c.folderIds.get(folder) ?? -1;
    if (id === -1) {
      id = c.folders.length;
      c.folders.push(lower.slice(0, base));
      c.folderText.push(folder);
      c.folderStarts.push(base > 1 ? wordStarts(folder, 1) : 0);
      c.folderIds.set(folder, id);
    }
  }
  const baseStarts = wordStarts(path, base + 1);
  c.paths.push(path);
  c.lower.push(lower);
  c.base.push(base);
  c.baseStarts.push(baseStarts);
  // The folder's, the basename's first position (after a '/': a strong start) and the rest.
  c.pathStarts.push(c.folderStarts[id]! + (base > 0 ? STRONG_START : 0) + baseStarts);
  c.mask.push(charMask(lower));
  c.baseMask.push(charMask(lower, base));
  c.folder.push(id);
}

/** How many leading characters of `queryLower` the folder holds in order (greedy from the left). */
function matchedInFolder(queryLower: string, folder: string): number {
  let j = 0;
  for (let i = 0; i < queryLower.length; i++) {
    j = folder.indexOf(queryLower[i]!, j);
    if (j === -1) return i;
    j++;
  }
  return queryLower.length;
}

/** isSubsequence for `queryLower` from character `from` on, in `target` from `start` on. */
function restFits(queryLower: string, from: number, target: string, start: number): boolean {
  let j = start;
  for (let i = from; i < queryLower.length; i++) {
    j = target.indexOf(queryLower[i]!, j);
    if (j === -1) return false;
    j++;
  }
  return true;
}

export class FileList {
  private c: Columns = emptyColumns();
  private generation = 0;
  /** Survivors of the last query, valid while the list has not changed. */
  private last: { query: string; generation: number; survivors: number[] } | null = null;

  get size(): number {
    return this.c.present.size;
  }

  private staged: Columns | null = null;

  replace(paths: string[]): void {
    this.beginStaging();
    this.stage(paths);
    this.commitStaging();
  }

  /** A new list arrives in chunks; the old one keeps answering until `commitStaging`. */
  beginStaging(): void {
    this.staged = emptyColumns();
  }

  stage(paths: readonly string[]): void {
    const staged = this.staged!;
    for (const p of paths) push(staged, p);
  }

  commitStaging(): void {
    this.c = this.staged!;
    this.staged = null;
    this.generation++;
  }

  add(paths: readonly string[]): void {
    for (const p of paths) push(this.c, p);
    this.generation++;
  }

  remove(paths: readonly string[]): void {
    if (paths.length === 0) return;
    let removed = false;
    for (const p of paths) removed = this.c.present.delete(p) || removed;
    if (!removed) return;
    const old = this.c;
    const next = emptyColumns();
    next.present = old.present;
    next.folders = old.folders;
    next.folderText = old.folderText;
    next.folderStarts = old.folderStarts;
    next.folderIds = old.folderIds;
    for (let i = 0; i < old.paths.length; i++) {
      if (!old.present.has(old.paths[i]!)) continue;
      next.paths.push(old.paths[i]!);
      next.lower.push(old.lower[i]!);
      next.base.push(old.base[i]!);
      next.baseStarts.push(old.baseStarts[i]!);
      next.pathStarts.push(old.pathStarts[i]!);
      next.mask.push(old.mask[i]!);
      next.baseMask.push(old.baseMask[i]!);
      next.folder.push(old.folder[i]!);
    }
    this.c = next;
    this.generation++;
  }

  /** Every path, in no particular order (the service sorts the union of its shards once). */
  all(): string[] {
    return [...this.c.paths];
  }

  has(path: string): boolean {
    return this.c.present.has(path);
  }

  search(rawQuery: string, limit = 50): FileSearchHit[] {
    const steps = this.searchSteps(rawQuery, limit);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same search in slices: it yields after every few thousand paths, so a caller on a busy
   * thread can let other work in between (IndexService does, keeping each slice short).
   */
  *searchSteps(rawQuery: string, limit = 50): Generator<void, FileSearchHit[]> {
    const query = rawQuery.replace(/\s+/g, '').replace(/\\/g, '/');
    const c = this.c;
    if (query === '') return c.paths.slice().sort().slice(0, limit).map((path) => ({ path, score: 0, positions: [] }));
    const queryLower = query.toLowerCase();
    const m = queryLower.length;
    const candidates =
      this.last && this.last.generation === this.generation && queryLower.startsWith(this.last.query)
        ? this.last.survivors
        : null;
    let queryMask = 0;
    for (let i = 0; i < m; i++) queryMask |= charBit(queryLower.charCodeAt(i));
    const slash = queryLower.includes('/');
    const full = new FullPathScorer(query, queryLower);
    const survivors: number[] = [];
    // The best `limit` as parallel arrays, best first; objects and positions only for the winners.
    const topIndex: number[] = [];
    const topScore: number[] = [];
    const { paths, lower: lowers, base: bases, baseStarts, pathStarts, mask, baseMask, folder: folderOf, folders } = c;
    // Per folder, how much of the query it holds (computed once per folder, -1 until then): the
    // rest must fit in the basename, so most paths are filtered by their basename alone.
    const inFolder = new Int32Array(folders.length).fill(-1);
    const generation = this.generation;
    const count = candidates ? candidates.length : paths.length;
    for (let k = 0; k < count; k++) {
      const i = candidates ? candidates[k]! : k;
      if (k % SLICE === SLICE - 1) {
        yield;
        if (this.generation !== generation) return yield* this.searchSteps(rawQuery, limit); // the list changed meanwhile: start over, still sliced
      }
      if ((mask[i]! & queryMask) !== queryMask) continue;
      const lower = lowers[i]!;
      const base = bases[i]!;
      const f = folderOf[i]!;
      let held = inFolder[f]!;
      if (held === -1) held = inFolder[f] = matchedInFolder(queryLower, folders[f]!);
      if (held < m && !restFits(queryLower, held, lower, base)) continue;
      survivors.push(i);
      const path = paths[i]!;
      const isFull = topIndex.length === limit;
      const floor = isFull ? topScore[limit - 1]! : -Infinity;
      const winsTie = !isFull || this.better(floor, i, floor, topIndex[limit - 1]!);
      // As scorePathOnly (fuzzy.ts), with bounds from this path's word starts.
      let score: number | null = null;
      let tried = false;
      const wholeFits = !slash && (baseMask[i]! & queryMask) === queryMask && isSubsequence(queryLower, lower, base);
      if (wholeFits) {
        const prefix = lower.startsWith(queryLower, base) ? PREFIX_BONUS : 0;
        if (hopeless(BASENAME_TIER + prefix + scoreBound(m, baseStarts[i]!), floor, winsTie)) continue;
        const inBase = fuzzyScoreOnly(query, queryLower, path, lower, base);
        if (inBase !== null) score = inBase + BASENAME_TIER + prefix;
        tried = inBase !== null;
      }
      if (!tried) {
        if (hopeless(scoreBound(m, pathStarts[i]!), floor, winsTie)) continue;
        score = full.score(path, lower, base, f, baseStarts[i]!, baseMask[i]!, wholeFits, floor, winsTie);
      }
      if (score === null) continue;
      if (isFull && !this.better(score, i, topScore[limit - 1]!, topIndex[limit - 1]!)) continue;
      let at = topIndex.length;
      while (at > 0 && this.better(score, i, topScore[at - 1]!, topIndex[at - 1]!)) at--;
      topIndex.splice(at, 0, i);
      topScore.splice(at, 0, score);
      if (topIndex.length > limit) {
        topIndex.pop();
        topScore.pop();
      }
    }
    this.last = { query: queryLower, generation: this.generation, survivors };
    return topIndex.map((i) => {
      const path = paths[i]!;
      return { path, ...scorePath(query, queryLower, path, lowers[i]!)! };
    });
  }

  /** Better first: higher score, then the shorter path, then alphabetical. */
  private better(score: number, i: number, otherScore: number, other: number): boolean {
    if (score !== otherScore) return score > otherScore;
    const a = this.c.paths[i]!;
    const b = this.c.paths[other]!;
    if (a.length !== b.length) return a.length < b.length;
    return a < b;
  }
}

/** Whether a score of at most `limit` cannot enter the top list. */
function hopeless(limit: number, floor: number, winsTie: boolean): boolean {
  return limit < floor || (limit === floor && !winsTie);
}
