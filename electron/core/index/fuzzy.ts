// Fuzzy path scoring in the spirit of VS Code's quick open: every query character must appear in
// order; contiguous runs, word starts (after `/`, `_`, `-`, `.`, space, or a camelCase hump),
// the start of the name and same-case hits score more. A match inside the basename outranks
// any match that needs the folders.

export interface FuzzyMatch {
  score: number;
  /** Offsets in the scored string of the matched characters. */
  positions: number[];
}

const SEQUENCE_BONUS = 6;
const START_BONUS = 8;
const SEGMENT_BONUS = 7;
const SEPARATOR_BONUS = 5;
const CAMEL_BONUS = 5; // a hump is a word start, like a separator
const SAME_CASE_BONUS = 1;
/** Per character skipped between two matched characters: nearer word starts win. */
const GAP_PENALTY = 0.25;
/**
 * The most one more query character adds to any path's score: its own point, the largest
 * boundary bonus past the first column (START_BONUS only at column 0, never a later character's),
 * same case and the sequence bonus. So a query's scores bound those of any query extending it.
 */
export const MAX_CHAR_GAIN = 1 + SEGMENT_BONUS + SAME_CASE_BONUS + SEQUENCE_BONUS;
/** The same for a character that stands at no word start of the path (see startChars). */
export const MAX_PLAIN_GAIN = 1 + SAME_CASE_BONUS + SEQUENCE_BONUS;
export const MAX_LENGTH = 512;
/** A cell no alignment reaches. */
const NONE = -Infinity;

// Scratch cells reused across calls: only the positions where a query character occurs (inside
// the band it can occupy) are scored, so the work is the number of occurrences, not query x target.
let cellCol = new Int32Array(256);
let cellBest = new Float64Array(256);
let cellFrom = new Int32Array(256);

function ensureCells(cells: number): void {
  if (cells <= cellCol.length) return;
  const size = Math.max(cells, cellCol.length * 2);
  cellCol = new Int32Array(size);
  cellBest = new Float64Array(size);
  cellFrom = new Int32Array(size);
}

/** True when every character of `queryLower` appears in `targetLower`, in order. */
export function isSubsequence(queryLower: string, targetLower: string, start = 0): boolean {
  let j = start;
  for (let i = 0; i < queryLower.length; i++) {
    j = targetLower.indexOf(queryLower[i]!, j);
    if (j === -1) return false;
    j++;
  }
  return true;
}

function boundaryBonus(target: string, j: number): number {
  if (j === 0) return START_BONUS;
  const prev = target.charCodeAt(j - 1);
  if (prev === 47 /* / */ || prev === 92 /* \ */) return SEGMENT_BONUS;
  if (prev === 95 || prev === 45 || prev === 46 || prev === 32) return SEPARATOR_BONUS; // _ - . space
  const cur = target.charCodeAt(j);
  const curUpper = cur >= 65 && cur <= 90;
  const prevLowerOrDigit = (prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57);
  return curUpper && prevLowerOrDigit ? CAMEL_BONUS : 0;
}

/** One bit per character class a path holds: a query needing a bit the path lacks cannot match. */
export function charMask(lower: string, from = 0): number {
  let mask = 0;
  for (let i = from; i < lower.length; i++) mask |= charBit(lower.charCodeAt(i));
  return mask;
}

export function charBit(c: number): number {
  if (c >= 97 && c <= 122) return 1 << (c - 97);
  if (c >= 48 && c <= 57) return 1 << 26;
  if (c === 47) return 1 << 27; // '/'
  if (c === 46) return 1 << 28; // '.'
  if (c === 95 || c === 45) return 1 << 29; // '_' '-'
  return 1 << 30;
}

/**
 * The word starts (positions where a boundary bonus applies) at or after `from` in `target`,
 * packed as strong * STRONG + weak: `strong` after a path separator (SEGMENT_BONUS), `weak` the
 * others (at most SEPARATOR_BONUS or CAMEL_BONUS). They bound a score (see startBonus).
 */
