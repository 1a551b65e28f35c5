// Workbench keyboard shortcuts (VS Code's keys), shared by the window and the Monaco editor.
import { useEditor } from './stores/editor-store';
import { useLayout } from './stores/layout-store';

export type Shortcut = 'save' | 'quick-open' | 'search';

export function shortcutFor(e: KeyboardEvent): Shortcut | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 's' && !e.shiftKey) return 'save';
  if (key === 'p' && !e.shiftKey) return 'quick-open';
  if (key === 'f' && e.shiftKey) return 'search';
  return null;
}

export function runShortcut(shortcut: Shortcut): void {
  if (shortcut === 'save') void useEditor.getState().save();
  else if (shortcut === 'quick-open') useLayout.getState().setQuickOpen(true);
  else useLayout.getState().showLeftTab('search');
}
