// The centre pane (landmark "Editor"): tabs, the editor, a markdown preview beside markdown files,
// and the conflict bar (compare / overwrite / reload) when the file changed on disk.
import { useEditor, type Tab } from '../stores/editor-store';
import { DiffView } from './DiffView';
import { MarkdownPreview } from './MarkdownPreview';
import { MonacoView } from './MonacoView';
import { TabStrip } from './TabStrip';

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
  const previewing = useEditor((s) => Boolean(s.markdownPreview[tab.path]));
  const toggle = useEditor((s) => s.toggleMarkdownPreview);
  if (tab.kind !== 'text' || !isMarkdown(tab.path)) return null;
  return (
    <div className="editor-toolbar">
      <button type="button" className="icon-button" aria-pressed={previewing} title="Markdown: Toggle Preview to the Side (Ctrl+Shift+V)" onClick={() => toggle(tab.path)}>
        {previewing ? 'Hide preview' : 'Open preview to the side'}
      </button>
    </div>
  );
}

export function EditorPane() {
  const { tabs, active, comparing } = useEditor();
  const previewing = useEditor((s) => (active ? Boolean(s.markdownPreview[active]) : false));
  const tab = tabs.find((t) => t.path === active);
  const showText = Boolean(tab && tab.kind === 'text');
  const showPreview = showText && previewing && isMarkdown(tab!.path);
  const showDiff = showText && comparing === tab!.path;
  return (
    <section className="pane editor-pane" role="region" aria-label="Editor">
      <TabStrip />
      {tab?.conflict && <ConflictBar tab={tab} />}
      {tab && <EditorToolbar tab={tab} />}
      <div className={showPreview ? 'editor-body split' : 'editor-body'}>
        {!tab && (
          <div className="empty editor-empty">
            <p>No file is open.</p>
            <p>
              Open one from the Files tab, with <kbd>Ctrl+P</kbd> (Go to File), or press <kbd>Enter</kbd> on a task to open its line.
              <kbd>Ctrl+Shift+P</kbd> lists every command.
            </p>
          </div>
        )}
        {tab && tab.kind !== 'text' && <FileNotice tab={tab} />}
        {/* The editor stays mounted while text tabs are open, so models keep their undo stacks. */}
        {tabs.some((t) => t.kind === 'text') && (
          <div className="editor-frame" hidden={!showText || showDiff}>
            <MonacoView path={tab && tab.kind === 'text' ? tab.path : (tabs.find((t) => t.kind === 'text')?.path ?? '')} />
          </div>
        )}
        {showDiff && <DiffView path={tab!.path} />}
        {showPreview && !showDiff && <MarkdownPreview path={tab!.path} />}
      </div>
    </section>
  );
}