export function wordStarts(target: string, from: number): number {
  let strong = 0;
  let weak = 0;
  for (let t = Math.max(1, from); t < target.length; t++) {
    const bonus = boundaryBonus(target, t);
    if (bonus === SEGMENT_BONUS) strong++;
    else if (bonus > 0) weak++;
  }
  // Capped well below STRONG, so packed counts of a folder and a basename add without carrying.
  return Math.min(strong, 1023) * STRONG + Math.min(weak, 1023);
}

/** charBit of every lower-cased character at a word start (a boundary bonus) at or after `from` (and after the first position) in `target`. */
export function startChars(target: string, targetLower: string, from: number): number {
  let mask = 0;
  for (let t = Math.max(1, from); t < target.length; t++) if (boundaryBonus(target, t) > 0) mask |= charBit(targetLower.charCodeAt(t));
  return mask;
}

const STRONG = 1 << 12;
/** One strong word start in wordStarts' packing (the counts add up). */
export const STRONG_START = STRONG;

/** The most `k` positions of a target with these word starts (wordStarts) add in boundary bonuses. */
function startBonus(k: number, starts: number): number {
  const strong = Math.min(k, Math.floor(starts / STRONG));
  return strong * SEGMENT_BONUS + Math.min(k - strong, starts % STRONG) * Math.max(SEPARATOR_BONUS, CAMEL_BONUS);
}

/**
 * Best-scoring alignment of `query` in `target[offset..]` (dynamic programming over query x target),
 * or null when it does not match. Positions are offsets into `target`.
 */
export function fuzzyScore(query: string, queryLower: string, target: string, targetLower: string, offset = 0): FuzzyMatch | null {
  const score = fuzzyScoreOnly(query, queryLower, target, targetLower, offset);
  if (score === null) return null;
  return { score, positions: lastPositions(queryLower.length) };
}

/** The cell that ended the last fuzzyScoreOnly call's best alignment (-1: empty query). */
let lastEndCell = -1;
/** Its cells' columns are relative to this offset in the target. */
let lastOffset = 0;

/** Offsets of the best alignment found by the last fuzzyScoreOnly call. */
function lastPositions(m: number): number[] {
  const positions = new Array<number>(m);
  for (let i = m - 1, c = lastEndCell; i >= 0; i--) {
    positions[i] = lastOffset + cellCol[c]!;
    c = cellFrom[c]!;
  }
  return positions;
}

