// Open editor tabs: what each holds, whether it is dirty, and saving it without losing anything.
import { create } from 'zustand';
import type { FileContent } from '../../../shared/api/contract';
import { api } from '../api/client-instance';
import { errorMessage, isConflict } from '../api/error-message';
import { createModel, disposeModel, getModel, textToSave } from '../monaco/models';
import { useWorkspace } from './workspace-store';

export interface Tab {
  path: string;
  kind: FileContent['kind'];
  size: number;
  /** Hash of the bytes on disk this tab was loaded from or last saved as. */
  hash: string | null;
  /** Monaco's alternative version id at the last load or save: differs when dirty. */
  savedVersion: number;
  dirty: boolean;
  /** Set when a save was refused because the file changed on disk. */
  conflict: boolean;
}

interface EditorState {
  tabs: Tab[];
  active: string | null;
  /** A line to reveal once the active tab shows (go to line, open from a task). */
  revealLine: number | null;
  open(path: string, line?: number): Promise<void>;
  activate(path: string): void;
  close(path: string): boolean;
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
  };
}

const savesInFlight = new Set<string>();

export const useEditor = create<EditorState>((set, get) => {
  const update = (path: string, patch: Partial<Tab>) =>
    set((s) => ({ tabs: s.tabs.map((t) => (t.path === path ? { ...t, ...patch } : t)) }));

  async function saveNow(path: string): Promise<void> {
    const tab = get().tabs.find((t) => t.path === path);
    const model = getModel(path);
    if (!tab || !model || tab.kind !== 'text') return;
    const version = model.getAlternativeVersionId();
    try {
      const { hash } = await api().call('fs.write', { path, content: textToSave(model), expectedHash: tab.hash });
      update(path, { hash, savedVersion: version, dirty: model.getAlternativeVersionId() !== version, conflict: false });
      useWorkspace.getState().notify({ kind: 'info', text: `Saved ${path}` });
    } catch (error) {
      if (isConflict(error)) update(path, { conflict: true });
      notifyError(errorMessage(error));
    }
  }

  return {
    tabs: [],
    active: null,
    revealLine: null,

    async open(path, line) {
      if (get().tabs.some((t) => t.path === path)) {
        set({ active: path, revealLine: line ?? null });
        return;
      }
      try {
        const file = await api().call('fs.read', { path });
        const model = file.kind === 'text' ? createModel(path, file.content) : null;
        const tab = tabFrom(file, model?.getAlternativeVersionId() ?? 0);
        set((s) => ({ tabs: [...s.tabs, tab], active: path, revealLine: line ?? null }));
      } catch (error) {
        notifyError(errorMessage(error));
      }
    },

    activate(path) {
      set({ active: path, revealLine: null });
    },

    close(path) {
      const tab = get().tabs.find((t) => t.path === path);
      if (!tab) return true;
      if (tab.dirty && !window.confirm(`${path} has unsaved changes. Close it and discard them?`)) return false;
      disposeModel(path);
      set((s) => {
        const index = s.tabs.findIndex((t) => t.path === path);
        const tabs = s.tabs.filter((t) => t.path !== path);
        const active = s.active === path ? (tabs[Math.min(index, tabs.length - 1)]?.path ?? null) : s.active;
        return { tabs, active };
      });
      return true;
    },

    markEdited(path) {
      const tab = get().tabs.find((t) => t.path === path);
      const model = getModel(path);
      if (!tab || !model) return;
      const dirty = model.getAlternativeVersionId() !== tab.savedVersion;
      if (dirty !== tab.dirty) update(path, { dirty });
    },

    async save(path = get().active ?? undefined) {
      // One save per file at a time: a second one would carry a hash the first has replaced.
      if (!path || savesInFlight.has(path)) return;
      savesInFlight.add(path);
      try {
        await saveNow(path);
      } finally {
        savesInFlight.delete(path);
      }
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
        const file = await api().call('fs.read', { path });
        const model = getModel(path);
        if (file.kind === 'text' && model) {
          model.setValue(file.content);
          update(path, { ...tabFrom(file, model.getAlternativeVersionId()) });
        } else {
          disposeModel(path);
          update(path, tabFrom(file, 0));
        }
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
          await get().reload(tab.path);
        } catch {
          update(tab.path, { conflict: true }); // deleted on disk: keep the text, flag it
        }
      }
    },

    reset() {
      for (const tab of get().tabs) disposeModel(tab.path);
      set({ tabs: [], active: null, revealLine: null });
    },
  };
});
