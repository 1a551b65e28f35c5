// Task state edits as pure text -> text functions that change exactly one character.
import type { Task, TaskState } from './model';

const STATE_CHAR: Record<Exclude<TaskState, 'unknown'>, string> = {
  todo: ' ',
  'in-progress': '-',
  done: 'x',
};

export class TaskEditError extends Error {}

export function setTaskState(text: string, task: Task, state: Exclude<TaskState, 'unknown'>): string {
  const at = task.stateOffset;
  if (text[at - 1] !== '[' || text[at + 1] !== ']' || text[at] !== task.stateChar) {
    throw new TaskEditError(`task ${task.id} is not where it was parsed (line ${task.pos.line})`);
  }
  const next = STATE_CHAR[state];
  // Keep an upper-case X when the task is already done: the edit is a no-op.
  if (state === 'done' && task.state === 'done') return text;
  return text.slice(0, at) + next + text.slice(at + 1);
}
