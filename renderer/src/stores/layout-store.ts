// Pane sizes, which tab the left pane shows, and the quick-open overlay.
import { create } from 'zustand';

export const PANE_MIN = 160;

export type LeftTab = 'specs' | 'files' | 'search';

interface LayoutState {
  leftWidth: number;
  rightWidth: number;
  leftTab: LeftTab;
  quickOpen: boolean;
  resize(pane: 'left' | 'right', width: number): void;
  showLeftTab(tab: LeftTab): void;
  setQuickOpen(open: boolean): void;
}

export const useLayout = create<LayoutState>((set) => ({
  leftWidth: 280,
  rightWidth: 340,
  leftTab: 'specs',
  quickOpen: false,
  resize(pane, width) {
    const clamped = Math.max(PANE_MIN, Math.min(width, Math.round(window.innerWidth * 0.45)));
    set(pane === 'left' ? { leftWidth: clamped } : { rightWidth: clamped });
  },
  showLeftTab(leftTab) {
    set({ leftTab });
  },
  setQuickOpen(quickOpen) {
    set({ quickOpen });
  },
}));
