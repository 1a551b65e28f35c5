// The task list as a tree: stable keys, which rows show under a filter and collapsed parents,
// and the counts. Pure functions over the spec model, so a 5,000-task spec costs one pass.
import type { Task } from '../../../shared/specs/model';
import type { TaskFilter } from '../stores/tasks-store';

export interface TaskRow {
  task: Task;
  key: string;
  hasChildren: boolean;
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

function matches(task: Task, filter: TaskFilter): boolean {
  if (filter === 'all') return true;
  return filter === 'done' ? task.state === 'done' : task.state !== 'done';
}

/**
 * The rows to show: a task shows when it matches the filter or has a matching descendant (so the
 * tree keeps its shape), and no ancestor of it is collapsed.
 */
export function visibleRows(tasks: readonly Task[], filter: TaskFilter, collapsed: Readonly<Record<string, boolean>>): TaskRow[] {
  const keys = taskKeys(tasks);
  // Parents resolve to the nearest earlier task with that ID (IDs can repeat in real files).
  const indexById = new Map<string, number>();
  const parentIndex: (number | null)[] = tasks.map((t, i) => {
    const p = t.parentId === null ? null : (indexById.get(t.parentId) ?? null);
    indexById.set(t.id, i);
    return p;
  });
  const hasChildren = new Array<boolean>(tasks.length).fill(false);
  const keep = tasks.map((t) => matches(t, filter));
  for (let i = tasks.length - 1; i >= 0; i--) {
    const p = parentIndex[i];
    if (p === null || p === undefined) continue;
    hasChildren[p] = true;
    if (keep[i]) keep[p] = true;
  }
  const hidden = new Array<boolean>(tasks.length).fill(false);
  const rows: TaskRow[] = [];
  for (let i = 0; i < tasks.length; i++) {
    const p = parentIndex[i];
    hidden[i] = p !== null && p !== undefined && (hidden[p]! || Boolean(collapsed[keys[p]!]));
    if (keep[i] && !hidden[i]) rows.push({ task: tasks[i]!, key: keys[i]!, hasChildren: hasChildren[i]! });
  }
  return rows;
}
