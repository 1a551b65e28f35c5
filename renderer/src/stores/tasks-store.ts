// How the task list is viewed: the filter (remembered per spec), collapsed parents and sections,
// and the task with the keyboard focus.
import { create } from 'zustand';

export type TaskFilter = 'open' | 'ready' | 'done' | 'all';

interface TasksViewState {
  /** The filter of a spec without a choice of its own. */
  filter: TaskFilter;
  /** The filter chosen for each spec, by spec ID. */
  filters: Record<string, TaskFilter>;
  /** Collapsed parents, by spec ID, then by task key. */
  collapsed: Record<string, Record<string, boolean>>;
  /** The row that holds the roving tab stop, by `taskKey`. */
  focusedKey: string | null;
  /** Show the tasks grouped by dependency wave instead of as a tree. */
  groupByWave: boolean;
  /** Sets the filter of `specId` (of the default when null). */
  setFilter(filter: TaskFilter, specId: string | null): void;
  setGroupByWave(on: boolean): void;
  toggleCollapsed(specId: string, key: string, collapsed?: boolean): void;
  setFocused(key: string | null): void;
  reset(): void;
}

export const useTasksView = create<TasksViewState>((set) => ({
  filter: 'all',
  filters: {},
  collapsed: {},
  focusedKey: null,
  groupByWave: false,
  setFilter(filter, specId) {
    set((s) => (specId === null ? { filter } : { filters: { ...s.filters, [specId]: filter } }));
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

/** The filter shown for `specId`: its own choice, else the default. */
export const filterOf = (s: Pick<TasksViewState, 'filter' | 'filters'>, specId: string | null | undefined): TaskFilter =>
  (specId ? s.filters[specId] : undefined) ?? s.filter;

export const useTaskFilter = (specId: string | null | undefined): TaskFilter => useTasksView((s) => filterOf(s, specId));