/** The score alone (no positions array): what ranking needs for every candidate. */
export function fuzzyScoreOnly(query: string, queryLower: string, target: string, targetLower: string, offset = 0): number | null {
  const m = queryLower.length;
  const n = Math.min(target.length - offset, MAX_LENGTH);
  if (m === 0) {
    lastEndCell = -1;
    return 0;
  }
  if (m > n) return null;
  if (m === 1) return singleCharScore(query, queryLower, target, targetLower, offset, n);
  // The band each query character can occupy: from its earliest (greedy from the left) to its
  // latest (greedy from the right) position. Only matching cells inside the band are scored.
  if (earliest.length < m) {
    earliest = new Int32Array(m * 2);
    latest = new Int32Array(m * 2);
  }
  for (let i = 0, j = 0; i < m; i++, j++) {
    const qc = queryLower.charCodeAt(i);
    while (j < n && targetLower.charCodeAt(offset + j) !== qc) j++;
    if (j === n) return null;
    earliest[i] = j;
  }
  for (let i = m - 1, j = n - 1; i >= 0; i--, j--) {
    const qc = queryLower.charCodeAt(i);
    while (targetLower.charCodeAt(offset + j) !== qc) j--;
    latest[i] = j;
  }
  // Cells of row i are [rowFrom, rowTo) in the scratch arrays, in column order (columns relative
  // to `offset`). A cell without any alignment is not stored: the same as a NONE cell.
  let prevFrom = 0;
  let prevTo = 0;
  let used = 0;
  for (let i = 0; i < m; i++) {
    const qch = queryLower[i]!;
    const hi = latest[i]!;
    const rowFrom = used;
    ensureCells(used + hi - earliest[i]! + 1);
    // Running best of the previous row up to column j-2 (a gap before this match), kept as
    // best + GAP_PENALTY * column so one running maximum serves every j.
    let gapBest = NONE;
    let gapFrom = -1;
    let p = prevFrom;
    for (let j = earliest[i]!; j !== -1 && j <= hi; ) {
      const t = offset + j;
      const score = 1 + boundaryBonus(target, t) + (query.charCodeAt(i) === target.charCodeAt(t) ? SAME_CASE_BONUS : 0);
      if (i === 0) {
        cellCol[used] = j;
        cellBest[used] = score;
        cellFrom[used] = -1;
        used++;
      } else {
        while (p < prevTo && cellCol[p]! <= j - 2) {
          const adjusted = cellBest[p]! + GAP_PENALTY * cellCol[p]!;
          if (adjusted > gapBest) {
            gapBest = adjusted;
            gapFrom = p;
          }
          p++;
        }
        const seqCell = p < prevTo && cellCol[p] === j - 1 ? p : -1;
        const viaSeq = seqCell === -1 ? NONE : cellBest[seqCell]! + SEQUENCE_BONUS;
        const viaGap = gapBest === NONE ? NONE : gapBest - GAP_PENALTY * (j - 1);
        if (viaSeq !== NONE || viaGap !== NONE) {
          cellCol[used] = j;
          if (viaSeq >= viaGap) {
            cellBest[used] = score + viaSeq;
            cellFrom[used] = seqCell;
          } else {
            cellBest[used] = score + viaGap;
            cellFrom[used] = gapFrom;
          }
          used++;
        }
      }
      const next = targetLower.indexOf(qch, t + 1);
      j = next === -1 ? -1 : next - offset;
    }
    if (used === rowFrom) return null;
    prevFrom = rowFrom;
    prevTo = used;
  }
  let top = NONE;
  let end = -1;
  for (let c = prevFrom; c < prevTo; c++) {
    if (cellBest[c]! > top) {
      top = cellBest[c]!;
      end = c;
    }
  }
  if (end === -1) return null;
  lastEndCell = end;
  lastOffset = offset;
  return top;
}

/** The first keystroke scores every path: the best single position, without the matrix. */
function singleCharScore(query: string, queryLower: string, target: string, targetLower: string, offset: number, n: number): number | null {
  let top = -Infinity;
  let end = -1;
  const sameCase = query.charCodeAt(0);
  for (let t = targetLower.indexOf(queryLower, offset); t !== -1 && t < offset + n; t = targetLower.indexOf(queryLower, t + 1)) {
    const score = 1 + boundaryBonus(target, t) + (sameCase === target.charCodeAt(t) ? SAME_CASE_BONUS : 0);
    if (score > top) {
      top = score;
      end = t;
    }
  }
  if (end === -1) return null;
  cellCol[0] = end;
  cellFrom[0] = -1;
  lastEndCell = 0;
  lastOffset = 0;
  return top;
}

let earliest = new Int32Array(0);
let latest = new Int32Array(0);

/** No alignment of `m` characters can score more than this (every bonus on every character). */
export function maxScore(m: number): number {
  return m * (1 + START_BONUS + SAME_CASE_BONUS) + Math.max(0, m - 1) * SEQUENCE_BONUS;
}

/** Bonus that puts every basename match above every match that needs the folders. */
export const BASENAME_TIER = 10_000;

/** Scores a workspace path: the basename first, the whole path when the basename cannot match. */
export function scorePath(query: string, queryLower: string, path: string, pathLower: string): FuzzyMatch | null {
  const score = scorePathOnly(query, queryLower, path, pathLower);
  if (score === null) return null;
  const base = basenameStart(path);
  const inBase = score >= BASENAME_TIER;
  const match = fuzzyScore(query, queryLower, path, pathLower, inBase ? base : 0)!;
  return { score, positions: match.positions };
}

