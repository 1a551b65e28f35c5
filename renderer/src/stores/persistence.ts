// The workbench's UI state, saved per workspace in the backend (`ui.setState`, the workspace's own
// database: it outlives a reload, a `serve` restart on a new port, and is the same in Electron)
// and restored when the workspace opens: open tabs with their view and cursor, the active tab,
// the selected spec and document, filters, pane sizes, panel visibility, the theme. Only paths
// and choices are stored, never file contents.
import { api } from '../api/client-instance';
import { clearViewPositions, onViewPositionChange, renderedScroll, setRenderedScroll, setViewPosition, viewPosition, type ViewPosition } from '../editor/view-positions';
import { useEditor, type ViewMode } from './editor-store';
import { ALL_PROBLEMS, useLayout, type LeftTab, type ProblemsFilter, type ThemeChoice } from './layout-store';
import { useSpecs } from './specs-store';
import { useTasksView, type TaskFilter } from './tasks-store';

const VERSION = 2;

export interface SavedTab {
  path: string;
  preview: boolean;
  view?: ViewMode;
  position?: ViewPosition;
  /** A markdown file's rendered view scroll (pixels); absent when never scrolled. */
  renderedScroll?: number;
}

export interface SavedUiState {
  version: number;
  tabs: SavedTab[];
  active: string | null;
  leftWidth: number;
  rightWidth: number;
  specListHeight: number;
  problemsOpen: boolean;
  problemsHeight: number;
  problemsFilter: ProblemsFilter;
  theme: ThemeChoice;
  leftTab: LeftTab;
  selectedSpecId: string | null;
  docPath: string | null;
  specFilter: string;
  hideDone: boolean;
  collapsedGroups: Record<string, boolean>;
  taskFilter: TaskFilter;
  /** The task filter of each spec (absent in states saved before it was per spec). */
  taskFilters?: Record<string, TaskFilter>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);
const oneOf = <T extends string>(v: unknown, values: readonly T[], fallback: T): T => (values.includes(v as T) ? (v as T) : fallback);

function readPosition(v: unknown): ViewPosition | undefined {
  if (!isObject(v)) return undefined;
  const line = num(v.line, 0);
  return line >= 1 ? { line, column: Math.max(1, num(v.column, 1)), scrollTop: Math.max(0, num(v.scrollTop, 0)) } : undefined;
}

function readScroll(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : undefined;
}

/** Whatever the backend holds, a clean state (a field that is missing or wrong gets its default). */
export function parseSaved(value: unknown): SavedUiState | null {
  if (!isObject(value) || value.version !== VERSION) return null;
  const layout = useLayout.getState();
  const tabs = Array.isArray(value.tabs) ? value.tabs.filter(isObject).filter((t) => typeof t.path === 'string') : [];
  const filter = isObject(value.problemsFilter) ? value.problemsFilter : {};
  return {
    version: VERSION,
    tabs: tabs.map((t) => ({ path: t.path as string, preview: bool(t.preview, false), view: oneOf(t.view, ['rendered', 'source', 'split'] as const, 'source'), position: readPosition(t.position), renderedScroll: readScroll(t.renderedScroll) })),
    active: str(value.active),
    leftWidth: num(value.leftWidth, layout.leftWidth),
    rightWidth: num(value.rightWidth, layout.rightWidth),
    specListHeight: num(value.specListHeight, layout.specListHeight),
    problemsOpen: bool(value.problemsOpen, false),
    problemsHeight: num(value.problemsHeight, layout.problemsHeight),
    problemsFilter: { text: str(filter.text) ?? '', error: bool(filter.error, true), warning: bool(filter.warning, true), info: bool(filter.info, true) },
    theme: oneOf(value.theme, ['system', 'light', 'dark'] as const, 'system'),
    leftTab: oneOf(value.leftTab, ['specs', 'files', 'search'] as const, 'specs'),
    selectedSpecId: str(value.selectedSpecId),
    docPath: str(value.docPath),
    specFilter: str(value.specFilter) ?? '',
    hideDone: bool(value.hideDone, false),
    collapsedGroups: isObject(value.collapsedGroups) ? Object.fromEntries(Object.entries(value.collapsedGroups).filter(([, v]) => v === true)) as Record<string, boolean> : {},
    taskFilter: oneOf(value.taskFilter, ['open', 'done', 'all'] as const, 'all'),
    taskFilters: isObject(value.taskFilters)
      ? (Object.fromEntries(Object.entries(value.taskFilters).filter(([, v]) => v === 'open' || v === 'done' || v === 'all')) as Record<string, TaskFilter>)
      : {},
  };
}

