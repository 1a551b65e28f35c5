// The task list as a tree: stable keys, which rows show under a filter and collapsed parents,
// and the counts. Pure functions over the spec model, so a 5,000-task spec costs one pass.
import type { Task, TaskDependencies } from '../../../shared/specs/model';
import type { TaskFilter } from '../stores/tasks-store';

export interface TaskRow {
  task: Task;
  key: string;
  hasChildren: boolean;
  /** Grouped by wave: rows are flat (indent 0), and the first row of each wave carries its header. */
  indent?: number;
  waveHeader?: { label: string; count: number };
}

/** A heading of the tasks file (`## Phase 3: User Story 1`, OpenSpec `## 1. Group`) kept as a collapsible group row. */
export interface SectionRow {
  kind: 'section';
  /** `§` + the heading text (`#n` for a repeated heading); stored with the collapsed tasks. */
  key: string;
  label: string;
  /** The heading above it (`Phase 3: User Story 1` for `### Tests`), so a subsection keeps its context. */
  parent?: string;
  total: number;
  done: number;
}

export type ListRow = TaskRow | SectionRow;

export const isSectionRow = (row: ListRow): row is SectionRow => 'kind' in row && row.kind === 'section';

export interface RowOptions {
  /** The spec's ready set (for the `ready` filter). */
  ready?: ReadonlySet<string>;
  /** Group the rows by wave instead of the tree. */
  byWave?: TaskDependencies | null;
  /** Show the headings of the tasks file as group rows (tree mode only). */
  sections?: boolean;
}

export interface TaskCountsView {
  total: number;
  done: number;
  inProgress: number;
  open: number;
  optional: number;
}

/**
 * A key that survives edits elsewhere in the file: the task's ID (its line only tells apart
 * duplicated IDs), so focus and collapsed state stay on the same task after an outside edit.
 */
export function taskKeys(tasks: readonly Task[]): string[] {
  const seen = new Map<string, number>();
  return tasks.map((t) => {
    const n = seen.get(t.id) ?? 0;
    seen.set(t.id, n + 1);
    return n === 0 ? t.id : `${t.id}#${n}`;
  });
}

export function countTasks(tasks: readonly Task[]): TaskCountsView {
  let done = 0;
  let inProgress = 0;
  let optional = 0;
  for (const t of tasks) {
    if (t.state === 'done') done++;
    else if (t.state === 'in-progress') inProgress++;
    if (t.optional) optional++;
  }
  return { total: tasks.length, done, inProgress, open: tasks.length - done, optional };
}

function matches(task: Task, filter: TaskFilter, ready: ReadonlySet<string> | undefined): boolean {
  if (filter === 'all') return true;
  if (filter === 'ready') return ready?.has(task.id) ?? false;
  return filter === 'done' ? task.state === 'done' : task.state !== 'done';
}

/** A wave's header text: its name as written, else `Wave n` (1-based, as people count). */
export function waveLabel(deps: TaskDependencies, index: number): string {
  const name = deps.waves[index]?.name;
  if (name && !/^\d+$/.test(name)) return name;
  return `Wave ${index + 1}`;
}

/**
 * The rows to show: a task shows when it matches the filter or has a matching descendant (so the
 * tree keeps its shape), and no ancestor of it is collapsed.
 */
