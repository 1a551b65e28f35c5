// The trace as a full editor tab: the selected spec's requirements × tasks × code, with each
// requirement's text, its coverage (per format: OpenSpec "not applicable", Spec Kit stories served
// through their phase heading), the link states, and filters.
import { useMemo, useState } from 'react';
import { plural } from '../../../shared/text/plural';
import { useEditor } from '../stores/editor-store';
import { useSpecs } from '../stores/specs-store';
import { useTrace } from '../stores/trace-store';
import { Piece } from '../tasks/TaskRow';
import { parseInline } from '../../../shared/text/inline-markdown';
import { filterTraceRows, NO_TRACE_FILTER, traceRows, type CoverageState, type LinkFilter, type TraceFilter } from './trace-rows';
import { useEvidence } from '../stores/evidence-store';
import { RequirementEvidence } from '../evidence/RequirementEvidence';

const COVERAGE_LABEL: Record<CoverageState, string> = {
  covered: 'covered',
  'via-phase': 'covered by its phase',
  uncovered: 'no task',
  'not-applicable': 'not applicable',
};

const LINK_FILTERS: { value: LinkFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'linked', label: 'Linked' },
  { value: 'suspect', label: 'Suspect' },
  { value: 'no-code', label: 'No code' },
];

export function TraceView() {
  const { report, accept, installHook } = useTrace();
  const spec = useSpecs((s) => s.selected?.spec);
  const open = useEditor((s) => s.open);
  const openReport = useEvidence((s) => s.openReport);
  const [filter, setFilter] = useState<TraceFilter>(NO_TRACE_FILTER);
  const rows = useMemo(() => (report ? traceRows(report) : []), [report]);
  const shown = useMemo(() => filterTraceRows(rows, filter), [rows, filter]);
  if (!spec) return <p className="empty">Select a spec to see its trace.</p>;
  if (!report || report.specId !== spec.id) return <p className="empty">Reading the trace…</p>;
  const { coverage } = report;
  const notApplicable = report.coverageMode === 'not-applicable';
  const suspectIds = report.tasks.flatMap((t) => t.links.filter((l) => l.state === 'suspect').map((l) => l.id));
  const set = (patch: Partial<TraceFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <div className="trace-view" role="region" aria-label={`Trace of ${spec.title}`}>
      <h2 className="trace-title">
        Trace: {spec.title} <span className="muted">{spec.folder}</span>
      </h2>
      <ul className="trace-coverage" aria-label="Coverage">
        <li>{coverage.linked} linked</li>
        <li className={coverage.suspect > 0 ? 'warn' : undefined}>{coverage.suspect} suspect</li>
        <li className={coverage.orphaned > 0 ? 'warn' : undefined}>{coverage.orphaned} orphaned</li>
        <li className={!notApplicable && coverage.requirementsWithoutTasks.length > 0 ? 'warn' : undefined}>
          {notApplicable ? 'requirement coverage: not applicable (these tasks do not cite requirements)' : `${plural(coverage.requirementsWithoutTasks.length, 'requirement')} without tasks`}
        </li>
        <li className={coverage.doneWithoutCode.length > 0 ? 'warn' : undefined}>{plural(coverage.doneWithoutCode.length, 'done task')} without code</li>
      </ul>
      <div className="trace-actions">
        <input type="search" className="trace-filter" aria-label="Filter the trace" placeholder="Filter (ID, text, task, file)" value={filter.text} onChange={(e) => set({ text: e.target.value })} />
        {!notApplicable && (
          <label className="trace-check">
            <input type="checkbox" checked={filter.uncoveredOnly} onChange={(e) => set({ uncoveredOnly: e.target.checked })} /> Without tasks only
          </label>
        )}
        <span role="radiogroup" aria-label="Links" className="trace-link-filter">
          {LINK_FILTERS.map((f) => (
            <button key={f.value} type="button" role="radio" aria-checked={filter.links === f.value} onClick={() => set({ links: f.value })}>
              {f.label}
            </button>
          ))}
        </span>
        <span className="muted" role="status">
          {shown.length === rows.length ? plural(rows.length, 'requirement') : `${shown.length} of ${plural(rows.length, 'requirement')}`}
        </span>
        {suspectIds.length > 0 && (
          <button type="button" onClick={() => void accept(suspectIds)}>
            Accept all suspect links
          </button>
        )}
        <button type="button" onClick={() => void openReport(report.specId)} title="The evidence report of this spec: progress, matrix, evidence per task, diagnostics">
          Open evidence report
        </button>
        {report.git ? (
          <button type="button" onClick={() => void installHook()} title="Adds Spec-Task: trailers to commit messages while a task is active">
            Install commit hook
          </button>
        ) : (
          <span className="muted">Not a git repository: commit links are off.</span>
        )}
      </div>
      <table className="trace-table">
        <caption className="visually-hidden">Requirements, the tasks that serve them, and their code</caption>
        <thead>
          <tr>
            <th scope="col">Requirement</th>
            <th scope="col">Coverage</th>
            <th scope="col">Tasks</th>
            <th scope="col">Code</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.id} className={`coverage-${row.coverage}`}>
              <th scope="row">
                <button type="button" className="trace-req-id" title="Show it in its document" onClick={() => useSpecs.getState().focusRequirement(row.id)}>
                  {row.id}
                </button>{' '}
                <span className="trace-req-title">{row.title !== row.id ? row.title : ''}</span>
                {row.text && row.text !== row.title && <div className="trace-req-text">{row.text}</div>}
              </th>
              <td className="trace-cov">
                {COVERAGE_LABEL[row.coverage]}
                {row.tasks.length > 0 && <div className="muted">{`${row.doneTasks} of ${plural(row.tasks.length, 'task')} done`}</div>}
              </td>
              <td>
                {row.tasks.length === 0 && <span className="muted">{row.coverage === 'not-applicable' ? '—' : 'no task'}</span>}
                {row.tasks.map((t) => (
                  <div key={t.taskId} className={`trace-task state-${t.state}`}>
                    <span className="task-id">{t.taskId}</span>{' '}
                    {parseInline(t.title).map((p, i) => (
                      <Piece key={i} piece={p} />
                    ))}
                    {row.viaPhase.has(t.taskId) && <span className="chip">phase</span>}
                    <span className="muted"> · {t.state === 'in-progress' ? 'in progress' : t.state}</span>
                  </div>
                ))}
              </td>
              <td>
                {row.links.length === 0 && <span className="muted">no code</span>}
                {row.links.map((l) => (
                  <div key={`${l.id}-${l.taskId}`}>
                    <button type="button" className={`trace-link link-${l.state}`} title={`${l.taskKey} — ${l.state}${l.reasons.length ? ` (${l.reasons.join(', ')})` : ''}`} onClick={() => void open(l.path, { line: l.startLine })}>
                      {l.path}:{l.startLine}
                    </button>{' '}
                    <span className={l.state === 'linked' ? 'muted' : 'warn'}>{l.state}</span>
                  </div>
                ))}
              </td>
              <td>
                <RequirementEvidence taskIds={row.tasks.map((t) => t.taskId)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p className="empty">{rows.length === 0 ? 'This spec has no requirements.' : 'No requirement matches the filters.'}</p>}
      {report.orphaned.length > 0 && (
        <section aria-label="Orphaned links">
          <h3>Links whose task is gone</h3>
          <ul>
            {report.orphaned.map((l) => (
              <li key={l.id}>
                {l.taskKey}: {l.path}:{l.startLine}-{l.endLine}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
