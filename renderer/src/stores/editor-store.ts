// Open editor tabs: what each holds, whether it is dirty, and saving it without losing anything.
import { create } from 'zustand';
import type { FileContent } from '../../../shared/api/contract';
import { SerialQueue } from '../../../shared/async/serial-queue';
import { api } from '../api/client-instance';
import { errorMessage, isConflict } from '../api/error-message';
import { createModel, disposeModel, getModel, textToSave } from '../editor/monaco/models';
import { useWorkspace } from './workspace-store';
import { LatestCall } from '../../../shared/async/latest-call';

/** The trace tab's path: not a file (no workspace path can start with `specdeck:`). */
export const TRACE_TAB = 'specdeck:trace';
/** The evidence report tab (the selected spec's `specdeck report` HTML), no file behind it either. */
export const REPORT_TAB = 'specdeck:report';

export interface Tab {
  path: string;
  /** `trace`, `report`: the trace and evidence report tabs (no file behind them). */
  kind: FileContent['kind'] | 'trace' | 'report';
  size: number;
  /** Hash of the bytes on disk this tab was loaded from or last saved as. */
  hash: string | null;
  /** Monaco's alternative version id at the last load or save: differs when dirty. */
  savedVersion: number;
  dirty: boolean;
  /** Set when a save was refused because the file changed on disk. */
  conflict: boolean;
  /** A preview tab (single click): the next preview replaces it; editing or a double click keeps it. */
  preview: boolean;
}

export interface OpenOptions {
  line?: number;
  /** With `line`: select `length` characters from this 1-based column (a search hit). */
  column?: number;
  length?: number;
  /** Open as the preview tab (VS Code's single click). */
  preview?: boolean;
  /** Leave the keyboard focus where it is (a chip in the task list, say). */
  keepFocus?: boolean;
  /** How a markdown file shows: rendered (spec documents), source (the default) or both. */
  view?: ViewMode;
}

/** `rendered`: the document only; `source`: Monaco only; `split`: Monaco with the rendered view beside. */
export type ViewMode = 'rendered' | 'source' | 'split';

const CLOSED_HISTORY = 20;

interface EditorState {
  tabs: Tab[];
  active: string | null;
  /** A line to reveal once the active tab shows (go to line, open from a task). */
  revealLine: number | null;
  /** Bumped on every reveal so the same line can be revealed twice. */
  revealNonce: number;
  /** With revealLine: the range to select on that line (columns are 1-based, end exclusive). */
  revealRange: { column: number; endColumn: number } | null;
  /** Whether opening should move the keyboard focus into the editor. */
  focusEditor: boolean;
  /** Recently closed tabs, newest last (Reopen Closed Editor). */
  closed: string[];
  /** How each markdown tab shows (absent: source). */
  viewMode: Record<string, ViewMode>;
  /** The tab whose editor text is being compared with the disk (after a save conflict). */
  comparing: string | null;
  /** Dirty tabs waiting for the user's answer before they close (Save / Don't Save / Cancel). */
  closeRequests: string[];
  open(path: string, options?: OpenOptions): Promise<void>;
  activate(path: string): void;
  /** Keeps a preview tab open (double click, or an edit). */
  pin(path: string): void;
  /** Closes a tab; a dirty one is only queued for the user's answer (returns false). */
  close(path: string): boolean;
  /** The answer to the first close request. */
  answerClose(answer: 'save' | 'discard' | 'cancel'): Promise<void>;
  closeOthers(path: string): void;
  reopenClosed(): Promise<void>;
  activateRelative(step: 1 | -1): void;
  /** Source beside preview, on or off. */
  toggleMarkdownPreview(path: string): void;
  /** The one-key switch: rendered ↔ source. */
  toggleRendered(path: string): void;
  setViewMode(path: string, mode: ViewMode): void;
  setComparing(path: string | null): void;
  markEdited(path: string): void;
  save(path?: string): Promise<void>;
  /** After a conflict: replace the disk version with the editor's text. */
  overwrite(path: string): Promise<void>;
  /** After a conflict (or by choice): drop the editor's text for the disk version. */
  reload(path: string): Promise<void>;
  onDiskChanged(paths: string[]): Promise<void>;
  reset(): void;
}

const notifyError = (text: string) => useWorkspace.getState().notify({ kind: 'error', text });

function tabFrom(file: FileContent, savedVersion: number): Tab {
  return {
    path: file.path,
    kind: file.kind,
    size: file.size,
    hash: 'hash' in file ? file.hash : null,
    savedVersion,
    dirty: false,
    conflict: false,
    preview: false,
  };
}

/** One save per file at a time, in order: a second one must carry the hash the first returns. */
const saveQueues = new Map<string, SerialQueue>();

/** Opens, so an earlier open whose read answers late does not take the place of a later one. */
const opens = new LatestCall();

