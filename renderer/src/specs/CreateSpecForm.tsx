// Creates a spec from a template (Kiro, Spec Kit or OpenSpec layout). Files are created with
// expectedHash null, so an existing file is never overwritten.
import { useState } from 'react';
import { api } from '../api/client-instance';
import { errorMessage, isConflict } from '../api/error-message';
import { useEditor } from '../stores/editor-store';
import { useSpecs } from '../stores/specs-store';
import { useWorkspace } from '../stores/workspace-store';
import { specFromTemplate, specSlug, TEMPLATE_LAYOUTS, type TemplateLayout } from './spec-templates';

/** Resolves when files.changed names `path`, or after `ms` (the watcher may be slow, not silent). */
function seenByWatcher(path: string, ms: number): { promise: Promise<void>; cancel(): void } {
  let cancel = () => {};
  const promise = new Promise<void>((resolve) => {
    const timer = setTimeout(() => cancel(), ms);
    const off = api().on('files.changed', ({ paths }) => paths.includes(path) && cancel());
    cancel = () => {
      clearTimeout(timer);
      off();
      resolve();
    };
  });
  return { promise, cancel };
}

/**
 * Creates the files, never over an existing one (expectedHash null). Folders are made one level
 * at a time, each once the watcher has reported its parent: on Linux the watcher does not watch
 * folders created below a new folder in one go (parcel-bundler/watcher#97), and the spec would
 * stay unseen — now and at every later edit.
 */
async function writeNewFiles(files: { path: string; content: string }[]): Promise<void> {
  const folders = [...new Set(files.flatMap((f) => f.path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))))];
  for (const folder of folders.sort((a, b) => a.split('/').length - b.split('/').length)) {
    const seen = seenByWatcher(folder, 1000);
    const { created } = await api().call('fs.mkdir', { path: folder });
    if (created) await seen.promise;
    else seen.cancel();
  }
  for (const file of files) await api().call('fs.write', { path: file.path, content: file.content, expectedHash: null });
}

export function CreateSpecForm({ onDone, intro }: { onDone?(): void; intro?: boolean }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const slug = specSlug(name);

  const create = async (layout: TemplateLayout) => {
    const spec = specFromTemplate(layout, slug, useSpecs.getState().list);
    setBusy(true);
    setError(null);
    try {
      await writeNewFiles(spec.files);
      useWorkspace.getState().notify({ kind: 'info', text: `Created ${spec.id}` });
      await useSpecs.getState().selectWhenListed(spec.id);
      void useEditor.getState().open(spec.files[0]!.path);
      onDone?.();
    } catch (e) {
      setError(isConflict(e) ? `${spec.id} already exists: pick another name.` : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="create-spec"
      aria-label="Create a spec"
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        // Escape closes the inline form (the empty-workspace one stays: it is the page's content).
        if (e.key === 'Escape' && onDone) {
          e.preventDefault();
          e.stopPropagation();
          onDone();
        }
      }}
    >
      {intro && (
        <p>
          No specs found in this folder. Specdeck reads Kiro (<code>.kiro/specs/*/</code>), Spec Kit (<code>specs/NNN-*/</code>)
          and OpenSpec (<code>openspec/</code>) layouts. Create one from a template:
        </p>
      )}
      <label>
        Spec name
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. user-login" autoFocus={!intro} />
      </label>
      <div className="create-spec-buttons">
        {TEMPLATE_LAYOUTS.map((t) => (
          <button key={t.layout} type="button" disabled={slug === '' || busy} title={t.where.replace('<name>', slug || '<name>')} onClick={() => void create(t.layout)}>
            Create {t.label} spec
          </button>
        ))}
        {onDone && (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
