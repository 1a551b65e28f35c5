// Every diagnostic of every spec (the Problems view and the markers in spec files), re-read when
// the spec list changes.
import { create } from 'zustand';
import type { SpecDiagnostic } from '../../../shared/api/contract';
import { api } from '../api/client-instance';
import { errorMessage } from '../api/error-message';
import { LatestCall } from '../../../shared/async/latest-call';

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

/** A reload after each change: the one begun last is shown. */
const loads = new LatestCall();

export const useProblems = create<ProblemsState>((set) => ({
  list: [],
  loaded: false,
  error: null,
  collapsed: {},
  async load() {
    const isLatest = loads.begin();
    try {
      const list = await api().call('specs.diagnostics', {});
      if (isLatest()) set({ list, loaded: true, error: null });
    } catch (error) {
      if (isLatest()) set({ loaded: true, error: errorMessage(error) });
    }
  },
  toggleFile(file) {
    set((s) => ({ collapsed: { ...s.collapsed, [file]: !s.collapsed[file] } }));
  },
  reset() {
    loads.supersede();
    set({ list: [], loaded: false, error: null, collapsed: {} });
  },
}));
