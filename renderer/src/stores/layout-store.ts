// Pane sizes and which tab the left pane shows.
import { create } from 'zustand';

export const PANE_MIN = 160;

interface LayoutState {
  leftWidth: number;
  rightWidth: number;
  leftTab: 'specs' | 'files';
  resize(pane: 'left' | 'right', width: number): void;
  showLeftTab(tab: 'specs' | 'files'): void;
}

export const useLayout = create<LayoutState>((set) => ({
  leftWidth: 280,
  rightWidth: 340,
  leftTab: 'specs',
  resize(pane, width) {
    const clamped = Math.max(PANE_MIN, Math.min(width, Math.round(window.innerWidth * 0.45)));
    set(pane === 'left' ? { leftWidth: clamped } : { rightWidth: clamped });
  },
  showLeftTab(leftTab) {
    set({ leftTab });
  },
}));