/** The saved state of this workspace, or null (none yet, unreadable, or an older backend). */
export async function readSaved(): Promise<SavedUiState | null> {
  try {
    return parseSaved((await api().call('ui.getState', {})).state);
  } catch {
    return null;
  }
}

export function snapshot(): SavedUiState {
  const editor = useEditor.getState();
  const layout = useLayout.getState();
  const specs = useSpecs.getState();
  return {
    version: VERSION,
    tabs: editor.tabs.map((t) => ({ path: t.path, preview: t.preview, view: editor.viewMode[t.path] ?? 'source', position: viewPosition(t.path), renderedScroll: renderedScroll(t.path) })),
    active: editor.active,
    leftWidth: layout.leftWidth,
    rightWidth: layout.rightWidth,
    specListHeight: layout.specListHeight,
    problemsOpen: layout.problemsOpen,
    problemsHeight: layout.problemsHeight,
    problemsFilter: layout.problemsFilter,
    theme: layout.theme,
    leftTab: layout.leftTab,
    selectedSpecId: specs.selectedId,
    docPath: specs.docPath,
    specFilter: specs.filter,
    hideDone: specs.hideDone,
    collapsedGroups: specs.collapsedGroups,
    taskFilter: useTasksView.getState().filter,
    taskFilters: useTasksView.getState().filters,
  };
}

/** Applies what can be applied before the specs and files load (layout, selection to keep). */
export function restoreEarly(saved: SavedUiState): void {
  useLayout.setState({
    leftWidth: saved.leftWidth,
    rightWidth: saved.rightWidth,
    specListHeight: saved.specListHeight,
    problemsOpen: saved.problemsOpen,
    problemsHeight: saved.problemsHeight,
    problemsFilter: { ...ALL_PROBLEMS, ...saved.problemsFilter },
    theme: saved.theme,
    leftTab: saved.leftTab,
  });
  useTasksView.setState({ filter: saved.taskFilter, filters: saved.taskFilters ?? {} });
  useSpecs.setState({ selectedId: saved.selectedSpecId, docPath: saved.docPath, filter: saved.specFilter, hideDone: saved.hideDone, collapsedGroups: saved.collapsedGroups });
  clearViewPositions();
  for (const tab of saved.tabs) {
    if (tab.position) setViewPosition(tab.path, tab.position);
    if (tab.renderedScroll) setRenderedScroll(tab.path, tab.renderedScroll);
  }
}

/** Reopens the saved tabs (files that no longer exist are skipped), then the active one. */
export async function restoreTabs(saved: SavedUiState): Promise<void> {
  const editor = useEditor.getState();
  for (const tab of saved.tabs) await editor.open(tab.path, { preview: tab.preview, keepFocus: true, view: tab.view });
  const open = useEditor.getState().tabs;
  if (saved.active && open.some((t) => t.path === saved.active)) useEditor.getState().activate(saved.active);
}

let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Saves the state a moment after it changes (one write per burst; a failed write is retried by the
 * next change). The stores change for much that is not saved (spec and diagnostic reloads, loading
 * flags, a tab turning dirty): a burst that leaves the saved state as it was writes nothing.
 */
export function startSaving(): () => void {
  let stopped = false;
  let written: string | null = null;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (stopped) return;
      const state = snapshot();
      const json = JSON.stringify(state);
      if (json === written) return;
      written = json;
      api()
        .call('ui.setState', { state: state as unknown as Record<string, unknown> })
        .catch(() => {
          if (written === json) written = null; // not saved: the next change writes again
        });
    }, 250);
  };
  const unsubscribers = [useEditor.subscribe(schedule), useLayout.subscribe(schedule), useSpecs.subscribe(schedule), useTasksView.subscribe(schedule), onViewPositionChange(schedule)];
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribers.forEach((u) => u());
  };
}
