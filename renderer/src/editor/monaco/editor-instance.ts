// The one Monaco editor of the workbench, for commands that act on it (go to line, find).
import type { monaco } from './setup';

let current: monaco.editor.IStandaloneCodeEditor | null = null;

export function setEditorInstance(editor: monaco.editor.IStandaloneCodeEditor | null): void {
  current = editor;
}

/** Runs one of Monaco's own actions (`actions.find`, `editor.action.gotoLine`, …) in the editor. */
export function runEditorAction(actionId: string): boolean {
  if (!current || !current.getModel()) return false;
  current.focus();
  void current.getAction(actionId)?.run();
  return true;
}
