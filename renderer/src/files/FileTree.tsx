// The Files tab: the workspace tree, folders listed lazily as they open. A single click opens a
// preview tab, a double click keeps it (as in VS Code).
import { useEffect, useRef } from 'react';
import type { DirEntry } from '../../../shared/api/contract';
import { useEditor } from '../stores/editor-store';
import { useFiles } from '../stores/files-store';
import { useLayout } from '../stores/layout-store';
import { fileIcon } from './file-icons';

function Entries({ dir, depth }: { dir: string; depth: number }) {
  const entries = useFiles((s) => s.children[dir]);
  if (!entries) return <li className="empty">Loading…</li>;
  if (entries.length === 0 && dir === '') return <li className="empty">This folder is empty.</li>;
  return (
    <>
      {entries.map((entry) => (
        <Entry key={entry.path} entry={entry} depth={depth} />
      ))}
    </>
  );
}

function Icon({ entry, expanded }: { entry: DirEntry; expanded: boolean }) {
  if (entry.kind === 'dir') {
    return (
      <span className="file-icon folder" aria-hidden="true">
        {expanded ? '▾' : '▸'}
      </span>
    );
  }
  const icon = fileIcon(entry.name);
  return (
    <span className={`file-icon badge-${icon.kind}`} aria-hidden="true">
      {icon.label}
    </span>
  );
}

function Entry({ entry, depth }: { entry: DirEntry; depth: number }) {
  const expanded = useFiles((s) => Boolean(s.expanded[entry.path]));
  const revealed = useFiles((s) => (s.revealed?.path === entry.path ? s.revealed.nonce : 0));
  const toggle = useFiles((s) => s.toggle);
  const open = useEditor((s) => s.open);
  const active = useEditor((s) => s.active === entry.path);
  const button = useRef<HTMLButtonElement>(null);
  const isDir = entry.kind === 'dir';
  useEffect(() => {
    if (revealed) button.current?.scrollIntoView({ block: 'nearest' });
  }, [revealed]);
  return (
    <li role="treeitem" aria-expanded={isDir ? expanded : undefined} aria-selected={active}>
      <button
        ref={button}
        type="button"
        className={active ? 'file-entry active' : 'file-entry'}
        style={{ paddingLeft: 8 + depth * 12 }}
        onClick={() => (isDir ? void toggle(entry.path) : void open(entry.path, { preview: true }))}
        onDoubleClick={() => !isDir && void open(entry.path)}
      >
        <Icon entry={entry} expanded={expanded} />
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

export function FilesTab() {
  const active = useEditor((s) => s.active);
  const reveal = useFiles((s) => s.reveal);
  return (
    <div className="files-tab">
      <div className="files-tools">
        <button type="button" className="icon-button" disabled={!active} onClick={() => active && void reveal(active)} title="Reveal the active file in the tree">
          Reveal active file
        </button>
      </div>
      <FileTree />
    </div>
  );
}

export function FileTree() {
  const tree = useRef<HTMLUListElement>(null);
  const focusRequest = useLayout((s) => (s.focusRequest?.target === 'files' ? s.focusRequest.nonce : 0));
  useEffect(() => {
    if (focusRequest) tree.current?.querySelector<HTMLElement>('.file-entry.active, .file-entry')?.focus();
  }, [focusRequest]);
  return (
    <ul className="file-tree" role="tree" aria-label="Files" ref={tree}>
      <Entries dir="" depth={0} />
    </ul>
  );
}
