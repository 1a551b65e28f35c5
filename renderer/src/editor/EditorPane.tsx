// The centre pane (landmark "Editor"): tabs, the editor, markdown rendered (alone: spec documents
// open so; or beside the source), and the conflict bar (compare / overwrite / reload) when the file changed on disk.
import { useEditor, type Tab } from '../stores/editor-store';
import { DiffView } from './DiffView';
import { MarkdownPreview } from './MarkdownPreview';
import { MonacoView } from './MonacoView';
import { TabStrip } from './TabStrip';
import { TraceView } from '../trace/TraceView';
import { EvidenceReportView } from '../evidence/EvidenceReportView';

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

const isMarkdown = (path: string) => /\.(md|markdown)$/i.test(path);

function FileNotice({ tab }: { tab: Tab }) {
  const text = {
    binary: `${tab.path} is a binary file (${formatSize(tab.size)}); it is not opened in the editor.`,
    'too-large': `${tab.path} is too large to edit here (${formatSize(tab.size)}; the limit is 10 MB).`,
    'not-utf8': `${tab.path} is not valid UTF-8; it is not opened, so that no byte of it can be lost.`,
    text: '',
    trace: '',
    report: '',
  }[tab.kind];
  return (
    <p className="file-notice" role="status">
      {text}
    </p>
  );
}

function ConflictBar({ tab }: { tab: Tab }) {
  const { overwrite, reload, comparing, setComparing } = useEditor();
  const isComparing = comparing === tab.path;
  return (
    <div className="conflict-bar" role="alert">
      <span>{tab.path} changed on disk since you opened it. Your text is kept until you choose:</span>
      <button type="button" onClick={() => setComparing(isComparing ? null : tab.path)}>
        {isComparing ? 'Hide comparison' : 'Compare'}
      </button>
      <button type="button" onClick={() => void overwrite(tab.path)}>
        Overwrite disk
      </button>
      <button type="button" onClick={() => void reload(tab.path)}>
        Reload from disk (discard mine)
      </button>
    </div>
  );
}

function EditorToolbar({ tab }: { tab: Tab }) {
  const mode = useEditor((s) => s.viewMode[tab.path] ?? 'source');
  const { toggleMarkdownPreview, toggleRendered } = useEditor();
  if (tab.kind !== 'text' || !isMarkdown(tab.path)) return null;
  return (
    <div className="editor-toolbar">
      <code className="doc-path" title={tab.path}>
        {tab.path}
      </code>
      <button type="button" className="icon-button" title="Markdown: Toggle Source (Ctrl+Shift+V)" onClick={() => toggleRendered(tab.path)}>
        {mode === 'rendered' ? 'Show source' : 'Show rendered'}
      </button>
      <button type="button" className="icon-button" aria-pressed={mode === 'split'} title="Markdown: Source Beside Preview (Ctrl+Alt+V)" onClick={() => toggleMarkdownPreview(tab.path)}>
        {mode === 'split' ? 'Hide preview' : 'Open preview to the side'}
      </button>
    </div>
  );
}

export function EditorPane() {
  const { tabs, active, comparing } = useEditor();
  const mode = useEditor((s) => (active ? (s.viewMode[active] ?? 'source') : 'source'));
  const tab = tabs.find((t) => t.path === active);
  const isText = Boolean(tab && tab.kind === 'text');
  const markdown = isText && isMarkdown(tab!.path);
  const showDiff = isText && comparing === tab!.path;
  const rendered = markdown && mode === 'rendered' && !showDiff;
  const showText = isText && !rendered;
  const showPreview = markdown && mode === 'split' && !showDiff;
  return (
    <section className="pane editor-pane" role="region" aria-label="Editor">
      <TabStrip />
      {tab?.conflict && <ConflictBar tab={tab} />}
      {tab && <EditorToolbar tab={tab} />}
      <div className={showPreview ? 'editor-body split' : rendered ? 'editor-body rendered' : 'editor-body'}>
        {!tab && (
          <div className="empty editor-empty">
            <p>No file is open.</p>
            <p>
              Open one from the Files tab, with <kbd>Ctrl+P</kbd> (Go to File), or press <kbd>Enter</kbd> on a task to open its line.{' '}
              <kbd>Ctrl+Shift+P</kbd> lists every command.
            </p>
          </div>
        )}
        {tab && tab.kind === 'trace' && <TraceView />}
        {tab && tab.kind === 'report' && <EvidenceReportView />}
        {tab && tab.kind !== 'text' && tab.kind !== 'trace' && tab.kind !== 'report' && <FileNotice tab={tab} />}
        {/* The editor stays mounted while text tabs are open, so models keep their undo stacks. */}
        {tabs.some((t) => t.kind === 'text') && (
          <div className="editor-frame" hidden={!showText || showDiff}>
            <MonacoView path={tab && tab.kind === 'text' ? tab.path : (tabs.find((t) => t.kind === 'text')?.path ?? '')} />
          </div>
        )}
        {showDiff && <DiffView path={tab!.path} />}
        {(showPreview || rendered) && <MarkdownPreview key={tab!.path} path={tab!.path} beside={showPreview} />}
      </div>
    </section>
  );
}
