// How the task list is viewed: the filter, collapsed parents, and the task with the keyboard focus.
import { create } from 'zustand';

export type TaskFilter = 'open' | 'ready' | 'done' | 'all';

interface TasksViewState {
  filter: TaskFilter;
  /** Collapsed parents, by spec ID, then by task key. */
  collapsed: Record<string, Record<string, boolean>>;
  /** The row that holds the roving tab stop, by `taskKey`. */
  focusedKey: string | null;
  /** Show the tasks grouped by dependency wave instead of as a tree. */
  groupByWave: boolean;
  setFilter(filter: TaskFilter): void;
  setGroupByWave(on: boolean): void;
  toggleCollapsed(specId: string, key: string, collapsed?: boolean): void;
  setFocused(key: string | null): void;
  reset(): void;
}

export const useTasksView = create<TasksViewState>((set) => ({
  filter: 'all',
  collapsed: {},
  focusedKey: null,
  groupByWave: false,
  setFilter(filter) {
    set({ filter });
  },
  setGroupByWave(groupByWave) {
    set({ groupByWave });
  },
  toggleCollapsed(specId, key, collapsed) {
    set((s) => {
      const inSpec = s.collapsed[specId] ?? {};
      return { collapsed: { ...s.collapsed, [specId]: { ...inSpec, [key]: collapsed ?? !inSpec[key] } } };
    });
  },
  setFocused(focusedKey) {
    set({ focusedKey });
  },
  reset() {
    set({ collapsed: {}, focusedKey: null });
  },
}));