/**
 * scorePath without the positions, for ranking many paths. Returns null without scoring when
 * the path cannot beat `floor` (the worst of a full top list): that skips most of the work.
 */
export function scorePathOnly(
  query: string,
  queryLower: string,
  path: string,
  pathLower: string,
  floor = -Infinity,
  /** Whether this path would win a tie with the worst of the top list (it is shorter, or equal and first). */
  winsTie = true,
): number | null {
  const base = basenameStart(path);
  const bound = maxScore(queryLower.length);
  if (!queryLower.includes('/') && isSubsequence(queryLower, pathLower, base)) {
    if (hopeless(BASENAME_TIER + PREFIX_BONUS + bound, floor, winsTie)) return null;
    const score = fuzzyScoreOnly(query, queryLower, path, pathLower, base);
    if (score !== null) {
      // A query equal to the basename start ranks first among basename hits.
      const prefix = pathLower.startsWith(queryLower, base) ? PREFIX_BONUS : 0;
      return score + BASENAME_TIER + prefix;
    }
  }
  if (hopeless(bound, floor, winsTie)) return null;
  return fuzzyScoreOnly(query, queryLower, path, pathLower, 0);
}

/**
 * The most the first row placed in a basename scores itself: at the basename's first column (after
 * the '/') or after a backslash in it, a segment start; at any other column at most a separator
 * or camelCase start.
 */
const ENTER_AT_SEGMENT = 1 + SEGMENT_BONUS + SAME_CASE_BONUS;
const ENTER_LATER = 1 + Math.max(SEPARATOR_BONUS, CAMEL_BONUS) + SAME_CASE_BONUS;

/** The smallest i with queryLower[i..] a subsequence of pathLower from `base` on (greedy from the right): 0 when the whole query fits there. */
export function basenameFitsFrom(queryLower: string, pathLower: string, base: number): number {
  let i = queryLower.length;
  for (let t = pathLower.length; i > 0; i--) {
    t = pathLower.lastIndexOf(queryLower[i - 1]!, t - 1);
    if (t < base) break;
  }
  return i;
}

/** The most a row entering the basename with `entry` and scoring at most `enter` itself can reach, `rest` rows after it. */
function reach(entry: number, enter: number, rest: number, baseStarts: number): number {
  return entry + enter + rest * (1 + SAME_CASE_BONUS + SEQUENCE_BONUS) + startBonus(rest, baseStarts);
}

const isSeparator = (c: number) => c === 95 || c === 45 || c === 46 || c === 32; // _ - . space
const isLetter = (c: number) => c >= 97 && c <= 122; // lower-cased query
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Rows past this many use reach() alone (the table below grows with the square of the query). */
const TAIL_ROWS = 64;

/**
 * tail[(strong * m + row) * (m + 1) + w]: the most rows row+1 .. m-1 of `queryLower` can add inside
 * a basename once `row` is placed there, given w word starts to use and whether the basename
 * has a strong one (after a backslash). Tighter than reach()'s "every row in sequence and at a
 * word start": in sequence, a row gets a boundary bonus only after a separator row, or as a
 * camelCase hump after a letter or digit row, and two humps cannot follow each other (the
 * first is upper case, the second needs a lower-case character before it); a hump for a row
 * typed in lower case loses that row's same-case bonus. Out of sequence a
 * row loses the sequence bonus and at least one gap penalty. A basename holds no '/'.
 */
