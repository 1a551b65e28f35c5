// Wires the backend's events to the stores, restores the workspace's saved UI state, binds the
// workbench's keys, and shows the workbench.
import { isSpecDocument } from '../../shared/specs/formats/registry';
import { useEffect } from 'react';
import { api } from './api/client-instance';
import { commandForKey } from './commands/keybindings';
import { Workbench } from './workbench/Workbench';
import { useEditor } from './stores/editor-store';
import { useFiles } from './stores/files-store';
import { readSaved, restoreEarly, restoreTabs, startSaving } from './stores/persistence';
import { useSearch } from './stores/search-store';
import { useSpecs } from './stores/specs-store';
import { useTrace } from './stores/trace-store';
import { useTasksView } from './stores/tasks-store';
import { useWorkspace } from './stores/workspace-store';
import { useProblems } from './stores/problems-store';
import { applySpecMarkers } from './editor/monaco/spec-markers';
import { useColorScheme } from './use-color-scheme';

let stopSaving = () => {};

/** Runs `run` once, `ms` after the last of a burst of calls (a git checkout changes many files). */
function debounced<A extends unknown[]>(ms: number, run: (...args: A) => void): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => run(...args), ms);
  };
}

const refreshSpecsSoon = debounced(30, () => void useSpecs.getState().refresh());
const loadTraceReportSoon = debounced(150, (specId: string | null) => void useTrace.getState().loadReport(specId));
const loadBranchSoon = debounced(100, () => void useWorkspace.getState().loadBranch());
const loadProblemsSoon = debounced(100, () => void useProblems.getState().load());
const tabPaths = (tabs: { path: string }[]) => tabs.map((t) => t.path).join('\n');
const applyMarkers = () => applySpecMarkers(useProblems.getState().list, useEditor.getState().tabs.filter((t) => t.kind === 'text').map((t) => t.path));

async function loadWorkspace(): Promise<void> {
  stopSaving();
  // One round of calls, not a chain: only the spec list waits for the saved UI state (it names the
  // selected spec); the rest need nothing from each other.
  const saved = readSaved();
  const independent = Promise.all([
    useWorkspace.getState().load(),
    useFiles.getState().loadDir(''),
    // Beside the spec list, not after it: the diagnostics are then ready when the status bar counts
    // them, ahead of the selected spec's (large) text, and the Problems view opens at once.
    useProblems.getState().load(),
    useWorkspace.getState().loadBranch(),
    useTrace.getState().loadActive(),
    api()
      .call('index.status', {})
      .then((status) => useSearch.getState().setProgress(status.progress)),
  ]);
  independent.catch(() => {}); // handled below, once the saved state is in (not reported as unhandled meanwhile)
  const state = await saved;
  if (state) restoreEarly(state);
  await Promise.all([independent, useSpecs.getState().refresh()]);
  if (state) await restoreTabs(state);
  stopSaving = startSaving();
}

export function App() {
  const scheme = useColorScheme();

  useEffect(() => {
    document.documentElement.dataset.theme = scheme;
  }, [scheme]);

  useEffect(() => {
    void loadWorkspace();
    const client = api();
    const unsubscribers = [
      client.on('workspace.changed', () => {
        stopSaving();
        useEditor.getState().reset();
        useFiles.getState().reset();
        useSpecs.getState().reset();
        useTasksView.getState().reset();
        useTrace.getState().reset();
        useProblems.getState().reset();
        void loadWorkspace();
      }),
      client.on('files.changed', ({ paths }) => {
        void useFiles.getState().refresh(paths);
        void useEditor.getState().onDiskChanged(paths);
        // A change to a spec document (the format registry's rule) may add, remove or alter a spec.
        // files.changed comes once the index has the files; specs.changed may come before, when
        // the spec list (read from the index) does not have a new spec yet: refresh again.
        if (paths.some(isSpecDocument)) refreshSpecsSoon();
        loadBranchSoon();
      }),
      client.on('specs.changed', refreshSpecsSoon),
      client.on('index.progress', (progress) => useSearch.getState().setProgress(progress)),
      client.on('trace.activeChanged', ({ active }) => useTrace.getState().setActive(active)),
      client.on('trace.changed', ({ paths }) => {
        const trace = useTrace.getState();
        loadTraceReportSoon(useSpecs.getState().selectedId);
        const open = new Set(useEditor.getState().tabs.map((t) => t.path));
        for (const path of paths) if (open.has(path)) void trace.loadFileLinks(path);
      }),
      // The trace report follows the selected spec (and its new text after a tick), a moment
      // later: a burst of ticks asks for it once, and never queues ahead of the next tick.
      useSpecs.subscribe((now, before) => {
        if (now.selected !== before.selected || now.selectedId !== before.selectedId) loadTraceReportSoon(now.selectedId);
        // Every diagnostic follows the spec list (re-read after each change on disk or tick); the
        // first list of a workspace comes with its diagnostics (loadWorkspace reads both).
        if (now.list !== before.list && before.loaded) loadProblemsSoon();
      }),
      // The specs' diagnostics as markers in the open spec files.
      useProblems.subscribe((now, before) => now.list !== before.list && applyMarkers()),
      useEditor.subscribe((now, before) => now.tabs !== before.tabs && tabPaths(now.tabs) !== tabPaths(before.tabs) && applyMarkers()),
    ];
    // The branch can change outside (a checkout in a terminal) while .git is not watched.
    const onFocus = () => void useWorkspace.getState().loadBranch();
    // Shortcuts anywhere outside Monaco (Monaco binds the same ones itself when it has focus).
    const onKeyDown = (e: KeyboardEvent) => {
      const inMonaco = e.target instanceof Element && e.target.closest('.monaco-editor') !== null;
      const command = inMonaco ? null : commandForKey(e);
      if (command) {
        e.preventDefault();
        command.run();
      }
    };
    // Never lose an edit by closing the page: the browser (or Electron) asks first.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!useEditor.getState().tabs.some((t) => t.dirty)) return;
      e.preventDefault();
      e.returnValue = 'You have unsaved changes.'; // the legacy field, which some Chromium builds still need
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('focus', onFocus);
    return () => {
      unsubscribers.forEach((u) => u());
      stopSaving();
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('focus', onFocus);
    };
  }, []);

  return <Workbench />;
}
