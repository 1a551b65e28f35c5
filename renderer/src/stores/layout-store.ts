// Pane sizes, which tab the left pane shows, and the overlays (quick open, command palette).
import { create } from 'zustand';
import type { ProblemFilter } from '../problems/problem-rows';

export const PANE_MIN = 160;

export type LeftTab = 'specs' | 'files' | 'search';
export type ThemeChoice = 'system' | 'light' | 'dark';

/** What the Problems view shows: the severities ticked, and text every shown row contains. */
export type ProblemsFilter = ProblemFilter;

export const ALL_PROBLEMS: ProblemsFilter = { text: '', error: true, warning: true, info: true };
export type FocusTarget = 'tasks' | 'spec-filter' | 'files' | 'problems';

interface LayoutState {
  leftWidth: number;
  rightWidth: number;
  /** Height of the spec list above the selected spec's outline (px). */
  specListHeight: number;
  problemsOpen: boolean;
  problemsHeight: number;
  problemsFilter: ProblemsFilter;
  /** The user's theme; `system` follows the OS. */
  theme: ThemeChoice;
  leftTab: LeftTab;
  quickOpen: boolean;
  palette: boolean;
  creatingSpec: boolean;
  /** A request to move the keyboard focus into a pane (nonce so the same target works twice). */
  focusRequest: { target: FocusTarget; nonce: number } | null;
  resize(pane: 'left' | 'right', width: number): void;
  resizeSpecList(height: number): void;
  /** Opens the Problems view, optionally filtered (the status bar's counts, a spec's badge). */
  showProblems(filter?: Partial<ProblemsFilter>): void;
  toggleProblems(): void;
  resizeProblems(height: number): void;
  setProblemsFilter(filter: Partial<ProblemsFilter>): void;
  setTheme(theme: ThemeChoice): void;
  showLeftTab(tab: LeftTab): void;
  setQuickOpen(open: boolean): void;
  setPalette(open: boolean): void;
  setCreatingSpec(open: boolean): void;
  requestFocus(target: FocusTarget): void;
}

export const useLayout = create<LayoutState>((set, get) => ({
  leftWidth: 300,
  rightWidth: 360,
  specListHeight: 320,
  problemsOpen: false,
  problemsHeight: 220,
  problemsFilter: ALL_PROBLEMS,
  theme: 'system',
  leftTab: 'specs',
  quickOpen: false,
  palette: false,
  creatingSpec: false,
  focusRequest: null,
  resize(pane, width) {
    const clamped = Math.max(PANE_MIN, Math.min(width, Math.round(window.innerWidth * 0.45)));
    set(pane === 'left' ? { leftWidth: clamped } : { rightWidth: clamped });
  },
  resizeSpecList(height) {
    set({ specListHeight: Math.max(80, Math.min(height, Math.round(window.innerHeight * 0.8))) });
  },
  showProblems(filter) {
    set({ problemsOpen: true, problemsFilter: filter ? { ...ALL_PROBLEMS, ...filter } : get().problemsFilter });
    get().requestFocus('problems');
  },
  toggleProblems() {
    if (get().problemsOpen) set({ problemsOpen: false });
    else get().showProblems();
  },
  resizeProblems(height) {
    set({ problemsHeight: Math.max(80, Math.min(height, Math.round(window.innerHeight * 0.7))) });
  },
  setProblemsFilter(filter) {
    set((s) => ({ problemsFilter: { ...s.problemsFilter, ...filter } }));
  },
  setTheme(theme) {
    set({ theme });
  },
  showLeftTab(leftTab) {
    set({ leftTab });
  },
  setQuickOpen(quickOpen) {
    set({ quickOpen, palette: false });
  },
  setPalette(palette) {
    set({ palette, quickOpen: false });
  },
  setCreatingSpec(creatingSpec) {
    set(creatingSpec ? { creatingSpec, leftTab: 'specs' } : { creatingSpec });
  },
  requestFocus(target) {
    set({ focusRequest: { target, nonce: (get().focusRequest?.nonce ?? 0) + 1 } });
  },
}));
