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
const MAX_LENGTH = 512;

// Scratch matrices reused across calls: query length x target length.
let capacity = 0;
let best = new Float64Array(0);
let from = new Int32Array(0);

function ensure(cells: number): void {
  if (cells <= capacity) return;
  capacity = Math.max(cells, capacity * 2);
  best = new Float64Array(capacity);
  from = new Int32Array(capacity);
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

/**
 * Best-scoring alignment of `query` in `target[offset..]` (dynamic programming over query x target),
 * or null when it does not match. Positions are offsets into `target`.
 */
export function fuzzyScore(query: string, queryLower: string, target: string, targetLower: string, offset = 0): FuzzyMatch | null {
  const score = fuzzyScoreOnly(query, queryLower, target, targetLower, offset);
  if (score === null) return null;
  return { score, positions: lastPositions(queryLower.length, offset) };
}

let lastN = 0;
let lastEnd = -1;

/** Offsets of the best alignment found by the last fuzzyScoreOnly call. */
function lastPositions(m: number, offset: number): number[] {
  const positions = new Array<number>(m);
  for (let i = m - 1, j = lastEnd; i >= 0; i--) {
    positions[i] = offset + j;
    j = from[i * lastN + j]!;
  }
  return positions;
}

/** The score alone (no positions array): what ranking needs for every candidate. */
export function fuzzyScoreOnly(query: string, queryLower: string, target: string, targetLower: string, offset = 0): number | null {
  const m = queryLower.length;
  const n = Math.min(target.length - offset, MAX_LENGTH);
  if (m === 0) {
    lastEnd = -1;
    return 0;
  }
  if (m > n) return null;
  if (m === 1) return singleCharScore(query, queryLower, target, targetLower, offset, n);
  // The band each query character can occupy: from its earliest (greedy from the left) to its
  // latest (greedy from the right) position. Only cells inside the band are computed.
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
  ensure(m * n);
  const NONE = -Infinity;
  for (let i = 0; i < m; i++) {
    const qc = queryLower.charCodeAt(i);
    const row = i * n;
    const prevRow = row - n;
    const lo = earliest[i]!;
    const hi = latest[i]!;
    const plo = i > 0 ? earliest[i - 1]! : 0;
    const phi = i > 0 ? latest[i - 1]! : -1;
    // Running best of the previous row up to column j-2 (a gap before this match).
    let gapBest = NONE;
    let gapFrom = -1;
    let k = plo;
    for (let j = lo; j <= hi; j++) {
      // Kept as best[k] + GAP_PENALTY * k, so one running maximum serves every j.
      while (k <= j - 2 && k <= phi) {
        const adjusted = best[prevRow + k]! + GAP_PENALTY * k;
        if (adjusted > gapBest) {
          gapBest = adjusted;
          gapFrom = k;
        }
        k++;
      }
      const t = offset + j;
      if (targetLower.charCodeAt(t) !== qc) {
        best[row + j] = NONE;
        continue;
      }
      let score = 1 + boundaryBonus(target, t) + (query.charCodeAt(i) === target.charCodeAt(t) ? SAME_CASE_BONUS : 0);
      if (i === 0) {
        best[row + j] = score;
        from[row + j] = -1;
        continue;
      }
      const seq = j - 1 >= plo && j - 1 <= phi ? best[prevRow + j - 1]! : NONE;
      const viaSeq = seq === NONE ? NONE : seq + SEQUENCE_BONUS;
      const viaGap = gapBest === NONE ? NONE : gapBest - GAP_PENALTY * (j - 1);
      if (viaSeq === NONE && viaGap === NONE) {
        best[row + j] = NONE;
        continue;
      }
      if (viaSeq >= viaGap) {
        score += viaSeq;
        from[row + j] = j - 1;
      } else {
        score += viaGap;
        from[row + j] = gapFrom;
      }
      best[row + j] = score;
    }
  }
  const last = (m - 1) * n;
  let top = NONE;
  let end = -1;
  for (let j = earliest[m - 1]!; j <= latest[m - 1]!; j++) {
    if (best[last + j]! > top) {
      top = best[last + j]!;
      end = j;
    }
  }
  if (end === -1) return null;
  lastN = n;
  lastEnd = end;
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
      end = t - offset;
    }
  }
  if (end === -1) return null;
  ensure(n);
  from[end] = -1;
  lastN = n;
  lastEnd = end;
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
    if (hopeless(BASENAME_TIER + SEQUENCE_BONUS * 2 + bound, floor, winsTie)) return null;
    const score = fuzzyScoreOnly(query, queryLower, path, pathLower, base);
    if (score !== null) {
      // A query equal to the basename start ranks first among basename hits.
      const prefix = pathLower.startsWith(queryLower, base) ? SEQUENCE_BONUS * 2 : 0;
      return score + BASENAME_TIER + prefix;
    }
  }
  if (hopeless(bound, floor, winsTie)) return null;
  return fuzzyScoreOnly(query, queryLower, path, pathLower, 0);
}

/** Whether a score of at most `limit` cannot enter the top list (a module function: no closure per path). */
function hopeless(limit: number, floor: number, winsTie: boolean): boolean {
  return limit < floor || (limit === floor && !winsTie);
}

function basenameStart(path: string): number {
  return path.lastIndexOf('/') + 1;
}
