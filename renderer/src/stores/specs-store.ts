// The workspace's specs, the selected one, its documents, and ticking its tasks.
import { create } from 'zustand';
import type { SpecWithSource } from '../../../shared/api/contract';
import type { SpecSummary, Task } from '../../../shared/specs/model';
import { SerialQueue } from '../../../shared/async/serial-queue';
import { api } from '../api/client-instance';
import { errorMessage, isConflict } from '../api/error-message';
import { orderedDocuments } from '../specs/document-order';
import { TRACE_TAB, useEditor } from './editor-store';
import { useWorkspace } from './workspace-store';
import { LatestCall } from '../../../shared/async/latest-call';

export type EditableState = 'todo' | 'in-progress' | 'done';

/** A requirement to show: the spec panel scrolls to it and flashes it (nonce re-triggers). */
export interface RequirementFocus {
  specId: string;
  requirementId: string;
  nonce: number;
}

interface SpecsState {
  list: SpecSummary[];
  loaded: boolean;
  /** Set when the spec list could not be read (shown in the panel, with a retry). */
  loadError: string | null;
  selectedId: string | null;
  selected: SpecWithSource | null;
  filter: string;
  /** The explorer hides specs whose tasks are all done. */
  hideDone: boolean;
  /** Collapsed groups of the explorer, by group key. */
  collapsedGroups: Record<string, boolean>;
  /** The selected spec's document the outline expands (the one last opened from it). */
  docPath: string | null;
  focus: RequirementFocus | null;
  /** Task states asked for and not yet written, by task ID (those rows are busy). */
  pending: Record<string, EditableState>;
  /** A spec to select as soon as the list holds it (one just created from a template). */
  pendingSelect: string | null;
  selectWhenListed(id: string): Promise<void>;
  refresh(): Promise<void>;
  select(id: string | null): Promise<void>;
  setFilter(filter: string): void;
  setHideDone(hideDone: boolean): void;
  toggleGroup(key: string): void;
  /** Opens a document of the selected spec in the centre, rendered (a preview tab). */
  showDocument(path: string, options?: { keepFocus?: boolean }): Promise<void>;
  /** Selects a spec and opens its first document in the centre (a click in the explorer). */
  openSpec(id: string): Promise<void>;
  focusRequirement(requirementId: string): { file: string; line: number } | null;
  setTaskState(task: Task, state: EditableState): Promise<void>;
  /** Takes a spec the backend returned after changing it (e.g. starting a task). */
  replaceSelected(spec: SpecWithSource): void;
  reset(): void;
}

/**
 * What a click on a task's checkbox does: done ↔ todo (in progress counts as not done). A tick
 * still being written counts as done, so a quick second Space undoes the first.
 */
export function toggledState(task: Task, pending?: EditableState): EditableState {
  return (pending ?? task.state) === 'done' ? 'todo' : 'done';
}

const notifyError = (text: string) => useWorkspace.getState().notify({ kind: 'error', text });
let focusNonce = 0;

const taskWrites = new SerialQueue();

/** Refreshes, so only the latest one's answer is shown. */
const refreshes = new LatestCall();

