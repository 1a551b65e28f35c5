// The right pane (landmark "Tasks"): the selected spec's tasks as a collapsible, filterable,
// virtualised tree. One tab stop for the list (roving tabindex); arrows move, Space ticks.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { TraceLink } from '../../../shared/api/contract';
import { markAfterPaint } from '../perf-marks';
import { useLayout } from '../stores/layout-store';
import { useSpecs } from '../stores/specs-store';
import { linksByTaskId, useTrace } from '../stores/trace-store';
import { TRACE_TAB, useEditor } from '../stores/editor-store';
import { useTaskFilter, useTasksView, type TaskFilter } from '../stores/tasks-store';
import { openTaskLine, toggleTask, toggleTaskInProgress } from './task-actions';
import { countTasks, isSectionRow, visibleRows } from './task-tree';
import { SectionHeader, TaskRow } from './TaskRow';

const FILTERS: { value: TaskFilter; label: string; title?: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'ready', label: 'Ready', title: 'Open tasks whose dependencies are done (and that are not blocked)' },
  { value: 'done', label: 'Done' },
  { value: 'all', label: 'All' },
];

function FilterBar({ specId, open, ready, done, total, hasWaves }: { specId: string; open: number; ready: number; done: number; total: number; hasWaves: boolean }) {
  const { setFilter, groupByWave, setGroupByWave } = useTasksView();
  const filter = useTaskFilter(specId);
  const count: Record<TaskFilter, number> = { open, ready, done, all: total };
  return (
    <div className="task-toolbar">
      <div className="task-filter" role="radiogroup" aria-label="Show tasks">
        {FILTERS.map((f) => (
          <button key={f.value} type="button" role="radio" aria-checked={filter === f.value} title={f.title} onClick={() => setFilter(f.value, specId)}>
            {f.label} <span className="count">{count[f.value]}</span>
          </button>
        ))}
      </div>
      {hasWaves && (
        <button type="button" className="icon-button" aria-pressed={groupByWave} onClick={() => setGroupByWave(!groupByWave)}>
          Group by wave
        </button>
      )}
    </div>
  );
}

/** Keys that move the focus, the same on task and group rows: index → new index (clamped by moveTo). */
const MOVES: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (i) => i + 1,
  ArrowUp: (i) => i - 1,
  Home: () => 0,
  End: (_, last) => last,
  PageDown: (i) => i + 15,
  PageUp: (i) => i - 15,
};

const NO_LINKS: TraceLink[] = [];
const NONE_COLLAPSED: Record<string, boolean> = {};

