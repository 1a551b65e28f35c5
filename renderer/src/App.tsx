// Wires the backend's events to the stores and shows the workbench.
import { useEffect } from 'react';
import { api } from './api/client-instance';
import { Workbench } from './components/Workbench';
import { useEditor } from './stores/editor-store';
import { useFiles } from './stores/files-store';
import { useSpecs } from './stores/specs-store';
import { useWorkspace } from './stores/workspace-store';
import { useColorScheme } from './use-color-scheme';
import { runShortcut, shortcutFor } from './shortcuts';
import { useSearch } from './stores/search-store';

async function loadWorkspace(): Promise<void> {
  await useWorkspace.getState().load();
  await Promise.all([
    useFiles.getState().loadDir(''),
    useSpecs.getState().refresh(),
    api()
      .call('index.status', {})
      .then((status) => useSearch.getState().setProgress(status.progress)),
  ]);
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
        useEditor.getState().reset();
        useFiles.getState().reset();
        useSpecs.getState().reset();
        void loadWorkspace();
      }),
      client.on('files.changed', ({ paths }) => {
        void useFiles.getState().refresh(paths);
        void useEditor.getState().onDiskChanged(paths);
      }),
      client.on('specs.changed', () => void useSpecs.getState().refresh()),
      client.on('index.progress', (progress) => useSearch.getState().setProgress(progress)),
    ];
    // Shortcuts anywhere outside Monaco (Monaco binds the same ones itself when it has focus).
    const onKeyDown = (e: KeyboardEvent) => {
      const inMonaco = e.target instanceof Element && e.target.closest('.monaco-editor') !== null;
      const shortcut = inMonaco ? null : shortcutFor(e);
      if (shortcut) {
        e.preventDefault();
        runShortcut(shortcut);
      }
    };
    // Never lose an edit by closing the page: the browser (or Electron) asks first.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (useEditor.getState().tabs.some((t) => t.dirty)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unsubscribers.forEach((u) => u());
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  return <Workbench />;
}
