// Every workbench command: its palette title, its keys (VS Code's where VS Code has one) and what
// it does. The command palette lists these; the window and Monaco bind their keys.
import { runEditorAction } from '../editor/monaco/editor-instance';
import { TRACE_TAB, useEditor } from '../stores/editor-store';
import { useFiles } from '../stores/files-store';
import { useLayout } from '../stores/layout-store';
import { useSpecs } from '../stores/specs-store';
import { useTasksView } from '../stores/tasks-store';
import { useTrace } from '../stores/trace-store';
import { revealActiveTask, startFocusedTask, toggleTheme } from './task-commands';

export interface Command {
  id: string;
  title: string;
  /** Key combinations such as `Ctrl+Shift+P` (Ctrl means Cmd on macOS). */
  keys?: string[];
  /** Monaco binds these keys itself while it has the focus (find, go to line): do not rebind. */
  monacoNative?: boolean;
  run(): void;
}

const editor = () => useEditor.getState();
const layout = () => useLayout.getState();
const activePath = () => editor().active;

function whenActive(run: (path: string) => void): () => void {
  return () => {
    const path = activePath();
    if (path) run(path);
  };
}

export const COMMANDS: Command[] = [
  { id: 'workbench.action.showCommands', title: 'Show All Commands', keys: ['Ctrl+Shift+P', 'F1'], run: () => layout().setPalette(true) },
  { id: 'workbench.action.quickOpen', title: 'Go to File…', keys: ['Ctrl+P'], run: () => layout().setQuickOpen(true) },
  { id: 'workbench.action.files.save', title: 'File: Save', keys: ['Ctrl+S'], run: () => void editor().save() },
  { id: 'workbench.action.files.revert', title: 'File: Revert File (reload from disk)', run: whenActive((p) => void editor().reload(p)) },
  { id: 'workbench.files.action.compareWithSaved', title: 'File: Compare Active File with Disk', run: whenActive((p) => editor().setComparing(p)) },
  {
    id: 'workbench.files.action.showActiveFileInExplorer',
    title: 'File: Reveal Active File in Files',
    run: whenActive((p) => {
      layout().showLeftTab('files');
      void useFiles.getState().reveal(p);
    }),
  },
  { id: 'workbench.action.closeActiveEditor', title: 'View: Close Editor', keys: ['Ctrl+W'], run: whenActive((p) => editor().close(p)) },
  { id: 'workbench.action.closeOtherEditors', title: 'View: Close Other Editors', run: whenActive((p) => editor().closeOthers(p)) },
  { id: 'workbench.action.reopenClosedEditor', title: 'View: Reopen Closed Editor', keys: ['Ctrl+Shift+T'], run: () => void editor().reopenClosed() },
  { id: 'workbench.action.keepEditor', title: 'View: Keep Editor (pin the preview tab)', run: whenActive((p) => editor().pin(p)) },
  { id: 'workbench.action.nextEditor', title: 'View: Open Next Editor', keys: ['Ctrl+PageDown'], run: () => editor().activateRelative(1) },
  { id: 'workbench.action.previousEditor', title: 'View: Open Previous Editor', keys: ['Ctrl+PageUp'], run: () => editor().activateRelative(-1) },
  { id: 'workbench.action.gotoLine', title: 'Go to Line/Column…', keys: ['Ctrl+G'], monacoNative: true, run: () => runEditorAction('editor.action.gotoLine') },
  { id: 'actions.find', title: 'Find', keys: ['Ctrl+F'], monacoNative: true, run: () => runEditorAction('actions.find') },
  { id: 'editor.action.startFindReplaceAction', title: 'Replace', keys: ['Ctrl+H'], monacoNative: true, run: () => runEditorAction('editor.action.startFindReplaceAction') },
  { id: 'markdown.togglePreview', title: 'Markdown: Toggle Rendered / Source', keys: ['Ctrl+Shift+V'], run: whenActive((p) => editor().toggleRendered(p)) },
  { id: 'markdown.showPreviewToSide', title: 'Markdown: Toggle Source Beside Preview', keys: ['Ctrl+Alt+V'], run: whenActive((p) => editor().toggleMarkdownPreview(p)) },
  { id: 'workbench.view.explorer', title: 'View: Show Files', keys: ['Ctrl+Shift+E'], run: () => { layout().showLeftTab('files'); layout().requestFocus('files'); } },
  { id: 'workbench.view.search', title: 'View: Show Search', keys: ['Ctrl+Shift+F'], run: () => layout().showLeftTab('search') },
  { id: 'workbench.actions.view.problems', title: 'View: Toggle Problems', keys: ['Ctrl+Shift+M'], run: () => layout().toggleProblems() },
  { id: 'specdeck.view.specs', title: 'View: Show Specs', run: () => layout().showLeftTab('specs') },
  { id: 'specdeck.specs.filter', title: 'Specs: Filter Specs…', run: () => { layout().showLeftTab('specs'); layout().requestFocus('spec-filter'); } },
  { id: 'specdeck.specs.create', title: 'Specs: Create Spec from Template…', run: () => layout().setCreatingSpec(true) },
  { id: 'specdeck.specs.reload', title: 'Specs: Reload Specs', run: () => void useSpecs.getState().refresh() },
  { id: 'specdeck.tasks.focus', title: 'Tasks: Focus Task List', run: () => layout().requestFocus('tasks') },
  { id: 'specdeck.tasks.showOpen', title: 'Tasks: Show Open Tasks', run: () => useTasksView.getState().setFilter('open', useSpecs.getState().selectedId) },
  { id: 'specdeck.tasks.showDone', title: 'Tasks: Show Done Tasks', run: () => useTasksView.getState().setFilter('done', useSpecs.getState().selectedId) },
  { id: 'specdeck.tasks.showAll', title: 'Tasks: Show All Tasks', run: () => useTasksView.getState().setFilter('all', useSpecs.getState().selectedId) },
  { id: 'specdeck.tasks.expandAll', title: 'Tasks: Expand All', run: () => useTasksView.getState().reset() },
  { id: 'specdeck.trace.open', title: 'Tasks: Open Trace (requirements × tasks × code)', run: () => void editor().open(TRACE_TAB) },
  { id: 'specdeck.trace.start', title: 'Tasks: Start Task (the focused one)', run: () => startFocusedTask() },
  { id: 'specdeck.trace.reveal', title: 'Tasks: Reveal Active Task', run: () => void revealActiveTask() },
  { id: 'workbench.action.toggleTheme', title: 'Preferences: Toggle Theme (light / dark)', run: () => toggleTheme() },
  { id: 'specdeck.trace.complete', title: 'Tasks: Complete Active Task', run: () => void useTrace.getState().stop(true) },
  { id: 'specdeck.trace.stop', title: 'Tasks: Stop Working on Active Task', run: () => void useTrace.getState().stop(false) },
  { id: 'specdeck.trace.copyTrailer', title: 'Tasks: Copy Commit Trailer (Spec-Task) for Active Task', run: () => void useTrace.getState().copyTrailer() },
  { id: 'specdeck.trace.installHook', title: 'Tasks: Install prepare-commit-msg Hook (adds Spec-Task trailers)', run: () => void useTrace.getState().installHook() },
];