export const useEditor = create<EditorState>((set, get) => {
  const update = (path: string, patch: Partial<Tab>) =>
    set((s) => ({ tabs: s.tabs.map((t) => (t.path === path ? { ...t, ...patch } : t)) }));

  function closeNow(path: string): void {
    disposeModel(path);
    set((s) => {
      const index = s.tabs.findIndex((t) => t.path === path);
      const tabs = s.tabs.filter((t) => t.path !== path);
      const active = s.active === path ? (tabs[Math.min(index, tabs.length - 1)]?.path ?? null) : s.active;
      const closed = [...s.closed.filter((p) => p !== path), path].slice(-CLOSED_HISTORY);
      return { tabs, active, closed, comparing: s.comparing === path ? null : s.comparing };
    });
  }

  /** Puts the disk's version of a file into its tab (the model edit can be undone with Ctrl+Z). */
  function showDiskVersion(path: string, file: FileContent): void {
    const tab = get().tabs.find((t) => t.path === path);
    const model = getModel(path);
    if (file.kind === 'text' && model) {
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: file.content }], () => null);
      update(path, { ...tabFrom(file, model.getAlternativeVersionId()), preview: tab?.preview ?? false });
      if (get().comparing === path) set({ comparing: null });
    } else {
      disposeModel(path);
      update(path, { ...tabFrom(file, 0), preview: tab?.preview ?? false });
    }
  }

  async function saveNow(path: string): Promise<void> {
    const tab = get().tabs.find((t) => t.path === path);
    const model = getModel(path);
    if (!tab || !model || tab.kind !== 'text') return;
    const version = model.getAlternativeVersionId();
    try {
      const { hash, recovered } = await api().call('fs.write', { path, content: textToSave(model), expectedHash: tab.hash });
      update(path, { hash, savedVersion: version, dirty: model.getAlternativeVersionId() !== version, conflict: false, preview: false });
      if (get().comparing === path) set({ comparing: null });
      // An outside edit that landed in the instant of the save is kept, not dropped: say where.
      if (recovered) notifyError(recovered.message);
      else useWorkspace.getState().notify({ kind: 'info', text: `Saved ${path}` });
    } catch (error) {
      if (isConflict(error)) update(path, { conflict: true });
      notifyError(errorMessage(error));
    }
  }

  return {
    tabs: [],
    active: null,
    revealLine: null,
    revealNonce: 0,
    revealRange: null,
    focusEditor: true,
    closed: [],
    viewMode: {},
    comparing: null,
    closeRequests: [],

    async open(path, options = {}) {
      // The open asked for last is the one shown, even when an earlier one's read answers later.
      const isLatest = opens.begin();
      const { line, column, length, preview = false, keepFocus = false, view } = options;
      const revealRange = line !== undefined && column !== undefined ? { column, endColumn: column + (length ?? 0) } : null;
      const reveal = { revealLine: line ?? null, revealRange, revealNonce: get().revealNonce + 1, focusEditor: !keepFocus };
      // A line to go to is shown in the source; otherwise the asked-for view (if any).
      const mode = line !== undefined && get().viewMode[path] === 'rendered' ? 'source' : view;
      if (mode) set((s) => ({ viewMode: { ...s.viewMode, [path]: mode } }));
      const existing = get().tabs.find((t) => t.path === path);
      if ((path === TRACE_TAB || path === REPORT_TAB) && !existing) {
        const tab: Tab = { path, kind: path === TRACE_TAB ? 'trace' : 'report', size: 0, hash: null, savedVersion: 0, dirty: false, conflict: false, preview: false };
        set((s) => ({ tabs: [...s.tabs, tab], active: path, ...reveal }));
        return;
      }
      if (existing) {
        if (!preview && existing.preview) update(path, { preview: false });
        set({ active: path, ...reveal });
        return;
      }
      try {
        const file = await api().call('fs.read', { path });
        const superseded = !isLatest();
        if (get().tabs.some((t) => t.path === path)) {
          // Opened meanwhile (a double click sends two opens): a non-preview open still keeps it.
          if (!preview) update(path, { preview: false });
          return superseded ? undefined : set({ active: path, ...reveal });
        }
        // Passed over for a later open: a preview would only have been replaced; a pinned tab is
        // added behind the one shown.
        if (superseded && preview) return;
        const model = file.kind === 'text' ? createModel(path, file.content) : null;
        const tab = { ...tabFrom(file, model?.getAlternativeVersionId() ?? 0), preview };
        // A new preview tab takes the place of the old one (unless that one was edited).
        const replaced = preview ? get().tabs.find((t) => t.preview && !t.dirty) : undefined;
        if (replaced) disposeModel(replaced.path);
        set((s) => {
          const tabs = replaced ? s.tabs.map((t) => (t === replaced ? tab : t)) : [...s.tabs, tab];
          return superseded ? { tabs } : { tabs, active: path, ...reveal };
        });
      } catch (error) {
        notifyError(errorMessage(error));
      }
    },

    activate(path) {
      set({ active: path, revealLine: null, focusEditor: true });
    },

    pin(path) {
      update(path, { preview: false });
    },

    close(path) {
      const tab = get().tabs.find((t) => t.path === path);
      if (!tab) return true;
      if (tab.dirty) {
        set((s) => ({ closeRequests: s.closeRequests.includes(path) ? s.closeRequests : [...s.closeRequests, path] }));
        return false;
      }
      closeNow(path);
      return true;
    },

    async answerClose(answer) {
      const path = get().closeRequests[0];
      if (!path) return;
      const next = () => set((s) => ({ closeRequests: s.closeRequests.filter((p) => p !== path) }));
      if (answer === 'cancel') {
        set({ closeRequests: [] }); // Cancel stops the whole close (as VS Code's does)
        return;
      }
      if (answer === 'save') {
        await get().save(path);
        // A refused save (conflict, error) keeps the tab: its text must not be lost.
        if (get().tabs.find((t) => t.path === path)?.dirty !== false) {
          set({ closeRequests: [], active: path });
          return;
        }
      }
      next();
      closeNow(path);
    },

    closeOthers(path) {
      for (const tab of get().tabs) if (tab.path !== path) get().close(tab.path);
      if (get().tabs.some((t) => t.path === path)) set({ active: path });
    },

    async reopenClosed() {
      const path = get().closed.at(-1);
      if (!path) return;
      set((s) => ({ closed: s.closed.slice(0, -1) }));
      await get().open(path);
    },

    activateRelative(step) {
      const { tabs, active } = get();
      if (tabs.length === 0) return;
      const index = tabs.findIndex((t) => t.path === active);
      get().activate(tabs[(index + step + tabs.length) % tabs.length]!.path);
    },

    toggleMarkdownPreview(path) {
      set((s) => ({ viewMode: { ...s.viewMode, [path]: s.viewMode[path] === 'split' ? 'source' : 'split' } }));
    },

    toggleRendered(path) {
      set((s) => ({ viewMode: { ...s.viewMode, [path]: s.viewMode[path] === 'rendered' ? 'source' : 'rendered' }, focusEditor: true }));
    },

    setViewMode(path, mode) {
      set((s) => ({ viewMode: { ...s.viewMode, [path]: mode } }));
    },

    setComparing(comparing) {
      set({ comparing });
    },

    markEdited(path) {
      const tab = get().tabs.find((t) => t.path === path);
      const model = getModel(path);
      if (!tab || !model) return;
      const dirty = model.getAlternativeVersionId() !== tab.savedVersion;
      if (dirty !== tab.dirty) update(path, dirty ? { dirty, preview: false } : { dirty });
    },

    async save(path = get().active ?? undefined) {
      if (!path) return;
      let queue = saveQueues.get(path);
      if (!queue) saveQueues.set(path, (queue = new SerialQueue()));
      await queue.run(() => saveNow(path));
    },

    async overwrite(path) {
      const tab = get().tabs.find((t) => t.path === path);
      if (!tab) return;
      try {
        const disk = await api().call('fs.read', { path });
        update(path, { hash: 'hash' in disk ? disk.hash : null, conflict: false });
        await get().save(path);
      } catch (error) {
        if ((error as { code?: string }).code === 'NOT_FOUND') {
          update(path, { hash: null, conflict: false }); // deleted on disk: saving re-creates it
          await get().save(path);
        } else notifyError(errorMessage(error));
      }
    },

    async reload(path) {
      try {
        showDiskVersion(path, await api().call('fs.read', { path }));
      } catch (error) {
        notifyError(errorMessage(error));
      }
    },

    async onDiskChanged(paths) {
      const changed = new Set(paths);
      for (const tab of get().tabs) {
        if (!changed.has(tab.path) || tab.dirty) continue;
        // A clean tab follows the disk, unless this is the echo of our own save.
        try {
          const file = await api().call('fs.read', { path: tab.path });
          if ('hash' in file && file.hash === tab.hash) continue;
          // The user may have typed while the file was read: then their text wins, never the disk's.
          if (get().tabs.find((t) => t.path === tab.path)?.dirty !== false) continue;
          showDiskVersion(tab.path, file);
        } catch {
          update(tab.path, { conflict: true }); // deleted on disk: keep the text, flag it
        }
      }
    },

    reset() {
      for (const tab of get().tabs) disposeModel(tab.path);
      set({ tabs: [], active: null, revealLine: null, closed: [], viewMode: {}, comparing: null, closeRequests: [] });
    },
  };
});
