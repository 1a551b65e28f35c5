// The Problems view (Ctrl+Shift+M), a bottom panel under the editor: every diagnostic of every
// spec grouped by file (most severe first, as VS Code), filtered by severity and text, with counts per severity. Virtualised (a
// workspace can have 10,000); Enter or a click opens the file at the line and column.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { Severity } from '../../../shared/specs/model';
import { splitPath } from '../path-parts';
import { markAfterPaint } from '../perf-marks';
import { useEditor } from '../stores/editor-store';
import { useLayout } from '../stores/layout-store';
import { useProblems } from '../stores/problems-store';
import { countBySeverity, problemRows, type ProblemRow } from './problem-rows';

const SEVERITIES: { value: Severity; label: string; icon: string }[] = [
  { value: 'error', label: 'Errors', icon: '⊗' },
  { value: 'warning', label: 'Warnings', icon: '⚠' },
  { value: 'info', label: 'Infos', icon: 'ℹ' },
];

const ICON: Record<Severity, string> = { error: '⊗', warning: '⚠', info: 'ℹ' };

function openProblem(row: ProblemRow): void {
  if (row.kind === 'file') {
    useProblems.getState().toggleFile(row.file);
    return;
  }
  const { pos } = row.problem;
  void useEditor.getState().open(pos.file, { line: pos.line, column: pos.column });
}

export function ProblemsPanel() {
  const list = useProblems((s) => s.list);
  const loaded = useProblems((s) => s.loaded);
  const error = useProblems((s) => s.error);
  const collapsed = useProblems((s) => s.collapsed);
  const filter = useLayout((s) => s.problemsFilter);
  const setFilter = useLayout((s) => s.setProblemsFilter);
  const focusNonce = useLayout((s) => (s.focusRequest?.target === 'problems' ? s.focusRequest.nonce : 0));
  const counts = useMemo(() => countBySeverity(list), [list]);
  const { rows, shown } = useMemo(() => problemRows(list, filter, collapsed), [list, filter, collapsed]);
  const scroller = useRef<HTMLDivElement>(null);
  const filterInput = useRef<HTMLInputElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => 22, overscan: 20, getItemKey: (i) => rows[i]!.key });

  useEffect(() => {
    if (focusNonce) filterInput.current?.focus();
  }, [focusNonce]);
  useEffect(() => {
    if (loaded) markAfterPaint('specdeck:problems-painted');
  }, [loaded, rows]);

  const moveFocus = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const current = (document.activeElement as HTMLElement | null)?.dataset.index;
    if (current === undefined) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(rows.length - 1, Number(current) + (e.key === 'ArrowDown' ? 1 : -1)));
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // The row may only now be rendered: focus it once it is.
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  const summary = `${counts.error} ${counts.error === 1 ? 'error' : 'errors'}, ${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}, ${counts.info} ${counts.info === 1 ? 'info' : 'infos'}`;
  return (
    <section className="pane problems-panel" role="region" aria-label="Problems">
      <div className="problems-header">
        <h2>Problems</h2>
        <span className="problems-counts" data-testid="problems-counts" title={summary}>
          {SEVERITIES.map((s) => (
            <span key={s.value} className={`count-${s.value}`}>
              <span aria-hidden="true">{s.icon}</span> {counts[s.value]} <span className="visually-hidden">{s.label}</span>
            </span>
          ))}
        </span>
        <div className="problems-severities" role="group" aria-label="Show severities">
          {SEVERITIES.map((s) => (
            <button key={s.value} type="button" className="icon-button toggle-button" aria-pressed={filter[s.value]} onClick={() => setFilter({ [s.value]: !filter[s.value] })}>
              {s.label}
            </button>
          ))}
        </div>
        <input
          ref={filterInput}
          type="search"
          className="problems-filter"
          aria-label="Filter problems"
          placeholder="Filter (text, file, code)"
          value={filter.text}
          onChange={(e) => setFilter({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filter.text) {
              e.stopPropagation();
              setFilter({ text: '' });
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              scroller.current?.querySelector<HTMLElement>('[data-index="0"]')?.focus();
            }
          }}
        />
        <span className="problems-shown" role="status">
          {shown === list.length ? `${shown} shown` : `${shown} of ${list.length} shown`}
        </span>
        <button type="button" className="icon-button" aria-label="Close the Problems view" title="Close (Ctrl+Shift+M)" onClick={() => useLayout.getState().toggleProblems()}>
          ×
        </button>
      </div>
      {error && <p className="error">{error}</p>}
      {loaded && !error && rows.length === 0 && <p className="empty">{list.length === 0 ? 'No problems in the specs.' : 'No problem matches the filter.'}</p>}
      <div className="problems-scroller" ref={scroller} onKeyDown={moveFocus}>
        <ul className="problems-list" aria-label="Problems by file" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <li key={item.key} className="problem-slot" style={{ transform: `translateY(${item.start}px)` }}>
                {row.kind === 'file' ? (
                  <button type="button" className="problem-file" data-index={item.index} aria-expanded={!row.collapsed} title={row.file} onClick={() => openProblem(row)}>
                    <span aria-hidden="true">{row.collapsed ? '▸' : '▾'} </span>
                    <span className="problem-file-name">{splitPath(row.file).name}</span> <span className="muted">{splitPath(row.file).folder}</span>{' '}
                    <span className="problem-file-count">{row.count}</span>
                  </button>
                ) : (
                  <button type="button" className={`problem severity-${row.problem.severity}`} data-index={item.index} onClick={() => openProblem(row)}>
                    <span className="problem-icon" aria-label={row.problem.severity}>
                      {ICON[row.problem.severity]}
                    </span>{' '}
                    <span className="problem-message">{row.problem.message}</span> <span className="muted">
                      {row.problem.code} [Ln {row.problem.pos.line}, Col {row.problem.pos.column}]
                    </span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
