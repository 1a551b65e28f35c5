// The Files tree: folders are listed lazily, when first expanded.
import { create } from 'zustand';
import type { DirEntry } from '../../../shared/api/contract';
import { api } from '../api/client-instance';
import { errorMessage } from '../api/error-message';
import { useWorkspace } from './workspace-store';

interface FilesState {
  children: Record<string, DirEntry[]>;
  expanded: Record<string, boolean>;
  /** The path last revealed (the tree scrolls it into view). */
  revealed: { path: string; nonce: number } | null;
  loadDir(dir: string): Promise<void>;
  toggle(dir: string): Promise<void>;
  /** Re-list the loaded folders that contain any of these paths. */
  refresh(paths: string[]): Promise<void>;
  /** Expands the folders above a file and marks it to be scrolled into view. */
  reveal(path: string): Promise<void>;
  reset(): void;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export const useFiles = create<FilesState>((set, get) => ({
  children: {},
  expanded: { '': true },
  revealed: null,
  async loadDir(dir) {
    try {
      const entries = await api().call('fs.list', { dir });
      set((s) => ({ children: { ...s.children, [dir]: entries } }));
    } catch (error) {
      useWorkspace.getState().notify({ kind: 'error', text: errorMessage(error) });
    }
  },
  async toggle(dir) {
    const open = !get().expanded[dir];
    set((s) => ({ expanded: { ...s.expanded, [dir]: open } }));
    if (open && !get().children[dir]) await get().loadDir(dir);
  },
  async refresh(paths) {
    const loaded = get().children;
    const dirs = new Set(paths.map(parentOf).filter((d) => d in loaded));
    await Promise.all([...dirs].map((d) => get().loadDir(d)));
  },
  async reveal(path) {
    const segments = path.split('/').slice(0, -1);
    for (let i = 1; i <= segments.length; i++) {
      const dir = segments.slice(0, i).join('/');
      set((s) => ({ expanded: { ...s.expanded, [dir]: true } }));
      if (!get().children[dir]) await get().loadDir(dir);
    }
    if (!get().children['']) await get().loadDir('');
    set((s) => ({ revealed: { path, nonce: (s.revealed?.nonce ?? 0) + 1 } }));
  },
  reset() {
    set({ children: {}, expanded: { '': true }, revealed: null });
  },
}));
