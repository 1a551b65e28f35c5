// Opens another folder. In the browser: a path field, the recent folders, and a folder browser
// (through the API; names of folders only). In the desktop app, where the page may open only
// folders the main process granted: the native dialog (the preload's specdeckHost) and the recent
// folders, which are granted (./folder-opening.ts). Escape closes the form.
import { useEffect, useState } from 'react';
import type { FolderListing } from '../../../shared/api/contract';
import { api } from '../api/client-instance';
import { errorMessage } from '../api/error-message';
import { useWorkspace } from '../stores/workspace-store';
import { folderOpening, openWithHostDialog } from './folder-opening';

export function OpenFolderForm({ onDone }: { onDone(): void }) {
  const [path, setPath] = useState('');
  const [recent, setRecent] = useState<string[]>([]);
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [browseError, setBrowseError] = useState<string | null>(null);
  const { openFolder, openError } = useWorkspace();
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [opening] = useState(() => folderOpening(window));

  useEffect(() => {
    let live = true;
    api()
      .call('workspace.recent', {})
      .then((r) => live && setRecent(r.folders.filter((f) => f !== useWorkspace.getState().info?.root)))
      .catch(() => {}); // an older backend: no list
    return () => {
      live = false;
    };
  }, []);

  const open = async (folder: string) => {
    if (await openFolder(folder)) onDone();
  };
  const browse = async (folder?: string) => {
    try {
      const next = await api().call('workspace.browse', folder ? { path: folder } : {});
      setListing(next);
      setPath(next.path);
      setBrowseError(null);
    } catch (error) {
      setBrowseError(errorMessage(error));
    }
  };
  const chooseWithDialog = async () => {
    if (opening.kind !== 'host-dialog') return;
    setChoosing(true);
    const result = await openWithHostDialog(opening.host);
    setChoosing(false);
    if (result.kind === 'opened') onDone();
    else setDialogError(result.kind === 'failed' ? result.message : null);
  };
  const typed = opening.kind === 'typed-path';

  return (
    <form
      className="open-folder"
      aria-label="Open a folder"
      onSubmit={async (e) => {
        e.preventDefault();
        if (typed) await open(path.trim());
        else await chooseWithDialog();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onDone();
        }
      }}
    >
      {typed ? (
        <>
          <label>
            Folder path
            <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/path/to/repository" autoFocus />
          </label>
          <button type="submit" disabled={path.trim() === ''}>
            Open
          </button>
          <button type="button" onClick={() => void browse(path.trim() || listing?.path || useWorkspace.getState().info?.root)}>
            Browse…
          </button>
        </>
      ) : (
        <button type="submit" disabled={choosing} autoFocus>
          Choose a folder…
        </button>
      )}
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {dialogError && (
        <p role="alert" className="error">
          {dialogError}
        </p>
      )}
      {openError && (
        <p role="alert" className="error">
          {openError}
        </p>
      )}
      {recent.length > 0 && !listing && (
        <div className="open-list">
          <h3 id="recent-folders-title">Recent folders</h3>
          <ul aria-labelledby="recent-folders-title">
            {recent.map((folder) => (
              <li key={folder}>
                <button type="button" title={folder} onClick={() => void open(folder)}>
                  <span className="open-name">{folder.slice(folder.lastIndexOf('/') + 1) || folder}</span> <span className="muted">{folder}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {browseError && <p className="error">{browseError}</p>}
      {listing && (
        <div className="open-list">
          <h3 id="browse-title" title={listing.path}>
            Folders in {listing.path}
          </h3>
          <ul aria-labelledby="browse-title">
            {listing.parent && (
              <li>
                <button type="button" onClick={() => void browse(listing.parent!)} aria-label="Up to the parent folder">
                  ..
                </button>
              </li>
            )}
            {listing.folders.map((f) => (
              <li key={f.path}>
                <button type="button" title={`Show the folders in ${f.path}`} onClick={() => void browse(f.path)}>
                  📁 {f.name}
                </button>
              </li>
            ))}
          </ul>
          {listing.folders.length === 0 && <p className="muted">No sub-folders.</p>}
          {listing.truncated && <p className="muted">Only the first {listing.folders.length} folders are shown: type the path.</p>}
          <button type="button" onClick={() => void open(listing.path)}>
            Open {listing.path.slice(listing.path.lastIndexOf('/') + 1) || listing.path}
          </button>
        </div>
      )}
    </form>
  );
}
