// Pane sizes, which tab the left pane shows, and the overlays (quick open, command palette).
import { create } from 'zustand';

export const PANE_MIN = 160;

export type LeftTab = 'specs' | 'files' | 'search';
export type FocusTarget = 'tasks' | 'spec-filter' | 'files';

interface LayoutState {
  leftWidth: number;
  rightWidth: number;
  leftTab: LeftTab;
  quickOpen: boolean;
  palette: boolean;
  creatingSpec: boolean;
  /** A request to move the keyboard focus into a pane (nonce so the same target works twice). */
  focusRequest: { target: FocusTarget; nonce: number } | null;
  resize(pane: 'left' | 'right', width: number): void;
  showLeftTab(tab: LeftTab): void;
  setQuickOpen(open: boolean): void;
  setPalette(open: boolean): void;
  setCreatingSpec(open: boolean): void;
  requestFocus(target: FocusTarget): void;
}

export const useLayout = create<LayoutState>((set, get) => ({
  leftWidth: 300,
  rightWidth: 360,
  leftTab: 'specs',
  quickOpen: false,
  palette: false,
  creatingSpec: false,
  focusRequest: null,
  resize(pane, width) {
    const clamped = Math.max(PANE_MIN, Math.min(width, Math.round(window.innerWidth * 0.45)));
    set(pane === 'left' ? { leftWidth: clamped } : { rightWidth: clamped });
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
