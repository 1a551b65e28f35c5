// Quick open (Ctrl/Cmd+P): fuzzy file search over the index, ranked by the backend.
import { useEffect, useRef, useState } from 'react';
import type { FileSearchHit } from '../../../shared/api/contract';
import { api } from '../api/client-instance';
import { errorMessage } from '../api/error-message';
import { useEditor } from '../stores/editor-store';

function Highlighted({ hit }: { hit: FileSearchHit }) {
  const marks = new Set(hit.positions);
  return (
    <>
      {[...hit.path].map((ch, i) => (marks.has(i) ? <mark key={i}>{ch}</mark> : <span key={i}>{ch}</span>))}
    </>
  );
}

export function QuickOpen({ onClose }: { onClose(): void }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<FileSearchHit[]>([]);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const open = useEditor((s) => s.open);
  const latest = useRef(0);

  useEffect(() => {
    const run = ++latest.current;
    api()
      .call('search.files', { query, limit: 50 })
      .then(
        (result) => {
          if (run !== latest.current) return;
          setHits(result);
          setSelected(0);
          setError(null);
        },
        (e: unknown) => run === latest.current && setError(errorMessage(e)),
      );
  }, [query]);

  const choose = (hit: FileSearchHit | undefined) => {
    if (!hit) return;
    onClose();
    void open(hit.path);
  };

  return (
    <div className="overlay" onMouseDown={onClose}>
      <div className="quick-open" role="dialog" aria-label="Go to file" onMouseDown={(e) => e.stopPropagation()}>
        <input
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls="quick-open-list"
          aria-label="File name"
          aria-activedescendant={hits[selected] ? `quick-open-${selected}` : undefined}
          value={query}
          placeholder="Search files by name"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setSelected((i) => Math.min(i + 1, hits.length - 1));
            else if (e.key === 'ArrowUp') setSelected((i) => Math.max(i - 1, 0));
            else if (e.key === 'Enter') choose(hits[selected]);
            else if (e.key === 'Escape') onClose();
            else return;
            e.preventDefault();
          }}
        />
        {error && <p className="error">{error}</p>}
        <ul id="quick-open-list" role="listbox" aria-label="Matching files">
          {hits.map((hit, i) => (
            <li
              key={hit.path}
              id={`quick-open-${i}`}
              role="option"
              aria-selected={i === selected}
              className={i === selected ? 'selected' : undefined}
              onMouseDown={() => choose(hit)}
            >
              <Highlighted hit={hit} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
