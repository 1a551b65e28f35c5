// Full-text search (the Search tab) and index progress (the status bar).
import { create } from 'zustand';
import type { IndexProgress, TextSearchResult } from '../../../shared/api/contract';
import { api } from '../api/client-instance';
import { errorMessage } from '../api/error-message';
import { LatestCall } from '../../../shared/async/latest-call';

export interface SearchOptions {
  regex: boolean;
  caseSensitive: boolean;
  wholeWord: boolean;
  include: string;
  exclude: string;
}

interface SearchState {
  query: string;
  options: SearchOptions;
  result: TextSearchResult | null;
  error: string | null;
  searching: boolean;
  progress: IndexProgress | null;
  setQuery(query: string): void;
  setOption<K extends keyof SearchOptions>(key: K, value: SearchOptions[K]): void;
  run(): Promise<void>;
  setProgress(progress: IndexProgress | null): void;
}

const globs = (text: string) => text.split(',').map((g) => g.trim()).filter(Boolean);
/** Searches may answer out of order: the one begun last is shown. */
const runs = new LatestCall();

export const useSearch = create<SearchState>((set, get) => ({
  query: '',
  options: { regex: false, caseSensitive: false, wholeWord: false, include: '', exclude: '' },
  result: null,
  error: null,
  searching: false,
  progress: null,
  setQuery(query) {
    set({ query });
  },
  setOption(key, value) {
    set((s) => ({ options: { ...s.options, [key]: value } }));
  },
  async run() {
    const { query, options } = get();
    if (query === '') {
      runs.supersede(); // a search still running for the query just cleared must not fill the list
      set({ result: null, error: null, searching: false });
      return;
    }
    const isLatest = runs.begin();
    set({ searching: true });
    try {
      const include = globs(options.include);
      const exclude = globs(options.exclude);
      const result = await api().call('search.text', {
        query,
        regex: options.regex,
        caseSensitive: options.caseSensitive,
        wholeWord: options.wholeWord,
        ...(include.length > 0 ? { include } : {}),
        ...(exclude.length > 0 ? { exclude } : {}),
        limit: 2000,
      });
      if (isLatest()) set({ result, error: null, searching: false });
    } catch (error) {
      if (isLatest()) set({ result: null, error: errorMessage(error), searching: false });
    }
  },
  setProgress(progress) {
    set({ progress });
  },
}));
