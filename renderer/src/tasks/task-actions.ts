// What the task list's controls do, shared by clicks, keys and the command palette.
import type { Task } from '../../../shared/specs/model';
import { useEditor } from '../stores/editor-store';
import { useLayout } from '../stores/layout-store';
import { toggledState, useSpecs } from '../stores/specs-store';
import { useTrace } from '../stores/trace-store';

// A task written without a checkbox (a Kiro heading task) has nothing to tick: its state follows its
// sub-tasks; a spec in a read-only reference store is never written. The row says so
// (aria-disabled, title); the keys and clicks do nothing.
export function canTick(task: Task): boolean {
  return task.checkbox !== false && useSpecs.getState().selected?.spec.readOnly !== true;
}

export function toggleTask(task: Task): void {
  if (!canTick(task)) return;
  const { setTaskState, pending } = useSpecs.getState();
  void setTaskState(task, toggledState(task, pending[task.id]));
}

/** In progress ↔ to do (a done task goes to in progress). */
export function toggleTaskInProgress(task: Task): void {
  if (!canTick(task)) return;
  const { setTaskState, pending } = useSpecs.getState();
  void setTaskState(task, (pending[task.id] ?? task.state) === 'in-progress' ? 'todo' : 'in-progress');
}

/** The row's ▶/■ button: make the task the active one (saves link to it), or stop it. */
export function startOrStopTask(task: Task, isActive: boolean): void {
  if (isActive) void useTrace.getState().stop(false);
  else void useTrace.getState().start(task);
}

export function openTaskLine(task: Task): void {
  void useEditor.getState().open(task.pos.file, { line: task.pos.line });
}

/** A requirement chip: its document opens rendered in the centre, scrolled to the criterion, flashed. */
export function showRequirement(requirementId: string): void {
  if (!useSpecs.getState().focusRequirement(requirementId)) return;
  useLayout.getState().showLeftTab('specs');
}
