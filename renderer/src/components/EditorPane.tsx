// The centre pane (landmark "Editor"): tabs with dirty markers, the editor, file notices.
import { useEditor, type Tab } from '../stores/editor-store';
import { MonacoView } from './MonacoView';

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

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
  const { overwrite, reload } = useEditor();
  return (
    <div className="conflict-bar" role="alert">
      {tab.path} changed on disk since you opened it. Your text is kept.
      <button type="button" onClick={() => void overwrite(tab.path)}>
        Overwrite disk
      </button>
      <button type="button" onClick={() => void reload(tab.path)}>
        Reload from disk (discard mine)
      </button>
    </div>
  );
}

export function EditorPane() {
  const { tabs, active, activate, close } = useEditor();
  const tab = tabs.find((t) => t.path === active);
  return (
    <section className="pane editor-pane" role="region" aria-label="Editor">
      <div className="tab-strip" role="tablist" aria-label="Open files">
        {tabs.map((t) => (
          <div key={t.path} className={t.path === active ? 'tab active' : 'tab'}>
            <button type="button" role="tab" aria-selected={t.path === active} title={t.path} onClick={() => activate(t.path)}>
              {t.path.slice(t.path.lastIndexOf('/') + 1)}
              {t.dirty && (
                <span className="dirty-marker" aria-label="unsaved changes" data-testid="dirty-marker">
                  {' ●'}
                </span>
              )}
            </button>
            <button type="button" className="tab-close" aria-label={`Close ${t.path}`} onClick={() => close(t.path)}>
              ×
            </button>
          </div>
        ))}
      </div>
      {tab?.conflict && <ConflictBar tab={tab} />}
      <div className="editor-body">
        {!tab && <p className="empty">Open a file from the Files tab, or a task&apos;s spec, to edit it.</p>}
        {tab && tab.kind !== 'text' && <FileNotice tab={tab} />}
        {/* The editor stays mounted while text tabs are open, so models keep their undo stacks. */}
        {tabs.some((t) => t.kind === 'text') && (
          <div className="editor-frame" hidden={!tab || tab.kind !== 'text'}>
            <MonacoView path={tab && tab.kind === 'text' ? tab.path : (tabs.find((t) => t.kind === 'text')?.path ?? '')} />
          </div>
        )}
      </div>
    </section>
  );
}
