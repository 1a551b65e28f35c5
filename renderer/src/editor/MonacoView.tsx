// The Monaco editor instance: one editor, one model per open file. The workbench's shortcuts are
// bound inside Monaco too, since Monaco handles keys itself while it has the focus.
import { useEffect, useRef } from 'react';
import { monaco } from './monaco/setup';
import { getModel } from './monaco/models';
import { setEditorInstance } from './monaco/editor-instance';
import { useEditor } from '../stores/editor-store';
import { useColorScheme } from '../use-color-scheme';
import { exposeCursorForTests, exposeEditorForTests, exposeMarkersForTests } from '../test-hooks';
import { monacoKeybindings } from '../commands/keybindings';
import { markAfterPaint } from '../perf-marks';
import { traceDecorations } from './monaco/trace-decorations';
import { useTrace } from '../stores/trace-store';
import { setViewPosition, viewPosition } from './view-positions';

export function MonacoView({ path }: { path: string }) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const viewStates = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>());
  const scheme = useColorScheme();
  const revealNonce = useEditor((s) => s.revealNonce);
  const links = useTrace((s) => s.fileLinks[path]);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);

  useEffect(() => {
    const instance = monaco.editor.create(host.current!, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      renderFinalNewline: 'on', // the 'dimmed' default fails colour contrast
      ariaLabel: 'Code editor',
    });
    for (const { keybinding, run } of monacoKeybindings()) instance.addCommand(keybinding, run);
    const changes = instance.onDidChangeModelContent(() => {
      const uriPath = instance.getModel()?.uri.path.slice(1);
      if (uriPath) useEditor.getState().markEdited(uriPath);
    });
    // Cursor and scroll, for the UI state saved per workspace.
    const track = () => {
      const uriPath = instance.getModel()?.uri.path.slice(1);
      const position = instance.getPosition();
      if (uriPath && position) setViewPosition(uriPath, { line: position.lineNumber, column: position.column, scrollTop: Math.round(instance.getScrollTop()) });
    };
    const cursor = instance.onDidChangeCursorPosition(track);
    const scroll = instance.onDidScrollChange(track);
    editor.current = instance;
    decorations.current = instance.createDecorationsCollection();
    setEditorInstance(instance);
    exposeEditorForTests(
      () => instance.getModel()?.getValue() ?? '',
      () => instance.getModel()?.getLanguageId() ?? '',
      () => {
        const selection = instance.getSelection();
        return selection ? (instance.getModel()?.getValueInRange(selection) ?? '') : '';
      },
    );
    exposeCursorForTests(() => {
      const p = instance.getPosition();
      return p ? { line: p.lineNumber, column: p.column } : null;
    });
    exposeMarkersForTests(() => {
      const model = instance.getModel();
      if (!model) return [];
      return monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({ owner: m.owner, severity: m.severity, line: m.startLineNumber, column: m.startColumn, message: m.message }));
    });
    return () => {
      changes.dispose();
      cursor.dispose();
      scroll.dispose();
      setEditorInstance(null);
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
    // Read before setModel: the model's own cursor reset reports (1, 1) through `track`, which
    // would replace the position a reload restored before it is applied.
    const saved = viewPosition(path);
    instance.setModel(model);
    const state = viewStates.current.get(path);
    if (state) instance.restoreViewState(state);
    else if (saved && !useEditor.getState().revealLine) {
      // First show since a reload: the cursor and scroll the saved UI state had.
      instance.setPosition({ lineNumber: saved.line, column: saved.column });
      instance.setScrollTop(saved.scrollTop);
    }
    if (useEditor.getState().focusEditor) instance.focus();
    markAfterPaint('specdeck:editor-interactive');
  }, [path]);

  // Lines linked to tasks: fetched when the file shows, refreshed on trace.changed (App.tsx).
  useEffect(() => {
    if (path) void useTrace.getState().loadFileLinks(path);
  }, [path]);
  useEffect(() => {
    if (editor.current?.getModel() === getModel(path)) decorations.current?.set(traceDecorations(links ?? []));
  }, [links, path]);

  useEffect(() => {
    const { revealLine, revealRange, focusEditor } = useEditor.getState();
    const instance = editor.current;
    if (!revealLine || !instance || instance.getModel() !== getModel(path)) return;
    instance.revealLineInCenter(revealLine);
    if (revealRange) {
      // A search hit: select the match, as VS Code does, so typing or Ctrl+D starts from it.
      instance.setSelection({ startLineNumber: revealLine, startColumn: revealRange.column, endLineNumber: revealLine, endColumn: revealRange.endColumn });
    } else {
      instance.setPosition({ lineNumber: revealLine, column: 1 });
    }
    if (focusEditor) instance.focus();
  }, [revealNonce, path]);

  return <div className="monaco-host" ref={host} data-testid="monaco-host" />;
}
