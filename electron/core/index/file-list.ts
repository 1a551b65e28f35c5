// The workspace's indexed paths, held in memory on the serving thread for quick-open: each
// keystroke filters by subsequence (narrowing the last keystroke's survivors when the query
// grew) and scores only the survivors, keeping the best `limit` without sorting them all.
import type { FileSearchHit } from '../../../shared/api/contract';
import { isSubsequence, scorePath, scorePathOnly } from './fuzzy';

const SLICE = 4096;

export class FileList {
  private paths: string[] = [];
  private lower: string[] = [];
  private present = new Set<string>();
  private generation = 0;
  /** Survivors of the last query, valid while the list has not changed. */
  private last: { query: string; generation: number; survivors: number[] } | null = null;

  get size(): number {
    return this.present.size;
  }

  private staged: { paths: string[]; lower: string[]; present: Set<string> } | null = null;

  replace(paths: string[]): void {
    this.beginStaging();
    this.stage(paths);
    this.commitStaging();
  }

  /** A new list arrives in chunks; the old one keeps answering until `commitStaging`. */
  beginStaging(): void {
    this.staged = { paths: [], lower: [], present: new Set() };
  }

  stage(paths: readonly string[]): void {
    const staged = this.staged!;
    for (const p of paths) {
      if (staged.present.has(p)) continue;
      staged.present.add(p);
      staged.paths.push(p);
      staged.lower.push(p.toLowerCase());
    }
  }

  commitStaging(): void {
    const staged = this.staged!;
    this.staged = null;
    this.paths = staged.paths;
    this.lower = staged.lower;
    this.present = staged.present;
    this.generation++;
  }

  add(paths: readonly string[]): void {
    for (const p of paths) {
      if (this.present.has(p)) continue;
      this.present.add(p);
      this.paths.push(p);
      this.lower.push(p.toLowerCase());
    }
    this.generation++;
  }

  remove(paths: readonly string[]): void {
    if (paths.length === 0) return;
    let removed = false;
    for (const p of paths) removed = this.present.delete(p) || removed;
    if (!removed) return;
    const keep = this.paths.map((p) => this.present.has(p));
    this.paths = this.paths.filter((_, i) => keep[i]);
    this.lower = this.lower.filter((_, i) => keep[i]);
    this.generation++;
  }

  /** Every path, in no particular order (the service sorts the union of its shards once). */
  all(): string[] {
    return [...this.paths];
  }

  has(path: string): boolean {
    return this.present.has(path);
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
    if (query === '') return this.paths.slice().sort().slice(0, limit).map((path) => ({ path, score: 0, positions: [] }));
    const queryLower = query.toLowerCase();
    const candidates =
      this.last && this.last.generation === this.generation && queryLower.startsWith(this.last.query)
        ? this.last.survivors
        : null;
    const survivors: number[] = [];
    // The best `limit` as parallel arrays, best first; objects and positions only for the winners.
    const topIndex: number[] = [];
    const topScore: number[] = [];
    const consider = (i: number) => {
      const lower = this.lower[i]!;
      if (!isSubsequence(queryLower, lower)) return;
      survivors.push(i);
      const full = topIndex.length === limit;
      const floor = full ? topScore[limit - 1]! : -Infinity;
      const winsTie = !full || this.better(floor, i, floor, topIndex[limit - 1]!);
      const score = scorePathOnly(query, queryLower, this.paths[i]!, lower, floor, winsTie);
      if (score === null) return;
      if (full && !this.better(score, i, topScore[limit - 1]!, topIndex[limit - 1]!)) return;
      let at = topIndex.length;
      while (at > 0 && this.better(score, i, topScore[at - 1]!, topIndex[at - 1]!)) at--;
      topIndex.splice(at, 0, i);
      topScore.splice(at, 0, score);
      if (topIndex.length > limit) {
        topIndex.pop();
        topScore.pop();
      }
    };
    const generation = this.generation;
    const count = candidates ? candidates.length : this.paths.length;
    for (let k = 0; k < count; k++) {
      consider(candidates ? candidates[k]! : k);
      if (k % SLICE === SLICE - 1) {
        yield;
        if (this.generation !== generation) return yield* this.searchSteps(rawQuery, limit); // the list changed meanwhile: start over, still sliced
      }
    }
    this.last = { query: queryLower, generation: this.generation, survivors };
    return topIndex.map((i) => {
      const path = this.paths[i]!;
      return { path, ...scorePath(query, queryLower, path, this.lower[i]!)! };
    });
  }

  /** Better first: higher score, then the shorter path, then alphabetical. */
  private better(score: number, i: number, otherScore: number, other: number): boolean {
    if (score !== otherScore) return score > otherScore;
    const a = this.paths[i]!;
    const b = this.paths[other]!;
    if (a.length !== b.length) return a.length < b.length;
    return a < b;
  }
}
