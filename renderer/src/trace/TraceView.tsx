// The selected spec's traceability: requirements × tasks × code, with coverage.
import type { TraceTaskReport } from '../../../shared/api/contract';
import { useEditor } from '../stores/editor-store';
import { useTrace } from '../stores/trace-store';
import { useEvidence } from '../stores/evidence-store';
import { RequirementEvidence } from '../evidence/RequirementEvidence';
import { EvidenceReportView } from '../evidence/EvidenceReportView';

function linkState(task: TraceTaskReport): string {
  if (task.links.length === 0) return 'no code';
  const suspect = task.links.filter((l) => l.state !== 'linked').length;
  return suspect > 0 ? `${task.links.length} links, ${suspect} suspect` : `${task.links.length} linked`;
}

export function TraceView() {
  const { report, accept, installHook } = useTrace();
  const open = useEditor((s) => s.open);
  const openReport = useEvidence((s) => s.openReport);
  if (!report) return <p className="empty">Reading the trace…</p>;
  const tasksById = new Map(report.tasks.map((t) => [t.taskId, t]));
  const { coverage } = report;
  const suspectIds = report.tasks.flatMap((t) => t.links.filter((l) => l.state === 'suspect').map((l) => l.id));
  return (
    <div className="trace-view" aria-label="Traceability">
      <EvidenceReportView />
      <ul className="trace-coverage" aria-label="Coverage">
        <li>{coverage.linked} linked</li>
        <li className={coverage.suspect > 0 ? 'warn' : undefined}>{coverage.suspect} suspect</li>
        <li className={coverage.orphaned > 0 ? 'warn' : undefined}>{coverage.orphaned} orphaned</li>
        <li className={coverage.requirementsWithoutTasks.length > 0 ? 'warn' : undefined}>
          {coverage.requirementsWithoutTasks.length} requirements without tasks
        </li>
        <li className={coverage.doneWithoutCode.length > 0 ? 'warn' : undefined}>{coverage.doneWithoutCode.length} done tasks without code</li>
      </ul>
      <div className="trace-actions">
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
            <th scope="col">Tasks</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {report.requirements.map((req) => (
            <tr key={req.id} className={req.taskIds.length === 0 ? 'uncovered' : undefined}>
              <th scope="row" title={req.title}>
                {req.id}
              </th>
              <td>
                {req.taskIds.length === 0 && <span className="muted">no task</span>}
                {req.taskIds.map((id) => {
                  const task = tasksById.get(id);
                  return (
                    <div key={id} className="trace-task">
                      <span className="task-id">{id}</span> {task?.title}{' '}
                      <span className={task && task.links.some((l) => l.state !== 'linked') ? 'warn' : 'muted'}>({task ? linkState(task) : '?'})</span>
                      {task?.links.map((l) => (
                        <button key={l.id} type="button" className="trace-link" onClick={() => void open(l.path, { line: l.startLine })}>
                          {l.path}:{l.startLine}
                        </button>
                      ))}
                    </div>
                  );
                })}
              </td>
              <td>
                <RequirementEvidence taskIds={req.taskIds} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
