// The workspace's indexed paths, held in memory on the serving thread for quick-open: each
// keystroke filters by subsequence (narrowing the last keystroke's survivors when the query
// grew) and scores only the survivors, keeping the best `limit` without sorting them all.
// Per path it keeps what makes most paths cheap to reject: a mask of the characters present,
// where the basename starts and how many word starts there are (which bound the score, so a
// path that cannot enter the top list is never scored).
import type { FileSearchHit } from '../../../shared/api/contract';
import { FolderHeap } from './folder-heap';
import { BASENAME_TIER, basenameFitsFrom, FullPathScorer, MAX_CHAR_GAIN, MAX_LENGTH, MAX_PLAIN_GAIN, startChars, STRONG_START, charBit, charMask, PREFIX_BONUS, fuzzyScoreOnly, hopeless, isSubsequence, scoreBound, scorePath, wordStarts } from './fuzzy';

const SLICE = 1024;

/** The per-path facts the search uses, computed once when the path arrives. */
interface Columns {
  /** Per path index; a removed path keeps its slot (not in `present`, not in its folder's `files`) until compaction. */
  paths: string[];
  lower: string[];
  /** Where the basename starts. */
  base: number[];
  /** Word starts after the basename's first character, and after the path's first character. */
  baseStarts: number[];
  pathStarts: number[];
  /** charMask of the lower-cased basename. */
  baseMask: number[];
  /** Index in `folders` of the path's folder (its text up to the basename; `folders` holds it lower-cased). */
  folder: number[];
  folders: string[];
  /** The folders as written, and their word starts (wordStarts from 1). */
  folderText: string[];
  folderStarts: number[];
  folderIds: Map<string, number>;
  /**
   * Per folder: its live paths, and what bounds all of them at once, so one test accepts or
   * rejects the folder: the characters of the folder and of any basename, of any basename, the
   * most word starts (strong and weak counted apart) and the shortest basename. Removals leave
   * these as they were: larger than needed is still a bound, and compaction recomputes them.
   */
  files: number[][];
  folderMask: number[];
  anyBaseMask: number[];
  /** charBit of every basename's first character. */
  firstBaseMask: number[];
  /** startChars of the folder and of every basename: the characters at a word start somewhere in its paths. */
  startMask: number[];
  mostBaseStarts: number[];
  mostPathStarts: number[];
  shortestBase: number[];
  /** Live paths and their index. */
  present: Map<string, number>;
  removed: number;
}

const emptyColumns = (): Columns => ({
  paths: [], lower: [], base: [], baseStarts: [], pathStarts: [], baseMask: [], folder: [], folders: [], folderText: [], folderStarts: [], folderIds: new Map(),
  files: [], folderMask: [], anyBaseMask: [], firstBaseMask: [], startMask: [], mostBaseStarts: [], mostPathStarts: [], shortestBase: [], present: new Map(), removed: 0,
});

/** Word-start counts (wordStarts' packing) at least as large as both, in each count. */
function mostStarts(a: number, b: number): number {
  return Math.max(Math.floor(a / STRONG_START), Math.floor(b / STRONG_START)) * STRONG_START + Math.max(a % STRONG_START, b % STRONG_START);
}

