// Opens another folder: the native dialog in the desktop app, a path field in the browser.
import { useState } from 'react';
import { useWorkspace } from '../stores/workspace-store';

export function OpenFolderForm({ onDone }: { onDone(): void }) {
  const [path, setPath] = useState('');
  const { openFolder, openError } = useWorkspace();
  return (
    <form
      className="open-folder"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await openFolder(path.trim())) onDone();
      }}
    >
      <label>
        Folder path
        <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/path/to/repository" autoFocus />
      </label>
      <button type="submit" disabled={path.trim() === ''}>
        Open
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {openError && (
        <p role="alert" className="error">
          {openError}
        </p>
      )}
    </form>
  );
}