function tailTable(query: string, queryLower: string): Float64Array {
  const m = queryLower.length;
  const w1 = m + 1;
  const table = new Float64Array(2 * m * w1);
  const inSeq = 1 + SAME_CASE_BONUS + SEQUENCE_BONUS;
  // f[k][w][blocked]: rows k .. m-1 with w word starts left; blocked: row k may not be a hump in sequence.
  let next = new Float64Array(2 * w1); // rows from k + 1 on
  let cur = new Float64Array(2 * w1);
  for (let strong = 0; strong < 2; strong++) {
    const outOfSeq = 1 + (strong ? SEGMENT_BONUS : Math.max(SEPARATOR_BONUS, CAMEL_BONUS)) + SAME_CASE_BONUS - GAP_PENALTY;
    next.fill(0);
    for (let k = m - 1; k >= 1; k--) {
      const c = queryLower.charCodeAt(k);
      const p = queryLower.charCodeAt(k - 1);
      const afterSeparator = isSeparator(p);
      const hump = isLetter(c) && (isLetter(p) || isDigit(p));
      // A hump is an upper-case character: typed in lower case, the row loses its same-case bonus there.
      const humpGain = CAMEL_BONUS - (query.charCodeAt(k) === c ? SAME_CASE_BONUS : 0);
      for (let w = 0; w <= m; w++) {
        for (let blocked = 0; blocked < 2; blocked++) {
          let best = inSeq + next[w * 2]!;
          if (w > 0) {
            best = Math.max(best, outOfSeq + next[(w - 1) * 2]!);
            if (afterSeparator) best = Math.max(best, inSeq + SEPARATOR_BONUS + next[(w - 1) * 2]!);
            if (hump && !blocked) best = Math.max(best, inSeq + humpGain + next[(w - 1) * 2 + 1]!);
          }
          cur[w * 2 + blocked] = best;
        }
      }
      // Row k - 1 placed: rows k .. m-1 follow it, the first of them not blocked.
      for (let w = 0; w <= m; w++) table[(strong * m + k - 1) * w1 + w] = cur[w * 2]!;
      [next, cur] = [cur, next];
    }
  }
  return table;
}

/** Whether a score of at most `limit` cannot enter the top list (a module function: no closure per path). */
export function hopeless(limit: number, floor: number, winsTie: boolean): boolean {
  return limit < floor || (limit === floor && !winsTie);
}

function basenameStart(path: string): number {
  return path.lastIndexOf('/') + 1;
}

/** Bonus for a query that starts the basename (see scorePathOnly). */
export const PREFIX_BONUS = SEQUENCE_BONUS * 2;

/**
 * An upper bound of fuzzyScoreOnly for `m` query characters in a target with `starts` word starts
 * (wordStarts) after the first position the alignment can take: the first character gets at most
 * 1 + START + SAME_CASE, every later one at most 1 + SAME_CASE + SEQUENCE plus a boundary bonus,
 * which only a word start gives. Cheap enough to skip most paths without scoring them.
 */
export function scoreBound(m: number, starts: number): number {
  if (m === 0) return 0;
  return 1 + START_BONUS + SAME_CASE_BONUS + (m - 1) * (1 + SAME_CASE_BONUS + SEQUENCE_BONUS) + startBonus(m - 1, starts);
}

/**
 * fuzzyScoreOnly(query, queryLower, path, pathLower, 0) for many paths in a row, column by column
 * (the same recurrence, so the same scores). The state after a path's folder is kept: the next
 * path in the same folder resumes from it, and first gets a bound from it (what the best
 * alignment entering the basename could still reach), which rejects most paths unscored. Paths
 * arrive grouped by folder (a walk lists a folder's files together).
 */
