// The Monaco editor instance: one editor, one model per open file, Ctrl/Cmd+S saves.
import { useEffect, useRef } from 'react';
import { monaco } from '../monaco/setup';
import { getModel } from '../monaco/models';
import { useEditor } from '../stores/editor-store';
import { useColorScheme } from '../use-color-scheme';
import { exposeEditorForTests } from '../test-hooks';
import { runShortcut } from '../shortcuts';

export function MonacoView({ path }: { path: string }) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const viewStates = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>());
  const scheme = useColorScheme();
  const revealLine = useEditor((s) => s.revealLine);

  useEffect(() => {
    const instance = monaco.editor.create(host.current!, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      ariaLabel: 'Code editor',
    });
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void useEditor.getState().save());
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyP, () => runShortcut('quick-open'));
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyF, () => runShortcut('search'));
    const changes = instance.onDidChangeModelContent(() => {
      const uriPath = instance.getModel()?.uri.path.slice(1);
      if (uriPath) useEditor.getState().markEdited(uriPath);
    });
    editor.current = instance;
    exposeEditorForTests(() => instance.getModel()?.getValue() ?? '');
    return () => {
      changes.dispose();
      instance.dispose();
    };
  }, []);

  useEffect(() => {
    monaco.editor.setTheme(scheme === 'dark' ? 'vs-dark' : 'vs');
  }, [scheme]);

  useEffect(() => {
    const instance = editor.current;
    const model = getModel(path);
    if (!instance || !model) return;
    const previous = instance.getModel();
    if (previous && previous !== model) viewStates.current.set(previous.uri.path.slice(1), instance.saveViewState());
    instance.setModel(model);
    const state = viewStates.current.get(path);
    if (state) instance.restoreViewState(state);
    instance.focus();
  }, [path]);

  useEffect(() => {
    if (revealLine && editor.current) {
      editor.current.revealLineInCenter(revealLine);
      editor.current.setPosition({ lineNumber: revealLine, column: 1 });
    }
  }, [revealLine, path]);

  return <div className="monaco-host" ref={host} data-testid="monaco-host" />;
}
