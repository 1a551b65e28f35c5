// Every diagnostic of every spec (the Problems view and the markers in spec files), re-read when
// the spec list changes.
import { create } from 'zustand';
import type { SpecDiagnostic } from '../../../shared/api/contract';
import { api } from '../api/client-instance';
import { errorMessage } from '../api/error-message';

interface ProblemsState {
  list: SpecDiagnostic[];
  loaded: boolean;
  error: string | null;
  /** Collapsed file groups in the Problems view. */
  collapsed: Record<string, boolean>;
  load(): Promise<void>;
  toggleFile(file: string): void;
  reset(): void;
}

let latest = 0;

export const useProblems = create<ProblemsState>((set) => ({
  list: [],
  loaded: false,
  error: null,
  collapsed: {},
  async load() {
    const run = ++latest;
    try {
      const list = await api().call('specs.diagnostics', {});
      if (run === latest) set({ list, loaded: true, error: null });
    } catch (error) {
      if (run === latest) set({ loaded: true, error: errorMessage(error) });
    }
  },
  toggleFile(file) {
    set((s) => ({ collapsed: { ...s.collapsed, [file]: !s.collapsed[file] } }));
  },
  reset() {
    latest++;
    set({ list: [], loaded: false, error: null, collapsed: {} });
  },
}));
