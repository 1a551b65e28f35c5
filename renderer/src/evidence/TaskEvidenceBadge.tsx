// A task's evidence in its row: the count and state, and for a done task with nothing behind it a
// quiet marker (text, not a dialog) that goes away once a link, commit, tag or test backs it.
import type { EvidenceStatus, TaskEvidence } from '../../../shared/evidence/model';
import { useTaskEvidence } from '../stores/evidence-store';

const STATUS: Record<EvidenceStatus, string> = { none: 'no evidence', fresh: 'evidence', suspect: 'suspect evidence', local: 'local evidence only' };

export function evidenceLabel(e: TaskEvidence): string {
  if (e.count === 0) return e.taskState === 'done' ? 'Done without evidence' : 'No evidence yet';
  return `${e.count} ${e.count === 1 ? 'piece' : 'pieces'} of ${STATUS[e.status]}`;
}

export function TaskEvidenceBadge({ taskId }: { taskId: string }) {
  const e = useTaskEvidence(taskId);
  if (!e) return null;
  const unbacked = e.taskState === 'done' && e.count === 0;
  if (e.count === 0 && !unbacked) return null; // open tasks without evidence: nothing to say
  const title = unbacked
    ? 'This task is ticked, but no linked code, commit, @spec tag, changed named file or citing test backs it. Start the task, make the change and save, then tick it.'
    : e.status === 'local'
      ? 'This evidence is only on this machine: commit with a Spec-Task: trailer so others and CI see it.'
      : 'Links, changed named files and citing tests';
  return (
    <div className={`task-evidence evidence-${unbacked ? 'missing' : e.status}`} data-testid="task-evidence" title={title}>
      {unbacked && <span aria-hidden="true">⚠ </span>}
      {evidenceLabel(e)}
    </div>
  );
}
