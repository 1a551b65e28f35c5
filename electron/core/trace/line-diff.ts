// Line diff (Myers, after trimming the common head and tail) giving the changed hunks between two
// versions of a file. Links are re-anchored and recorded from these hunks.

/** A changed region: old lines [oldStart, oldEnd) became new lines [newStart, newEnd); 0-based. */
export interface Hunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** Beyond this many edits the middle is reported as one replaced block (still correct, less precise). */
const MAX_EDIT_DISTANCE = 2000;

/** Splits text into lines without their terminators (`\r\n` and `\n`); a final newline adds no line. */
export function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  return lines;
}

export function diffLines(a: readonly string[], b: readonly string[]): Hunk[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tailA = a.length;
  let tailB = b.length;
  while (tailA > head && tailB > head && a[tailA - 1] === b[tailB - 1]) {
    tailA--;
    tailB--;
  }
  if (head === tailA && head === tailB) return [];
  if (head === tailA || head === tailB) return [{ oldStart: head, oldEnd: tailA, newStart: head, newEnd: tailB }];
  // Intern lines so the inner loop compares numbers.
  const ids = new Map<string, number>();
  const intern = (s: string) => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size));
    return id;
  };
  const x = Int32Array.from(a.slice(head, tailA), intern);
  const y = Int32Array.from(b.slice(head, tailB), intern);
  const pairs = myersMatches(x, y);
  if (pairs === null) return [{ oldStart: head, oldEnd: tailA, newStart: head, newEnd: tailB }];
  return hunksFromMatches(pairs, x.length, y.length, head);
}

/** The matched (i, j) pairs of a shortest edit script, in order; null when too many edits. */
function myersMatches(x: Int32Array, y: Int32Array): Array<[number, number]> | null {
  const n = x.length;
  const m = y.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v; // updated in place; the copy above is the state before this round
    for (let k = -d; k <= d; k += 2) {
      let i = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let j = i - k;
      while (i < n && j < m && x[i] === y[j]) {
        i++;
        j++;
      }
      next[offset + k] = i;
      if (i >= n && j >= m) return backtrack(trace, offset, n, m, x, y, d);
    }
    v = next;
  }
  return null;
}

function backtrack(trace: Int32Array[], offset: number, n: number, m: number, x: Int32Array, y: Int32Array, dEnd: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let i = n;
  let j = m;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d]!; // state after round d-1
    const k = i - j;
    const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevI = v[offset + prevK]!;
    const prevJ = prevI - prevK;
    const startI = down ? prevI : prevI + 1;
    const startJ = down ? prevJ + 1 : prevJ;
    while (i > startI && j > startJ) pairs.push([--i, --j]);
    i = prevI;
    j = prevJ;
  }
  while (i > 0 && j > 0 && x[i - 1] === y[j - 1]) pairs.push([--i, --j]);
  return pairs.reverse();
}

function hunksFromMatches(pairs: Array<[number, number]>, n: number, m: number, base: number): Hunk[] {
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  const flush = (toI: number, toJ: number) => {
    if (toI > i || toJ > j) hunks.push({ oldStart: base + i, oldEnd: base + toI, newStart: base + j, newEnd: base + toJ });
  };
  for (const [pi, pj] of pairs) {
    flush(pi, pj);
    i = pi + 1;
    j = pj + 1;
  }
  flush(n, m);
  return hunks;
}