export class FullPathScorer {
  private readonly m: number;
  /**
   * The query rows holding each character code, last row first: `rowList[rowHead[c] ..
   * rowHead[c] + rowCount[c])` for codes below 128, `other` for the rest.
   */
  private readonly rowHead = new Int32Array(128);
  private readonly rowCount = new Int32Array(128);
  private readonly rowList: Int32Array;
  private readonly other = new Map<number, Int32Array>();
  /** best(i, j-1) per row i, and max over k <= j-2 of best(i, k) + GAP_PENALTY * k. */
  private readonly prev: Float64Array;
  private readonly gap: Float64Array;
  private readonly next: Float64Array;
  /** Rows whose prev entry is set (not NONE): the only ones to fold and clear. */
  private readonly liveRows: Int32Array;
  private live = 0;
  /** Best score of the last row so far. */
  private top = NONE;
  private folder = -1;
  private readonly folderEntry: Float64Array;
  /** The same at the basename's second column: what any later column has at most. */
  private readonly folderEntryLater: Float64Array;
  /** charBit of each query character. */
  private readonly rowBits: Int32Array;
  private readonly folderPrev: Float64Array;
  private readonly folderGap: Float64Array;
  private folderTop = NONE;
  /** tailTable(query, queryLower), or null for a long query. */
  private readonly tail: Float64Array | null;

  constructor(
    private readonly query: string,
    private readonly queryLower: string,
  ) {
    const m = (this.m = queryLower.length);
    const byCode = new Map<number, number[]>();
    for (let i = m - 1; i >= 0; i--) {
      const c = queryLower.charCodeAt(i);
      const list = byCode.get(c);
      if (list) list.push(i);
      else byCode.set(c, [i]);
    }
    this.rowList = new Int32Array(m);
    let at = 0;
    for (const [c, list] of byCode) {
      if (c >= 128) {
        this.other.set(c, Int32Array.from(list));
        continue;
      }
      this.rowHead[c] = at;
      this.rowCount[c] = list.length;
      for (const i of list) this.rowList[at++] = i;
    }
    this.prev = new Float64Array(m);
    this.gap = new Float64Array(m);
    this.next = new Float64Array(m);
    this.liveRows = new Int32Array(m);
    this.folderPrev = new Float64Array(m);
    this.folderGap = new Float64Array(m);
    this.folderEntry = new Float64Array(m);
    this.folderEntryLater = new Float64Array(m);
    this.rowBits = new Int32Array(m);
    for (let i = 0; i < m; i++) this.rowBits[i] = charBit(queryLower.charCodeAt(i));
    this.tail = m >= 2 && m <= TAIL_ROWS ? tailTable(query, queryLower) : null;
  }

  /**
   * The most an alignment placing row `row` first in the basename with `entry` before it can
   * reach; `enter` is the most that row scores itself (ENTER_AT_SEGMENT or ENTER_LATER).
   */
  private reach(entry: number, enter: number, row: number, baseStarts: number): number {
    const m = this.m;
    const loose = reach(entry, enter, m - 1 - row, baseStarts);
    if (!this.tail) return loose;
    const strong = Math.floor(baseStarts / STRONG);
    const starts = Math.min(m, strong + (baseStarts % STRONG));
    return Math.min(loose, entry + enter + this.tail[((strong > 0 ? 1 : 0) * m + row) * (m + 1) + starts]!);
  }

  /**
   * The path's score, or null when it does not match or (given `floor` and `winsTie`, as in
   * scorePathOnly) cannot enter the top list. `base` is where the basename starts, `folder`
   * names the folder (paths with the same number share the text before `base`), `baseStarts`
   * counts the basename's word starts (wordStarts from base + 1), `baseMask` is charMask of the
   * lower-cased basename, `wholeFits` says whether the whole query is a subsequence of it.
   */
  score(
    path: string,
    pathLower: string,
    base: number,
    folder: number,
    baseStarts: number,
    baseMask: number,
    wholeFits: boolean,
    floor = NONE,
    winsTie = true,
  ): number | null {
    const m = this.m;
    const n = Math.min(path.length, MAX_LENGTH);
    if (m === 0) return 0;
    if (m > n) return null;
    if (m === 1) return fuzzyScoreOnly(this.query, this.queryLower, path, pathLower, 0);
    if (base === 0 || base >= n) {
      this.reset();
      this.run(path, pathLower, 0, n);
    } else {
      if (folder !== this.folder) this.enterFolder(path, pathLower, base, folder);
      if (floor !== NONE && hopeless(this.basenameBound(pathLower, base, baseStarts, baseMask, wholeFits, floor, winsTie), floor, winsTie)) return null;
      this.prev.set(this.folderPrev);
      this.gap.set(this.folderGap);
      this.top = this.folderTop;
      this.live = 0;
      for (let i = 0; i < m; i++) if (this.prev[i] !== NONE) this.liveRows[this.live++] = i;
      this.run(path, pathLower, base, n);
    }
    return this.top === NONE ? null : this.top;
  }

