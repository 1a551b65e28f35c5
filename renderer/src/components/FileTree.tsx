// The Files tab: the workspace tree, folders listed lazily as they open.
import type { DirEntry } from '../../../shared/api/contract';
import { useEditor } from '../stores/editor-store';
import { useFiles } from '../stores/files-store';

function Entries({ dir, depth }: { dir: string; depth: number }) {
  const entries = useFiles((s) => s.children[dir]);
  if (!entries) return <li className="empty">Loading…</li>;
  return (
    <>
      {entries.map((entry) => (
        <Entry key={entry.path} entry={entry} depth={depth} />
      ))}
    </>
  );
}

function Entry({ entry, depth }: { entry: DirEntry; depth: number }) {
  const expanded = useFiles((s) => Boolean(s.expanded[entry.path]));
  const toggle = useFiles((s) => s.toggle);
  const open = useEditor((s) => s.open);
  const active = useEditor((s) => s.active === entry.path);
  const isDir = entry.kind === 'dir';
  return (
    <li role="treeitem" aria-expanded={isDir ? expanded : undefined} aria-selected={active}>
      <button
        type="button"
        className={active ? 'file-entry active' : 'file-entry'}
        style={{ paddingLeft: 8 + depth * 12 }}
        onClick={() => (isDir ? void toggle(entry.path) : void open(entry.path))}
      >
        <span className="file-icon" aria-hidden="true">
          {isDir ? (expanded ? '▾' : '▸') : '·'}
        </span>
        {entry.name}
      </button>
      {isDir && expanded && (
        <ul role="group">
          <Entries dir={entry.path} depth={depth + 1} />
        </ul>
      )}
    </li>
  );
}

export function FileTree() {
  return (
    <ul className="file-tree" role="tree" aria-label="Files">
      <Entries dir="" depth={0} />
    </ul>
  );
}
