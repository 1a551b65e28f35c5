// A task's evidence in its row: the count and state, and for a done task with nothing behind it a
// quiet marker (text, not a dialog) that goes away once a link, commit, tag or test backs it.
import type { EvidenceStatus, TaskEvidence } from '../../../shared/evidence/model';
import type { Task } from '../../../shared/specs/model';
import { useTaskEvidence } from '../stores/evidence-store';

const STATUS: Record<EvidenceStatus, string> = { none: 'no evidence', fresh: 'evidence', suspect: 'suspect evidence', local: 'local evidence only' };

export function evidenceLabel(e: TaskEvidence): string {
  if (e.count === 0) return e.taskState === 'done' ? 'Done without evidence' : 'No evidence yet';
  return `${e.count} ${e.count === 1 ? 'piece' : 'pieces'} of ${STATUS[e.status]}`;
}

/**
 * A done task always gets a line once its evidence is in (what backs it, or that nothing does), so
 * that line is held empty until then: the evidence arrives a moment after the tasks, and rows
 * pushed down under the pointer turn a click into a miss.
 */
const RESERVED = (
  <div className="task-evidence" aria-hidden="true">
    {'\u00a0'}
  </div>
);

export function TaskEvidenceBadge({ specId, task }: { specId: string; task: Pick<Task, 'id' | 'state'> }) {
  const e = useTaskEvidence(specId, task.id);
  // Not loaded, or loaded before this task was ticked or unticked: reserve the line a done task will have.
  if (!e || e.taskState !== task.state) return task.state === 'done' ? RESERVED : null;
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
