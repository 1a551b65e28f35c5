// Task state edits as pure text -> text functions. Each changes exactly one character per task
// it touches (the one between the brackets), so CRLF, a BOM, the trailing newline and every
// other byte stay as they were.
import type { SettableTaskState, Task } from './model';
import { childrenByParent } from './diagnostics/task-states';

const STATE_CHAR: Record<SettableTaskState, string> = {
  todo: ' ',
  'in-progress': '-',
  done: 'x',
};

export class TaskEditError extends Error {}

export function setTaskState(text: string, task: Task, state: SettableTaskState): string {
  if (task.checkbox === false) {
    throw new TaskEditError(
      `Task ${task.id} is written without a checkbox (line ${task.pos.line}), so there is nothing to tick; its state follows its sub-tasks — tick those instead`,
    );
  }
  const at = task.stateOffset;
  if (text[at - 1] !== '[' || text[at + 1] !== ']' || text[at] !== task.stateChar) {
    throw new TaskEditError(`task ${task.id} is not where it was parsed (line ${task.pos.line})`);
  }
  if (!(state in STATE_CHAR)) throw new TaskEditError(`unknown task state ${String(state)}`);
  // Keep an upper-case X when the task is already done: the edit is a no-op.
  if (state === 'done' && task.state === 'done') return text;
  return text.slice(0, at) + STATE_CHAR[state] + text.slice(at + 1);
}

export interface TaskEditOptions {
  /** Kiro's behaviour, on request: a parent becomes done when its last required child is done. */
  completeParents?: boolean;
}

export interface TaskEditResult {
  text: string;
  /** The tasks whose state character changed, the requested one first. */
  changed: Task[];
}

/**
 * Sets `task` (one of `tasks`, parsed from `text`) to `state`; with `completeParents`, also marks
 * done each ancestor whose required (non-optional) children are now all done. Optional children
 * are ignored, as Kiro does.
 */
export function setTaskStateWithParents(
  text: string,
  tasks: readonly Task[],
  task: Task,
  state: SettableTaskState,
  options: TaskEditOptions = {},
): TaskEditResult {
  // The caller's task may come from another parse of the same text: match it by position.
  task = tasks.find((t) => t.stateOffset === task.stateOffset) ?? task;
  let next = setTaskState(text, task, state);
  const changed = next === text ? [] : [task];
  if (!options.completeParents || state !== 'done') return { text: next, changed };
  const children = childrenByParent(tasks);
  const parentOf = new Map<Task, Task>();
  for (const [parent, kids] of children) for (const k of kids) parentOf.set(k, parent);
  const done = new Set<Task>([task]);
  let child: Task = task;
  for (let parent = parentOf.get(child); parent; parent = parentOf.get(child)) {
    const required = (children.get(parent) ?? []).filter((c) => !c.optional);
    if (required.length === 0) break;
    if (!required.every((c) => done.has(c) || c.state === 'done')) break;
    // A parent without a checkbox (a heading task) shows its children's state by itself.
    if (parent.state !== 'done' && parent.checkbox !== false) {
      next = setTaskState(next, parent, 'done');
      changed.push(parent);
    }
    done.add(parent);
    child = parent;
  }
  return { text: next, changed };
}