  /** Scores the folder's columns once and keeps the state, for every path in it. */
  private enterFolder(path: string, pathLower: string, base: number, folder: number): void {
    this.reset();
    this.run(path, pathLower, 0, base);
    this.folder = folder;
    this.folderPrev.set(this.prev);
    this.folderGap.set(this.gap);
    this.folderTop = this.top;
    // What row r (r >= 1) can have on entering the basename at its first column at the earliest.
    for (let r = 1; r < this.m; r++) {
      this.folderEntry[r] = this.entry(r, base, base);
      this.folderEntryLater[r] = this.entry(r, base, base + 1);
    }
  }

  /** Row `row`'s best before its own score when it is the first row in the basename, at column `at`. */
  private entry(row: number, base: number, at: number): number {
    const g = this.folderGap[row - 1]!;
    const p = this.folderPrev[row - 1]!;
    const viaGap = g === NONE ? NONE : g - GAP_PENALTY * (at - 1);
    // From the folder's last column: in sequence at the basename's start, else by a gap.
    const viaLast = p === NONE ? NONE : at === base ? p + SEQUENCE_BONUS : p - GAP_PENALTY * (at - base);
    return Math.max(viaGap, viaLast);
  }

  /**
   * From the folder's state: no alignment of this path scores more. Rows r.. of the query can
   * only go into the basename when they fit there; row r enters it by a gap (at least to its first
   * column there) or right after the folder's last column, gets at most 1 + SEGMENT +
   * SAME_CASE there, and every later row what scoreBound allows. A first, cheaper bound assumes
   * every row fits at the basename's start; only when it is not enough is the basename read.
   */
  private basenameBound(pathLower: string, base: number, baseStarts: number, baseMask: number, wholeFits: boolean, floor: number, winsTie: boolean): number {
    const m = this.m;
    const whole = wholeFits ? scoreBound(m, baseStarts) : NONE;
    // Rows before `fits` cannot start the basename: a later row's character is missing there.
    let fits = m;
    while (fits > 0 && (this.rowBits[fits - 1]! & baseMask) !== 0) fits--;
    const rough = this.roughBound(baseStarts, fits, charBit(pathLower.charCodeAt(base)), wholeFits);
    if (hopeless(rough, floor, winsTie)) return rough;
    let bound = Math.max(this.folderTop, whole);
    const i = basenameFitsFrom(this.queryLower, pathLower, base);
    // A row first in the basename at a later column than its first there has a lower entry, and
    // past the basename's first column (without a backslash in it) no segment start.
    const strong = baseStarts >= STRONG;
    for (let row = Math.max(i, 1); row < m; row++) {
      const at = pathLower.indexOf(this.queryLower[row]!, base);
      const e = this.entry(row, base, at);
      if (e !== NONE) bound = Math.max(bound, this.reach(e, at === base || strong ? ENTER_AT_SEGMENT : ENTER_LATER, row, baseStarts));
    }
    return bound;
  }