export function visibleRows(tasks: readonly Task[], filter: TaskFilter, collapsed: Readonly<Record<string, boolean>>, options: RowOptions & { sections: true }): ListRow[];
export function visibleRows(tasks: readonly Task[], filter: TaskFilter, collapsed: Readonly<Record<string, boolean>>, options?: RowOptions): TaskRow[];
export function visibleRows(tasks: readonly Task[], filter: TaskFilter, collapsed: Readonly<Record<string, boolean>>, options: RowOptions = {}): ListRow[] {
  const keys = taskKeys(tasks);
  if (options.byWave && options.byWave.waves.length > 0) return waveRows(tasks, keys, filter, options.byWave, options.ready);
  // Parents resolve to the nearest earlier task with that ID (IDs can repeat in real files).
  const indexById = new Map<string, number>();
  const parentIndex: (number | null)[] = tasks.map((t, i) => {
    const p = t.parentId === null ? null : (indexById.get(t.parentId) ?? null);
    indexById.set(t.id, i);
    return p;
  });
  const hasChildren = new Array<boolean>(tasks.length).fill(false);
  const keep = tasks.map((t) => matches(t, filter, options.ready));
  for (let i = tasks.length - 1; i >= 0; i--) {
    const p = parentIndex[i];
    if (p === null || p === undefined) continue;
    hasChildren[p] = true;
    if (keep[i]) keep[p] = true;
  }
  const hidden = new Array<boolean>(tasks.length).fill(false);
  const rows: ListRow[] = [];
  const runAt = new Map((options.sections ? sectionRuns(tasks) : []).map((r) => [r.start, r]));
  let collapsedUntil = -1;
  for (let i = 0; i < tasks.length; i++) {
    const section = runAt.get(i);
    if (section) {
      if (keep.slice(section.start, section.end).some(Boolean)) rows.push(section.row);
      if (collapsed[section.row.key]) collapsedUntil = section.end;
    }
    if (i < collapsedUntil) continue;
    const p = parentIndex[i];
    hidden[i] = p !== null && p !== undefined && (hidden[p]! || Boolean(collapsed[keys[p]!]));
    if (keep[i] && !hidden[i]) rows.push({ task: tasks[i]!, key: keys[i]!, hasChildren: hasChildren[i]! });
  }
  return rows;
}

interface SectionRun {
  start: number;
  end: number;
  row: SectionRow;
}

/**
 * Consecutive tasks under the same heading. None when the file has a single heading (Kiro's
 * `# Implementation Plan` says nothing), and none for a Kiro heading task's own heading
 * (`## Task 1: …`: the task row already shows it).
 */
export function sectionRuns(tasks: readonly Task[]): SectionRun[] {
  const runs: SectionRun[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < tasks.length; ) {
    const label = tasks[i]!.section ?? null;
    let end = i + 1;
    while (end < tasks.length && (tasks[end]!.section ?? null) === label) end++;
    // The heading task comes just before its own section's tasks (or is its first task).
    const ownHeading = label !== null && [tasks[i - 1], tasks[i]].some((t) => t?.checkbox === false && label.includes(t.title));
    if (label !== null && !ownHeading) {
      const n = seen.get(label) ?? 0;
      seen.set(label, n + 1);
      let done = 0;
      for (let k = i; k < end; k++) if (tasks[k]!.state === 'done') done++;
      const row: SectionRow = { kind: 'section', key: n === 0 ? `§${label}` : `§${label}#${n}`, label, total: end - i, done };
      if (tasks[i]!.sectionParent) row.parent = tasks[i]!.sectionParent;
      runs.push({ start: i, end, row });
    }
    i = end;
  }
  return new Set(runs.map((r) => r.row.label)).size > 1 ? runs : [];
}

/**
 * Rows grouped by wave, in wave order then file order, flat. Tasks outside every wave come last
 * ("Not in a wave"), except containers whose sub-tasks are in waves (they have no wave of their own).
 */
function waveRows(tasks: readonly Task[], keys: string[], filter: TaskFilter, deps: TaskDependencies, ready: ReadonlySet<string> | undefined): TaskRow[] {
  const parents = new Set<string>();
  for (const t of tasks) if (t.parentId !== null) parents.add(t.parentId);
  const groups: number[][] = deps.waves.map(() => []);
  const outside: number[] = [];
  tasks.forEach((t, i) => {
    if (!matches(t, filter, ready)) return;
    if (t.wave !== null && t.wave !== undefined && groups[t.wave]) groups[t.wave]!.push(i);
    else if (!parents.has(t.id)) outside.push(i);
  });
  const rows: TaskRow[] = [];
  const emit = (label: string, members: number[]) => {
    members.forEach((i, n) => {
      const row: TaskRow = { task: tasks[i]!, key: keys[i]!, hasChildren: false, indent: 0 };
      if (n === 0) row.waveHeader = { label, count: members.length };
      rows.push(row);
    });
  };
  groups.forEach((members, w) => emit(waveLabel(deps, w), members));
  emit('Not in a wave', outside);
  return rows;
}