export const useSpecs = create<SpecsState>((set, get) => ({
  list: [],
  loaded: false,
  loadError: null,
  selectedId: null,
  selected: null,
  filter: '',
  hideDone: false,
  collapsedGroups: {},
  docPath: null,
  focus: null,
  pending: {},
  pendingSelect: null,

  async selectWhenListed(id) {
    set({ pendingSelect: id });
    await get().refresh();
  },

  async refresh() {
    // The latest refresh wins: after a quick switch of folders, the folder left behind may answer last.
    const isLatest = refreshes.begin();
    try {
      const list = await api().call('specs.list', {});
      if (!isLatest()) return;
      set({ list, loaded: true, loadError: null });
      const { selectedId, pendingSelect } = get();
      const listed = (id: string | null): id is string => id !== null && list.some((s) => s.id === id);
      if (listed(pendingSelect)) set({ pendingSelect: null, pending: {} });
      const keep = listed(pendingSelect) ? pendingSelect : listed(selectedId) ? selectedId : (list[0]?.id ?? null);
      await get().select(keep);
    } catch (error) {
      if (isLatest()) set({ loaded: true, loadError: errorMessage(error) });
    }
  },

  async select(id) {
    const changed = id !== get().selectedId;
    set(changed ? { selectedId: id, selected: null } : { selectedId: id });
    if (id === null) return;
    try {
      const selected = await api().call('specs.get', { specId: id });
      if (get().selectedId !== id) return;
      set({ selected });
      const docs = orderedDocuments(selected.spec.documents, selected.spec.format);
      const current = get().docPath;
      set({ docPath: current && docs.some((d) => d.path === current) ? current : (docs[0]?.path ?? null) });
    } catch (error) {
      notifyError(errorMessage(error));
    }
  },

  setFilter(filter) {
    set({ filter });
  },

  setHideDone(hideDone) {
    set({ hideDone });
  },

  toggleGroup(key) {
    set((s) => ({ collapsedGroups: { ...s.collapsedGroups, [key]: !s.collapsedGroups[key] } }));
  },

  async showDocument(path, options = {}) {
    set({ docPath: path });
    // Markdown opens rendered; anything else (a .config.kiro) in the source.
    const view = /\.(md|markdown)$/i.test(path) ? 'rendered' : undefined;
    await useEditor.getState().open(path, { preview: true, view, keepFocus: options.keepFocus });
  },

  async openSpec(id) {
    await get().select(id);
    const { selected, docPath } = get();
    // While the trace tab shows, it follows the selection: no document opens over it.
    if (useEditor.getState().active === TRACE_TAB) return;
    if (selected?.spec.id === id && docPath) await get().showDocument(docPath, { keepFocus: true });
  },

  focusRequirement(requirementId) {
    const spec = get().selected?.spec;
    const requirement = spec?.requirements.find((r) => r.id === requirementId);
    if (!spec || !requirement) {
      notifyError(`Requirement ${requirementId} is not defined in this spec.`);
      return null;
    }
    set({ focus: { specId: spec.id, requirementId, nonce: ++focusNonce } });
    void get().showDocument(requirement.pos.file, { keepFocus: true });
    return { file: requirement.pos.file, line: requirement.pos.line };
  },

  setTaskState(task, state) {
    const current = get().selected;
    if (!current || current.tasksHash === null) return Promise.resolve();
    const specId = current.spec.id;
    // The checkbox shows what is on disk; until the write answers, the row is marked busy.
    set((s) => ({ pending: { ...s.pending, [task.id]: state } }));
    // One write at a time: each carries the hash the previous one returned, so quick successive
    // ticks never refuse each other as conflicts.
    const run = async () => {
      const latest = get().selected;
      try {
        if (!latest || latest.spec.id !== specId || latest.tasksHash === null) return;
        const answer = await api().call('tasks.setState', { specId, taskId: task.id, state, expectedHash: latest.tasksHash });
        const { recovered, ...spec } = answer;
        if (get().selectedId === specId) set({ selected: spec });
        if (recovered) notifyError(recovered.message);
        void api()
          .call('specs.list', {})
          .then((list) => set({ list }));
      } catch (error) {
        notifyError(isConflict(error) ? `${errorMessage(error)} — reloaded; try again.` : errorMessage(error));
        await get().select(specId);
      } finally {
        set((s) => {
          if (s.pending[task.id] !== state) return {};
          const pending = { ...s.pending };
          delete pending[task.id];
          return { pending };
        });
      }
    };
    return taskWrites.run(run);
  },

  replaceSelected(spec) {
    if (get().selectedId === spec.spec.id) set({ selected: spec });
    void api()
      .call('specs.list', {})
      .then((list) => set({ list }));
  },

  reset() {
    set({ list: [], loaded: false, loadError: null, selectedId: null, selected: null, docPath: null, focus: null, pendingSelect: null, pending: {} });
  },
}));