  /**
   * basenameBound's first, cheaper bound, from the entered folder's state alone. Rows before
   * `fits` cannot start the basename (the rest of the query does not fit in it); `firstBits`
   * holds the charBit of the basename's first character (or of several: any of them).
   */
  private roughBound(baseStarts: number, fits: number, firstBits: number, wholeFits: boolean): number {
    const m = this.m;
    let rough = Math.max(this.folderTop, wholeFits ? scoreBound(m, baseStarts) : NONE);
    // A row takes a segment start only at the basename's first column (when it is that
    // character) or after a backslash (bounded as at the first column: the entry only falls
    // with the column); elsewhere it enters at the second column at the earliest.
    const strong = baseStarts >= STRONG;
    for (let row = Math.max(fits, 1); row < m; row++) {
      const e = this.folderEntry[row]!;
      if (e !== NONE && (strong || (this.rowBits[row]! & firstBits) !== 0)) rough = Math.max(rough, this.reach(e, ENTER_AT_SEGMENT, row, baseStarts));
      const later = this.folderEntryLater[row]!;
      if (later !== NONE) rough = Math.max(rough, this.reach(later, ENTER_LATER, row, baseStarts));
    }
    return rough;
  }

  /**
   * No path of the folder (`path` is one of them, `base` its folder's length) scores more, given
   * the most word starts of its basenames, the smallest row from which the rest of the query
   * fits in one of them (basenameFitsFrom), the charBits of their first characters and whether
   * any could hold the whole query: the rough bound only grows with each. Valid when score()
   * would take its folder route for every path: m >= 2 and 0 < base < min(length, MAX_LENGTH).
   */
  folderBound(path: string, pathLower: string, base: number, folder: number, baseStarts: number, fits: number, firstBits: number, wholeFits: boolean): number {
    if (folder !== this.folder) this.enterFolder(path, pathLower, base, folder);
    return this.roughBound(baseStarts, fits, firstBits, wholeFits);
  }

  private reset(): void {
    this.prev.fill(NONE);
    this.gap.fill(NONE);
    this.live = 0;
    this.top = NONE;
  }

  /** Scores columns [from, to) of the path onto the current state. */
  private run(path: string, pathLower: string, from: number, to: number): void {
    const { prev, gap, next, liveRows, rowHead, rowCount, rowList, query } = this;
    const last = this.m - 1;
    let live = this.live;
    let top = this.top;
    for (let j = from; j < to; j++) {
      // Fold column j-1 into the gap maxima (usable from column j+1 on), then score column j.
      for (let r = 0; r < live; r++) {
        const i = liveRows[r]!;
        const adjusted = prev[i]! + GAP_PENALTY * (j - 1);
        if (adjusted > gap[i]!) gap[i] = adjusted;
      }
      const lc = pathLower.charCodeAt(j);
      let head = 0;
      let count = 0;
      let rows = rowList;
      if (lc < 128) {
        head = rowHead[lc]!;
        count = rowCount[lc]!;
      } else {
        const list = this.other.get(lc);
        if (list) {
          rows = list;
          count = list.length;
        }
      }
      if (count === 0) {
        for (let r = 0; r < live; r++) prev[liveRows[r]!] = NONE;
        live = 0;
        continue;
      }
      const bonus = 1 + boundaryBonus(path, j);
      const code = path.charCodeAt(j);
      for (let r = head; r < head + count; r++) {
        // Rows come last first, so prev[i - 1] is still column j-1's.
        const i = rows[r]!;
        let score = bonus + (query.charCodeAt(i) === code ? SAME_CASE_BONUS : 0);
        if (i > 0) {
          const seq = prev[i - 1]!;
          const viaSeq = seq === NONE ? NONE : seq + SEQUENCE_BONUS;
          const g = gap[i - 1]!;
          const viaGap = g === NONE ? NONE : g - GAP_PENALTY * (j - 1);
          if (viaSeq === NONE && viaGap === NONE) score = NONE;
          else score += viaSeq >= viaGap ? viaSeq : viaGap;
        }
        next[i] = score;
        if (i === last && score > top) top = score;
      }
      for (let r = 0; r < live; r++) prev[liveRows[r]!] = NONE;
      live = 0;
      for (let r = head; r < head + count; r++) {
        const i = rows[r]!;
        if (next[i] === NONE) continue;
        prev[i] = next[i]!;
        liveRows[live++] = i;
      }
    }
    this.live = live;
    this.top = top;
  }
}