function TaskTree() {
  const spec = useSpecs((s) => s.selected?.spec)!;
  const { focusedKey, setFocused, groupByWave } = useTasksView();
  const filter = useTaskFilter(spec.id);
  const collapsed = useTasksView((s) => s.collapsed[spec.id] ?? NONE_COLLAPSED);
  const toggleCollapsed = (key: string, value?: boolean) => useTasksView.getState().toggleCollapsed(spec.id, key, value);
  const ready = useMemo(() => new Set(spec.dependencies?.ready ?? []), [spec.dependencies]);
  const rows = useMemo(
    () => visibleRows(spec.tasks, filter, collapsed, { ready, byWave: groupByWave ? spec.dependencies : null, sections: true }),
    [spec.tasks, spec.dependencies, filter, collapsed, ready, groupByWave],
  );
  const knownRequirements = useMemo(() => new Set(spec.requirements.map((r) => r.id)), [spec.requirements]);
  const report = useTrace((s) => s.report);
  const linksByTask = useMemo(() => linksByTaskId(report), [report]);
  const scroller = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => {
      const row = rows[i]!;
      if (isSectionRow(row)) return 28;
      return (row.task.refs.length > 0 ? 50 : 28) + (row.waveHeader ? 26 : 0); // chips and wave headers make rows taller
    },
    overscan: 12,
    getItemKey: (i) => rows[i]!.key,
  });
  const items = virtualizer.getVirtualItems();
  const focusedIndex = rows.findIndex((r) => r.key === focusedKey);
  const tabStopKey = focusedIndex >= 0 && items.some((i) => i.index === focusedIndex) ? focusedKey : rows[items[0]?.index ?? -1]?.key;

  useEffect(() => markAfterPaint('specdeck:workbench-painted'), []);

  const focusRequest = useLayout((s) => (s.focusRequest?.target === 'tasks' ? s.focusRequest.nonce : 0));
  useEffect(() => {
    if (focusRequest) scroller.current?.querySelector<HTMLElement>('[data-row-focus][tabindex="0"]')?.focus();
  }, [focusRequest]);

  // Moving focus to a row that is not rendered yet: scroll to it, then focus it once it is.
  useEffect(() => {
    const key = pendingFocus.current;
    if (!key) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-task-key="${CSS.escape(key)}"] [data-row-focus]`);
    if (el) {
      pendingFocus.current = null;
      el.focus();
    }
  });

  const moveTo = (index: number) => {
    const row = rows[Math.max(0, Math.min(index, rows.length - 1))];
    if (!row) return;
    pendingFocus.current = row.key;
    setFocused(row.key);
    virtualizer.scrollToIndex(rows.indexOf(row), { align: 'auto' });
  };

  const onKey = (index: number) => (e: KeyboardEvent<HTMLElement>) => {
    const row = rows[index]!;
    const isCollapsed = Boolean(collapsed[row.key]);
    const move = MOVES[e.key];
    if (move) moveTo(move(index, rows.length - 1));
    else if (isSectionRow(row)) {
      if (e.key === ' ' || e.key === 'Enter') toggleCollapsed(row.key);
      else if (e.key === 'ArrowRight' && isCollapsed) toggleCollapsed(row.key, false);
      else if (e.key === 'ArrowLeft' && !isCollapsed) toggleCollapsed(row.key, true);
      else return;
    } else if (e.key === ' ') toggleTask(row.task);
    else if (e.key === 's' || e.key === 'S') toggleTaskInProgress(row.task);
    else if (e.key === 'Enter') openTaskLine(row.task);
    else if (e.key === 'ArrowRight' && row.hasChildren && isCollapsed) toggleCollapsed(row.key, false);
    else if (e.key === 'ArrowLeft' && row.hasChildren && !isCollapsed) toggleCollapsed(row.key, true);
    else if (e.key === 'ArrowLeft' && row.task.parentId !== null) {
      const parent = rows.slice(0, index).findLastIndex((r) => !isSectionRow(r) && r.task.id === row.task.parentId);
      if (parent >= 0) moveTo(parent);
    } else return;
    e.preventDefault();
  };

  if (rows.length === 0) {
    const empty =
      filter === 'done'
        ? 'No task is done yet.'
        : filter === 'ready'
          ? 'No task is ready: every open task waits for another, or is blocked. Show “Open” to see them.'
          : 'Every task is done. Show “All” to see them.';
    return <p className="empty">{empty}</p>;
  }
  return (
    <div className="task-scroller" ref={scroller} data-testid="task-scroller">
      <div className="task-list" role="list" aria-label={`Tasks of ${spec.title}`} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              data-task-key={row.key}
              ref={virtualizer.measureElement}
              className="task-slot"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {isSectionRow(row) ? (
                <SectionHeader
                  row={row}
                  tabStop={row.key === tabStopKey}
                  collapsed={Boolean(collapsed[row.key])}
                  onToggle={() => toggleCollapsed(row.key)}
                  onFocus={() => setFocused(row.key)}
                  onKey={onKey(item.index)}
                />
              ) : (
              <TaskRow
                specId={spec.id}
                row={row}
                tabStop={row.key === tabStopKey}
                collapsed={Boolean(collapsed[row.key])}
                knownRequirements={knownRequirements}
                links={linksByTask.get(row.task.id) ?? NO_LINKS}
                onToggleCollapsed={() => toggleCollapsed(row.key)}
                onFocus={() => setFocused(row.key)}
                onKey={onKey(item.index)}
              />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

export function TaskPane() {
  const selected = useSpecs((s) => s.selected);
  const selectedId = useSpecs((s) => s.selectedId);
  const spec = selected?.spec;
  const counts = useMemo(() => (spec ? countTasks(spec.tasks) : null), [spec]);
  const traceOpen = useEditor((s) => s.active === TRACE_TAB);
  return (
    <section className="pane task-pane" role="region" aria-label="Tasks">
      <div className="pane-header">
        <h2 title={spec?.folder}>{spec ? spec.title : 'Tasks'}</h2>
        {counts && (
          <span className="counts" data-testid="task-counts">
            {counts.done}/{counts.total} done{counts.inProgress > 0 ? ` · ${counts.inProgress} in progress` : ''}
          </span>
        )}
        {spec && (
          <button type="button" className="icon-button" aria-pressed={traceOpen} title="Open the trace of this spec as an editor tab" onClick={() => void useEditor.getState().open(TRACE_TAB)}>
            Trace
          </button>
        )}
      </div>
      {counts && counts.total > 0 && (
        <FilterBar
          specId={spec!.id}
          open={counts.open}
          ready={spec?.dependencies?.ready.length ?? 0}
          done={counts.done}
          total={counts.total}
          hasWaves={(spec?.dependencies?.waves.length ?? 0) > 0}
        />
      )}
      <div className="pane-body task-body">
        {!selectedId && <p className="empty">Select a spec in the Specs pane to see its tasks.</p>}
        {selectedId && !spec && <p className="empty">Reading the spec…</p>}
        {spec && spec.tasks.length === 0 && (
          <p className="empty">
            This spec has no tasks yet. Add lines such as <code>- [ ] 1. First step</code> to its{' '}
            {spec.tasksFile ? <code>{spec.tasksFile}</code> : 'tasks.md'}.
          </p>
        )}
        {spec && spec.tasks.length > 0 && <TaskTree />}
      </div>
    </section>
  );
}
