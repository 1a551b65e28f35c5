// The open workspace, and the one-line messages the status bar shows.
import { create } from 'zustand';
import type { GitBranch, WorkspaceInfo } from '../../../shared/api/contract';
import { api } from '../api/client-instance';
import { errorMessage } from '../api/error-message';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

interface WorkspaceState {
  info: WorkspaceInfo | null;
  branch: GitBranch | null;
  notice: Notice | null;
  /** Error from the last attempt to open a folder, shown beside the open-folder form. */
  openError: string | null;
  load(): Promise<void>;
  loadBranch(): Promise<void>;
  openFolder(path: string): Promise<boolean>;
  notify(notice: Notice | null): void;
}

export const useWorkspace = create<WorkspaceState>((set) => ({
  info: null,
  branch: null,
  notice: null,
  openError: null,
  async load() {
    set({ info: await api().call('workspace.info', {}) });
  },
  async loadBranch() {
    try {
      set({ branch: await api().call('git.branch', {}) });
    } catch {
      set({ branch: null }); // an older backend without git.branch: no branch shown
    }
  },
  async openFolder(path) {
    try {
      const info = await api().call('workspace.open', { path });
      set({ info, openError: null, notice: { kind: 'info', text: `Opened ${info.root}` } });
      return true;
    } catch (error) {
      set({ openError: errorMessage(error) });
      return false;
    }
  },
  notify(notice) {
    set({ notice });
  },
}));
