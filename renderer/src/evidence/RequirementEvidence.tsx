// The Trace view's Evidence column: per task of a requirement, its evidence count and state.
import { useEvidence } from '../stores/evidence-store';
import { evidenceLabel } from './TaskEvidenceBadge';

export function RequirementEvidence({ taskIds }: { taskIds: string[] }) {
  const evidence = useEvidence((s) => s.evidence);
  if (!evidence) return <span className="muted">…</span>;
  if (taskIds.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="evidence-list">
      {taskIds.map((id) => {
        const e = evidence.tasks.find((t) => t.taskId === id);
        if (!e) return null;
        const unbacked = e.taskState === 'done' && e.count === 0;
        return (
          <li key={id} className={unbacked ? 'warn' : e.status === 'suspect' || e.status === 'local' ? 'warn' : undefined}>
            <span className="task-id">{id}</span> {evidenceLabel(e)}
          </li>
        );
      })}
    </ul>
  );
}
