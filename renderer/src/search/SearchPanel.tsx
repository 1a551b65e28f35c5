// The Search tab (Ctrl/Cmd+Shift+F): full-text search over the index; a hit opens the file at its line.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TextSearchHit } from '../../../shared/api/contract';
import { splitPath } from '../path-parts';
import { previewAroundMatch } from './hit-preview';
import { useEditor } from '../stores/editor-store';
import { useSearch, type SearchOptions } from '../stores/search-store';

function groupByFile(hits: TextSearchHit[]): [string, TextSearchHit[]][] {
  const groups = new Map<string, TextSearchHit[]>();
  for (const hit of hits) {
    const group = groups.get(hit.path);
    if (group) group.push(hit);
    else groups.set(hit.path, [hit]);
  }
  return [...groups];
}

/** The hit's line with the match marked (`previewColumn` is where it sits in the trimmed line). */
function HitPreview({ hit }: { hit: TextSearchHit }) {
  const { before, match, after } = previewAroundMatch(hit.preview, hit.previewColumn, hit.length);
  return (
    <span className="hit-preview">
      {before}
      <mark>{match}</mark>
      {after}
    </span>
  );
}

function FileGroup({ path, hits }: { path: string; hits: TextSearchHit[] }) {
  const [open, setOpen] = useState(true);
  const openFile = useEditor((s) => s.open);
  const { name, folder } = splitPath(path);
  return (
    <li>
      <button type="button" className="result-file" title={path} aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="twisty" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="result-name">{name}</span>
        {folder && <span className="result-folder">{folder}</span>}
        <span className="result-count" aria-label={`${hits.length} ${hits.length === 1 ? 'match' : 'matches'}`}>
          {hits.length}
        </span>
      </button>
      {open && (
        <ul aria-label={`Matches in ${path}`}>
          {hits.map((hit) => (
            <li key={`${hit.line}:${hit.column}`}>
              <button
                type="button"
                className="result-line"
                title={`${path}:${hit.line}:${hit.column}`}
                onClick={() => void openFile(hit.path, { line: hit.line, column: hit.column, length: hit.length, preview: true })}
              >
                <span className="line-no">{hit.line}</span> <HitPreview hit={hit} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function SearchResults({ groups }: { groups: [string, TextSearchHit[]][] }) {
  return (
    <ul className="search-results" aria-label="Search results">
      {groups.map(([path, hits]) => (
        <FileGroup key={path} path={path} hits={hits} />
      ))}
    </ul>
  );
}

function Toggle({ name, label, title }: { name: 'regex' | 'caseSensitive' | 'wholeWord'; label: string; title: string }) {
  const on = useSearch((s) => s.options[name]);
  const setOption = useSearch((s) => s.setOption);
  return (
    <button
      type="button"
      className={on ? 'toggle on' : 'toggle'}
      aria-pressed={on}
      aria-label={title}
      title={title}
      onClick={() => setOption(name, !on)}
    >
      {label}
    </button>
  );
}

function GlobField({ name, label }: { name: keyof Pick<SearchOptions, 'include' | 'exclude'>; label: string }) {
  const value = useSearch((s) => s.options[name]);
  const setOption = useSearch((s) => s.setOption);
  return (
    <label className="glob-field">
      {label}
      <input value={value} placeholder="e.g. src/**, *.md" onChange={(e) => setOption(name, e.target.value)} />
    </label>
  );
}

export function SearchPanel() {
  // Field by field: the store also carries index progress, which must not re-render this list.
  const query = useSearch((st) => st.query);
  const setQuery = useSearch((st) => st.setQuery);
  const run = useSearch((st) => st.run);
  const result = useSearch((st) => st.result);
  const error = useSearch((st) => st.error);
  const searching = useSearch((st) => st.searching);
  const groups = useMemo(() => (result ? groupByFile(result.hits) : []), [result]);
  const options = useSearch((s) => s.options);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  // Search as you type, as VS Code does; a short pause keeps keystrokes from queueing queries.
  useEffect(() => {
    const timer = setTimeout(() => void run(), 150);
    return () => clearTimeout(timer);
  }, [query, options, run]);
  return (
    <div className="search-panel">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault(); // searching follows the fields; Enter must not reload the page
        }}
      >
        <div className="search-row">
          <input ref={input} aria-label="Search text" value={query} placeholder="Search" onChange={(e) => setQuery(e.target.value)} />
          <Toggle name="caseSensitive" label="Aa" title="Match case" />
          <Toggle name="wholeWord" label="ab" title="Match whole word" />
          <Toggle name="regex" label=".*" title="Use regular expression" />
        </div>
        <GlobField name="include" label="Files to include" />
        <GlobField name="exclude" label="Files to exclude" />
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <p className="search-summary" role="status">
          {searching ? 'Searching… ' : ''}
          {result.hits.length} {result.hits.length === 1 ? 'result' : 'results'} in {groups.length} {groups.length === 1 ? 'file' : 'files'}
          {result.truncated ? ' (limit reached)' : ''}
        </p>
      )}
      {result && <SearchResults groups={groups} />}
    </div>
  );
}
