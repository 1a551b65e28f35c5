// Compare after a save conflict: the file on disk (left, read-only) against the editor's text
// (right, still editable). Nothing is written until the user picks Overwrite or Reload.
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client-instance';
import { errorMessage } from '../api/error-message';
import { getModel } from './monaco/models';
import { monaco } from './monaco/setup';
import { useColorScheme } from '../use-color-scheme';

export function DiffView({ path }: { path: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const scheme = useColorScheme();

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    api()
      .call('fs.read', { path })
      .then(
        (disk) => {
          const modified = getModel(path);
          if (disposed || !host.current || !modified) return;
          const diskText = disk.kind === 'text' ? disk.content : '';
          const original = monaco.editor.createModel(diskText, modified.getLanguageId());
          const diff = monaco.editor.createDiffEditor(host.current, {
            automaticLayout: true,
            readOnly: false,
            originalEditable: false,
            renderSideBySide: true,
            minimap: { enabled: false },
            ariaLabel: `Compare ${path}: disk on the left, your text on the right`,
          });
          diff.setModel({ original, modified });
          cleanup = () => {
            diff.setModel(null);
            diff.dispose();
            original.dispose();
          };
        },
        (e: unknown) => !disposed && setError(e && typeof e === 'object' && 'code' in e && e.code === 'NOT_FOUND' ? `${path} was deleted on disk.` : errorMessage(e)),
      );
    return () => {
      disposed = true;
      cleanup();
    };
  }, [path]);

  useEffect(() => {
    monaco.editor.setTheme(scheme === 'dark' ? 'vs-dark' : 'vs');
  }, [scheme]);

  return (
    <div className="diff-view" data-testid="diff-view">
      <div className="diff-legend">
        <span>On disk</span>
        <span>Your text</span>
      </div>
      {error ? <p className="error">{error}</p> : <div className="diff-host" ref={host} />}
    </div>
  );
}
