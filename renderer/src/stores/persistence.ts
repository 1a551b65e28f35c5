// The workbench's UI state, saved per workspace in localStorage (keyed by the workspace root) and
// restored when the workspace opens again: open tabs, pane sizes, left tab, selected spec and
// document, task filter. Only paths and choices are stored, never file contents.
import { useEditor } from './editor-store';
import { useLayout, type LeftTab } from './layout-store';
import { useSpecs } from './specs-store';
import { useTasksView, type TaskFilter } from './tasks-store';

const VERSION = 1;

export interface SavedUiState {
  version: number;
  tabs: { path: string; preview: boolean }[];
  active: string | null;
  leftWidth: number;
  rightWidth: number;
  leftTab: LeftTab;
  selectedSpecId: string | null;
  docPath: string | null;
  taskFilter: TaskFilter;
  /** The task filter of each spec (absent in states saved before it was per spec). */
  taskFilters?: Record<string, TaskFilter>;
}

export const storageKey = (root: string) => `specdeck.workbench:${root}`;

export function readSaved(root: string): SavedUiState | null {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey(root)) ?? 'null') as SavedUiState | null;
    return value?.version === VERSION ? value : null;
  } catch {
    return null; // unreadable: start from the defaults
  }
}

function snapshot(): SavedUiState {
  const editor = useEditor.getState();
  const layout = useLayout.getState();
  const specs = useSpecs.getState();
  return {
    version: VERSION,
    tabs: editor.tabs.map((t) => ({ path: t.path, preview: t.preview })),
    active: editor.active,
    leftWidth: layout.leftWidth,
    rightWidth: layout.rightWidth,
    leftTab: layout.leftTab,
    selectedSpecId: specs.selectedId,
    docPath: specs.docPath,
    taskFilter: useTasksView.getState().filter,
    taskFilters: useTasksView.getState().filters,
  };
}

/** Applies what can be applied before the specs and files load (layout, selection to keep). */
export function restoreEarly(saved: SavedUiState): void {
  useLayout.setState({ leftWidth: saved.leftWidth, rightWidth: saved.rightWidth, leftTab: saved.leftTab });
  useTasksView.setState({ filter: saved.taskFilter, filters: saved.taskFilters ?? {} });
  useSpecs.setState({ selectedId: saved.selectedSpecId, docPath: saved.docPath });
}

/** Reopens the saved tabs (files that no longer exist are skipped), then the active one. */
export async function restoreTabs(saved: SavedUiState): Promise<void> {
  const editor = useEditor.getState();
  for (const tab of saved.tabs) await editor.open(tab.path, { preview: tab.preview, keepFocus: true });
  const open = useEditor.getState().tabs;
  if (saved.active && open.some((t) => t.path === saved.active)) useEditor.getState().activate(saved.active);
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Saves the state a moment after it changes, while `root()` names the open workspace. */
export function startSaving(root: () => string | null): () => void {
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const r = root();
      if (r) localStorage.setItem(storageKey(r), JSON.stringify(snapshot()));
    }, 250);
  };
  const unsubscribers = [useEditor.subscribe(schedule), useLayout.subscribe(schedule), useSpecs.subscribe(schedule), useTasksView.subscribe(schedule)];
  return () => {
    clearTimeout(timer);
    unsubscribers.forEach((u) => u());
  };
}
