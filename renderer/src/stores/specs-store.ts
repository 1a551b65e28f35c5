// The workspace's specs, the selected one, and ticking its tasks.
import { create } from 'zustand';
import type { SpecWithSource } from '../../../shared/api/contract';
import type { SpecSummary, Task } from '../../../shared/spec/model';
import { api } from '../api/client-instance';
import { errorMessage, isConflict } from '../api/error-message';
import { useWorkspace } from './workspace-store';

type EditableState = 'todo' | 'in-progress' | 'done';

interface SpecsState {
  list: SpecSummary[];
  loaded: boolean;
  selectedId: string | null;
  selected: SpecWithSource | null;
  refresh(): Promise<void>;
  select(id: string | null): Promise<void>;
  setTaskState(task: Task, state: EditableState): Promise<void>;
  reset(): void;
}

/** What a click on a task's checkbox does: done ↔ todo (in progress counts as not done). */
export function toggledState(task: Task): EditableState {
  return task.state === 'done' ? 'todo' : 'done';
}

export const useSpecs = create<SpecsState>((set, get) => ({
  list: [],
  loaded: false,
  selectedId: null,
  selected: null,

  async refresh() {
    try {
      const list = await api().call('specs.list', {});
      set({ list, loaded: true });
      const { selectedId } = get();
      const keep = selectedId && list.some((s) => s.id === selectedId) ? selectedId : (list[0]?.id ?? null);
      await get().select(keep);
    } catch (error) {
      useWorkspace.getState().notify({ kind: 'error', text: errorMessage(error) });
    }
  },

  async select(id) {
    set({ selectedId: id });
    if (id === null) {
      set({ selected: null });
      return;
    }
    try {
      const selected = await api().call('specs.get', { specId: id });
      if (get().selectedId === id) set({ selected });
    } catch (error) {
      useWorkspace.getState().notify({ kind: 'error', text: errorMessage(error) });
    }
  },

  async setTaskState(task, state) {
    const current = get().selected;
    if (!current || current.tasksHash === null) return;
    try {
      const selected = await api().call('tasks.setState', {
        specId: current.spec.id,
        taskId: task.id,
        state,
        expectedHash: current.tasksHash,
      });
      set({ selected });
      const summary = await api().call('specs.list', {});
      set({ list: summary });
    } catch (error) {
      useWorkspace.getState().notify({
        kind: 'error',
        text: isConflict(error) ? `${errorMessage(error)} — reloaded; try again.` : errorMessage(error),
      });
      await get().select(current.spec.id);
    }
  },

  reset() {
    set({ list: [], loaded: false, selectedId: null, selected: null });
  },
}));
