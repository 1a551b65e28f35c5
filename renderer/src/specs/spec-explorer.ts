// The spec explorer's list logic (pure): natural order (`2-x` before `10-x`, Spec Kit's `001-`),
// each spec's status, and the "hide done" filter.
import type { SpecSummary } from '../../../shared/specs/model';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Compares strings with digit runs as numbers: `2-x` < `10-x`, `001-a` < `002-b`. */
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Specs in natural order of their folder (the folder carries the number; titles often do not). */
export function sortSpecsNaturally<T extends Pick<SpecSummary, 'folder'>>(specs: readonly T[]): T[] {
  return [...specs].sort((a, b) => naturalCompare(a.folder, b.folder));
}

export type SpecStatus = 'done' | 'in-progress' | 'todo' | 'no-tasks';

/** Done: every task done; in progress: a task in progress, or some done and some not. */
export function specStatus(spec: Pick<SpecSummary, 'counts'>): SpecStatus {
  const { total, done, inProgress } = spec.counts;
  if (total === 0) return 'no-tasks';
  if (done === total) return 'done';
  if (inProgress > 0 || done > 0) return 'in-progress';
  return 'todo';
}

export function hideDoneSpecs<T extends Pick<SpecSummary, 'counts'>>(specs: readonly T[], hideDone: boolean): T[] {
  return hideDone ? specs.filter((s) => specStatus(s) !== 'done') : [...specs];
}
