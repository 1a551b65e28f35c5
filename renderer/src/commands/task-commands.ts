// The palette's task commands: start the task that has the focus in the task list (or the first
// open one), and reveal the active task (its spec selected, its row focused, its line shown).
import { osScheme } from '../use-color-scheme';
import { useEditor } from '../stores/editor-store';
import { useLayout } from '../stores/layout-store';
import { useSpecs } from '../stores/specs-store';
import { useTasksView } from '../stores/tasks-store';
import { useTrace } from '../stores/trace-store';
import { useWorkspace } from '../stores/workspace-store';

export function startFocusedTask(): void {
  const spec = useSpecs.getState().selected?.spec;
  if (!spec) return useWorkspace.getState().notify({ kind: 'error', text: 'Select a spec first: Start Task starts the task that has the focus in its task list.' });
  const key = useTasksView.getState().focusedKey;
  const id = key?.replace(/#\d+$/, '');
  const task = spec.tasks.find((t) => t.id === id) ?? spec.tasks.find((t) => t.state !== 'done');
  if (!task) return useWorkspace.getState().notify({ kind: 'info', text: `${spec.title} has no open task to start.` });
  void useTrace.getState().start(task);
}

export async function revealActiveTask(): Promise<void> {
  const active = useTrace.getState().active;
  if (!active) return useWorkspace.getState().notify({ kind: 'info', text: 'No task is active.' });
  useLayout.getState().showLeftTab('specs');
  if (useSpecs.getState().selectedId !== active.specId || !useSpecs.getState().selected) await useSpecs.getState().select(active.specId);
  const task = useSpecs.getState().selected?.spec.tasks.find((t) => t.id === active.taskId);
  if (!task) return;
  const view = useTasksView.getState();
  if ((view.filters[active.specId] ?? view.filter) === 'done' && task.state !== 'done') view.setFilter('all', active.specId);
  useTasksView.getState().setFocused(task.id);
  await useEditor.getState().open(task.pos.file, { line: task.pos.line, preview: true, keepFocus: true });
  useLayout.getState().requestFocus('tasks');
}

/** Light ↔ dark; from "follow the OS" it switches to the other of what the OS shows now. */
export function toggleTheme(): void {
  const { theme, setTheme } = useLayout.getState();
  const current = theme === 'system' ? osScheme() : theme;
  setTheme(current === 'dark' ? 'light' : 'dark');
}