function push(c: Columns, path: string): void {
  if (c.present.has(path)) return;
  const index = c.paths.length;
  c.present.set(path, index);
  const lower = path.toLowerCase();
  const base = path.lastIndexOf('/') + 1;
  // Keyed by the folder as written: scoring tells case apart (lower-cased folders could merge two).
  // Paths mostly come grouped by folder, so the last folder is usually the one.
  let id = c.folder.length > 0 ? c.folder[c.folder.length - 1]! : -1;
  if (!(id >= 0 && c.folderText[id]!.length === base && path.startsWith(c.folderText[id]!))) {
    const folder = path.slice(0, base);
    id = c.folderIds.get(folder) ?? -1;
    if (id === -1) {
      id = c.folders.length;
      const folderLower = lower.slice(0, base);
      c.folders.push(folderLower);
      c.folderText.push(folder);
      c.folderStarts.push(base > 1 ? wordStarts(folder, 1) : 0);
      c.folderIds.set(folder, id);
      c.files.push([]);
      c.folderMask.push(charMask(folderLower));
      c.anyBaseMask.push(0);
      c.firstBaseMask.push(0);
      c.startMask.push(startChars(folder, folderLower, 1));
      c.mostBaseStarts.push(0);
      c.mostPathStarts.push(0);
      c.shortestBase.push(Infinity);
    }
  }
  const baseStarts = wordStarts(path, base + 1);
  // The folder's, the basename's first position (after a '/': a strong start) and the rest.
  const pathStarts = c.folderStarts[id]! + (base > 0 ? STRONG_START : 0) + baseStarts;
  const baseMask = charMask(lower, base);
  c.paths.push(path);
  c.lower.push(lower);
  c.base.push(base);
  c.baseStarts.push(baseStarts);
  c.pathStarts.push(pathStarts);
  c.baseMask.push(baseMask);
  c.folder.push(id);
  c.files[id]!.push(index);
  c.folderMask[id]! |= baseMask;
  c.anyBaseMask[id]! |= baseMask;
  c.firstBaseMask[id]! |= charBit(lower.charCodeAt(base));
  c.startMask[id]! |= startChars(path, lower, base);
  c.mostBaseStarts[id] = mostStarts(c.mostBaseStarts[id]!, baseStarts);
  c.mostPathStarts[id] = mostStarts(c.mostPathStarts[id]!, pathStarts);
  c.shortestBase[id] = Math.min(c.shortestBase[id]!, path.length - base);
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

/** The smallest row from which every character of the query (restMask, m rows) is among `mask`'s. */
function fitsIn(restMask: Int32Array, m: number, mask: number): number {
  let fits = m;
  while (fits > 0 && (restMask[fits - 1]! & mask) === restMask[fits - 1]!) fits--;
  return fits;
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

/**
 * Survivors of a query, by folder: the folder's index, then -1 when every live path of it
 * survived, else how many did and their indices.
 */
type Survivors = number[];

/** One search: its query, its top list so far (best first, as parallel arrays) and the folders to score. */
interface Run {
  query: string;
  queryLower: string;
  m: number;
  queryMask: number;
  limit: number;
  full: FullPathScorer;
  topIndex: number[];
  topScore: number[];
  /** restMask[h]: the characters of the query from h on. */
  restMask: Int32Array;
  slash: boolean;
  /** The last keystroke's bound per folder, and the charBits of the characters typed since (each can add at most MAX_CHAR_GAIN, MAX_PLAIN_GAIN where it stands at no word start of the folder's paths). */
  carried: Float64Array | null;
  grown: Int32Array;
  survivors: Survivors;
  /** Per folder to score: its id, where its paths are (idsOf[f][fromOf[f] .. toOf[f])), whether a basename could hold the whole query, how far its bound was tightened (`tighten`), its first bound. */
  folderOf: number[];
  idsOf: number[][];
  fromOf: number[];
  toOf: number[];
  wholeOf: boolean[];
  stageOf: number[];
  keys: number[];
}

export class FileList {
  private c: Columns = emptyColumns();
  private generation = 0;
  /** Survivors of the last query and its folders' score bounds, valid while the list has not changed. */
  private last: { query: string; rawQuery: string; generation: number; survivors: Survivors; bounds: Float64Array } | null = null;

  get size(): number {
    return this.c.present.size;
  }

  private staged: Columns | null = null;

  replace(paths: string[]): void {
    this.beginStaging();
    this.stage(paths);
    this.commitStaging();
  }

  /** A new list is being staged (begun, not committed). */
  get staging(): boolean {
    return this.staged !== null;
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
    this.c = grouped(this.staged!);
    this.staged = null;
    this.generation++;
  }

  add(paths: readonly string[]): void {
    for (const p of paths) push(this.c, p);
    this.generation++;
  }

  /**
   * Each removal costs its folder's size; the slots are reclaimed (every column rebuilt) only
   * once removed paths outnumber live ones, so a batch costs about what it removes.
   */
  remove(paths: readonly string[]): void {
    const c = this.c;
    let removed = false;
    for (const p of paths) {
      const i = c.present.get(p);
      if (i === undefined) continue;
      c.present.delete(p);
      const files = c.files[c.folder[i]!]!;
      const at = files.lastIndexOf(i);
      files.splice(at, 1);
      c.removed++;
      removed = true;
    }
    if (!removed) return;
    if (c.removed > c.present.size) this.c = compacted(c);
    this.generation++;
  }

  /** Every path, in no particular order (the service sorts the union of its shards once). */
  all(): string[] {
    const out: string[] = [];
    for (const files of this.c.files) for (const i of files) out.push(this.c.paths[i]!);
    return out;
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
   * First it goes folder by folder, filtering: a folder whose characters rule out all its paths
   * costs one test, and one that holds the whole query passes all its paths at once. Then it
   * scores the surviving folders best bound first, so the top list fills with its best early and
   * every folder whose bound falls below it is never scored.
   */
  *searchSteps(rawQuery: string, limit = 50): Generator<void, FileSearchHit[]> {
    const query = rawQuery.replace(/\s+/g, '').replace(/\\/g, '/');
    const c = this.c;
    if (query === '') return this.all().sort().slice(0, limit).map((path) => ({ path, score: 0, positions: [] }));
    const queryLower = query.toLowerCase();
    const m = queryLower.length;
    const last = this.last && this.last.generation === this.generation && queryLower.startsWith(this.last.query) ? this.last : null;
    const candidates = last ? last.survivors : null;
    // restMask[h]: the characters of the query from h on.
    const restMask = new Int32Array(m + 1);
    for (let i = m - 1; i >= 0; i--) restMask[i] = restMask[i + 1]! | charBit(queryLower.charCodeAt(i));
    const queryMask = restMask[0]!;
    const run: Run = {
      query, queryLower, m, queryMask, limit, full: new FullPathScorer(query, queryLower), topIndex: [], topScore: [],
      restMask, slash: queryLower.includes('/'),
      // The last keystroke's folder bounds hold for this query plus what its new characters can add
      // (the query as written extending too: the same-case bonus).
      carried: last && query.startsWith(last.rawQuery) ? last.bounds : null,
      grown: Int32Array.from(last ? queryLower.slice(last.query.length) : '', (ch) => charBit(ch.charCodeAt(0))),
      survivors: [], folderOf: [], idsOf: [], fromOf: [], toOf: [], wholeOf: [], stageOf: [], keys: [],
    };
    const { files, folders } = c;
    const generation = this.generation;
    let work = 0;
    // First every folder (or the last query's survivors), filtered.
    for (let at = 0; ; ) {
      if (++work >= SLICE) {
        work = 0;
        yield;
        if (this.generation !== generation) return yield* this.searchSteps(rawQuery, limit); // the list changed meanwhile: start over, still sliced
      }
      if (candidates) {
        if (at >= candidates.length) break;
        const g = candidates[at]!;
        const k = candidates[at + 1]!;
        if (k === -1) {
          work += this.filterFolder(run, g, files[g]!, 0, files[g]!.length);
          at += 2;
        } else {
          work += this.filterFolder(run, g, candidates, at + 2, at + 2 + k);
          at += 2 + k;
        }
      } else {
        if (at >= folders.length) break;
        work += this.filterFolder(run, at, files[at]!, 0, files[at]!.length);
        at++;
      }
    }
    // Then the folders that survived, best bound first (equal bounds in list order, which reads
    // memory in order) when the query has a folder part: every folder may hold it, and those
    // holding it best come first. Without one (or with one character), the basename bounds
    // differ little between folders and the heap cost more than it saved: list order, as built.
    const keys = Float64Array.from(run.keys);
    const heap = run.slash && m > 1 ? new FolderHeap(keys.length, keys) : null;
    for (let next = 0; ; ) {
      let f: number;
      if (heap) f = this.nextFolder(run, heap);
      else {
        // Once the list is full, a folder its cheap bound lets in gets its tight bound first (as
        // nextFolder does): with many paths tied at the list's worst, most folders then stop here.
        while (next < keys.length) {
          if (this.hopelessFolder(run, run.folderOf[next]!, keys[next]!)) next++;
          else if (run.topIndex.length === run.limit && run.stageOf[next]! < 2) keys[next] = this.tighten(run, next, keys[next]!);
          else break;
        }
        f = next < keys.length ? next++ : -1;
      }
      if (f === -1) break;
      const ids = run.idsOf[f]!;
      // In runs of at most SLICE paths, by a plain method (a generator's loop optimizes worse).
      for (let k = run.fromOf[f]!, to = run.toOf[f]!; k < to; k += SLICE) {
        const end = Math.min(to, k + SLICE);
        work += end - k;
        if (work >= SLICE) {
          work = 0;
          yield;
          if (this.generation !== generation) return yield* this.searchSteps(rawQuery, limit);
        }
        this.scoreRun(run, ids, k, end, run.folderOf[f]!, run.wholeOf[f]!);
      }
    }
    // Each folder's bound, for the next keystroke.
    const bounds = new Float64Array(folders.length);
    for (let f = 0; f < run.folderOf.length; f++) bounds[run.folderOf[f]!] = keys[f]!;
    this.last = { query: queryLower, rawQuery: query, generation: this.generation, survivors: run.survivors, bounds };
    const { paths, lower } = c;
    return run.topIndex.map((i) => {
      const path = paths[i]!;
      return { path, ...scorePath(query, queryLower, path, lower[i]!)! };
    });
  }

  /**
   * Filters folder `g`'s paths ids[from .. to) into the run's survivors and, when any survive,
   * adds the folder to those to score with a first bound. Returns the work done (in paths).
   */
  private filterFolder(run: Run, g: number, ids: number[], from: number, to: number): number {
    const c = this.c;
    const { m, queryLower, queryMask, restMask, survivors } = run;
    if (from === to || (c.folderMask[g]! & queryMask) !== queryMask) return 0;
    // The folder holds the query's first `held` characters; the rest must fit in the basename.
    const held = matchedInFolder(queryLower, c.folders[g]!);
    const rest = restMask[held]!;
    if (held < m && (c.anyBaseMask[g]! & rest) !== rest) return 0;
    let work = 0;
    if (held === m) {
      // The folder holds the whole query: every path survives, kept as the folder alone.
      survivors.push(g, -1);
    } else {
      // Else its paths survive when the rest of the query fits in their basename.
      const countAt = survivors.length + 1;
      survivors.push(g, 0);
      const { baseMask, lower, base } = c;
      for (let k = from; k < to; k++) {
        const i = ids[k]!;
        if ((baseMask[i]! & rest) === rest && restFits(queryLower, held, lower[i]!, base[i]!)) survivors.push(i);
      }
      work = (to - from) >> 2; // filtering a path costs far less than scoring it
      const count = survivors.length - countAt - 1;
      if (count === 0) {
        survivors.length = countAt - 1;
        return work;
      }
      survivors[countAt] = count;
      ids = survivors;
      from = countAt + 1;
      to = survivors.length;
    }
    const anyWhole = !run.slash && (c.anyBaseMask[g]! & queryMask) === queryMask;
    const wholeBound = anyWhole ? BASENAME_TIER + PREFIX_BONUS + scoreBound(m, c.mostBaseStarts[g]!) : -Infinity;
    let bound = Math.max(wholeBound, scoreBound(m, c.mostPathStarts[g]!));
    if (run.carried) {
      let grown = 0;
      for (let k = 0; k < run.grown.length; k++) grown += (c.startMask[g]! & run.grown[k]!) !== 0 ? MAX_CHAR_GAIN : MAX_PLAIN_GAIN;
      bound = Math.min(bound, run.carried[g]! + grown);
    }
    run.keys.push(bound);
    run.folderOf.push(g);
    run.idsOf.push(ids);
    run.fromOf.push(from);
    run.toOf.push(to);
    run.wholeOf.push(anyWhole);
    run.stageOf.push(0);
    return work;
  }

  /** Whether no path of folder `g`, none scoring more than `bound`, can enter the full top list (a tie is only won by a path no longer than its worst). */
  private hopelessFolder(run: Run, g: number, bound: number): boolean {
    const { limit, topIndex, topScore } = run;
    if (topIndex.length < limit) return false;
    const floor = topScore[limit - 1]!;
    return bound < floor || (bound === floor && this.c.folderText[g]!.length + this.c.shortestBase[g]! > this.c.paths[topIndex[limit - 1]!]!.length);
  }

  /**
   * The next folder to score (its number in the run's folder lists), or -1 when no folder left
   * can enter the top list. A folder's first bound is tightened (`tighten`, a stage at a time)
   * before it is scored; a lower one puts it back in the heap.
   */
  private nextFolder(run: Run, heap: FolderHeap): number {
    const { limit, topIndex, topScore } = run;
    while (heap.size > 0) {
      const f = heap.peek();
      const g = run.folderOf[f]!;
      const bound = heap.keys[f]!;
      if (topIndex.length === limit && bound < topScore[limit - 1]!) return -1; // and so is every folder after it
      if (this.hopelessFolder(run, g, bound)) {
        heap.pop();
        continue;
      }
      if (run.stageOf[f]! < 2 && topIndex.length === limit) {
        const tight = this.tighten(run, f, bound);
        if (tight < bound) heap.lowerTop(tight);
        continue;
      }
      return heap.pop();
    }
    return -1;
  }

  /**
   * The run's folder number `f` (the list full) with `bound`, its bound one stage tighter. Stage 1:
   * the full-path bound from the folder's DP state (FullPathScorer.folderBound), knowing from
   * the characters of all its basenames together from which row on the rest of the query can fit
   * in one. Stage 2, only while the list holds matches that need the folders (below the basename
   * tier), and where the first could gain: the same from each path (its characters, then its
   * basename read), which also tells whether any basename holds the whole query. Each stage costs
   * more than the last, so a folder the heap puts back only pays the next when it is on top again.
   */
  private tighten(run: Run, f: number, bound: number): number {
    const c = this.c;
    const { m, queryLower, restMask } = run;
    const g = run.folderOf[f]!;
    const stage = ++run.stageOf[f]!;
    const unionFits = fitsIn(restMask, m, c.anyBaseMask[g]!);
    if (stage === 1) return Math.min(bound, this.boundWith(run, f, run.wholeOf[f]!, unionFits));
    if (!(unionFits < m || run.wholeOf[f]!) || run.topScore[run.limit - 1]! >= BASENAME_TIER) return bound;
    const ids = run.idsOf[f]!;
    const { baseMask, lower, base } = c;
    let fits = m;
    for (let k = run.fromOf[f]!, to = run.toOf[f]!; k < to && fits > 0; k++) {
      const i = ids[k]!;
      if (fitsIn(restMask, m, baseMask[i]!) < fits) fits = Math.min(fits, basenameFitsFrom(queryLower, lower[i]!, base[i]!));
    }
    const anyWhole = run.wholeOf[f]! && fits === 0;
    run.wholeOf[f] = anyWhole;
    return Math.min(bound, this.boundWith(run, f, anyWhole, fits));
  }

  /** tighten's bound, given whether a basename holds the whole query and from which row the rest fits in one. */
  private boundWith(run: Run, f: number, anyWhole: boolean, fits: number): number {
    const c = this.c;
    const { m, limit, topScore } = run;
    const g = run.folderOf[f]!;
    const base = c.folderText[g]!.length;
    const wholeBound = anyWhole ? BASENAME_TIER + PREFIX_BONUS + scoreBound(m, c.mostBaseStarts[g]!) : -Infinity;
    let fullBound = scoreBound(m, c.mostPathStarts[g]!);
    // Only worth its DP when the full-path bound is what lets the folder in.
    if (wholeBound < topScore[limit - 1]! && fullBound >= topScore[limit - 1]! && m >= 2 && base > 0 && base < MAX_LENGTH && c.shortestBase[g]! > 0) {
      const first = run.idsOf[f]![run.fromOf[f]!]!;
      fullBound = Math.min(fullBound, run.full.folderBound(c.paths[first]!, c.lower[first]!, base, g, c.mostBaseStarts[g]!, fits, c.firstBaseMask[g]!, anyWhole));
    }
    return Math.max(wholeBound, fullBound);
  }

  /**
   * Scores paths ids[from .. to) of folder `g` into the run's top list (as scorePathOnly in fuzzy.ts,
   * with bounds from each path's word starts).
   */
  private scoreRun(run: Run, ids: number[], from: number, to: number, g: number, anyWhole: boolean): void {
    const { query, queryLower, m, queryMask, limit, full, topIndex, topScore } = run;
    const { paths, lower: lowers, base: bases, baseStarts, pathStarts, baseMask } = this.c;
    for (let k = from; k < to; k++) {
      const i = ids[k]!;
      const lower = lowers[i]!;
      const base = bases[i]!;
      const path = paths[i]!;
      const isFull = topIndex.length === limit;
      const floor = isFull ? topScore[limit - 1]! : -Infinity;
      const winsTie = !isFull || this.better(floor, i, floor, topIndex[limit - 1]!);
      let score: number | null = null;
      let tried = false;
      const wholeFits = anyWhole && (baseMask[i]! & queryMask) === queryMask && isSubsequence(queryLower, lower, base);
      if (wholeFits) {
        const prefix = lower.startsWith(queryLower, base) ? PREFIX_BONUS : 0;
        if (hopeless(BASENAME_TIER + prefix + scoreBound(m, baseStarts[i]!), floor, winsTie)) continue;
        const inBase = fuzzyScoreOnly(query, queryLower, path, lower, base);
        if (inBase !== null) score = inBase + BASENAME_TIER + prefix;
        tried = inBase !== null;
      }
      if (!tried) {
        if (hopeless(scoreBound(m, pathStarts[i]!), floor, winsTie)) continue;
        score = full.score(path, lower, base, g, baseStarts[i]!, baseMask[i]!, wholeFits, floor, winsTie);
      }
      if (score === null) continue;
      if (isFull && !this.better(score, i, topScore[limit - 1]!, topIndex[limit - 1]!)) continue;
      let place = topIndex.length;
      while (place > 0 && this.better(score, i, topScore[place - 1]!, topIndex[place - 1]!)) place--;
      topIndex.splice(place, 0, i);
      topScore.splice(place, 0, score);
      if (topIndex.length > limit) {
        topIndex.pop();
        topScore.pop();
      }
    }
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

/** The live paths again, without the removed ones' slots, each folder's together. */
function compacted(c: Columns): Columns {
  const next = emptyColumns();
  for (const files of c.files) for (const i of files) push(next, c.paths[i]!);
  return next;
}

/**
 * The same columns with each folder's paths contiguous, so a search reads memory in order (a
 * walk lists them so already; then this only checks).
 */
function grouped(c: Columns): Columns {
  if (c.files.every((files) => files.length === 0 || files[files.length - 1]! - files[0]! === files.length - 1)) return c;
  const next: Columns = { ...c, paths: [], lower: [], base: [], baseStarts: [], pathStarts: [], baseMask: [], folder: [], files: [], present: new Map(), removed: 0 };
  for (let g = 0; g < c.files.length; g++) {
    const files: number[] = [];
    for (const i of c.files[g]!) {
      const path = c.paths[i]!;
      next.present.set(path, next.paths.length);
      files.push(next.paths.length);
      next.paths.push(path);
      next.lower.push(c.lower[i]!);
      next.base.push(c.base[i]!);
      next.baseStarts.push(c.baseStarts[i]!);
      next.pathStarts.push(c.pathStarts[i]!);
      next.baseMask.push(c.baseMask[i]!);
      next.folder.push(g);
    }
    next.files.push(files);
  }
  return next;
}
