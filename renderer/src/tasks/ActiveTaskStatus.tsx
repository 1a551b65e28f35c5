// The active task in the status bar: what saves are linked to, and how to end it.
import { useTrace } from '../stores/trace-store';

export function ActiveTaskStatus() {
  const { active, stop, copyTrailer } = useTrace();
  if (!active) return null;
  return (
    <span className="active-task" data-testid="active-task" title={`Saves are linked to ${active.key}`}>
      <span aria-hidden="true">● </span>
      <span className="visually-hidden">Active task </span>
      {active.taskId} {active.title}
      <button type="button" onClick={() => void stop(true)} aria-label={`Complete task ${active.taskId}`}>
        Complete
      </button>
      <button type="button" onClick={() => void stop(false)} aria-label={`Stop working on ${active.taskId}`}>
        Stop
      </button>
      <button type="button" onClick={() => void copyTrailer()} aria-label="Copy the commit trailer for the active task">
        Copy trailer
      </button>
    </span>
  );
}
