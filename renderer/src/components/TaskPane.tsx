// The right pane (landmark "Tasks"): the selected spec's tasks. Each task is a checkbox whose
// accessible name starts with its ID and title as written in the file.
import type { KeyboardEvent } from 'react';
import type { Task } from '../../../shared/spec/model';
import { useEditor } from '../stores/editor-store';
import { toggledState, useSpecs } from '../stores/specs-store';

function ariaChecked(task: Task): 'true' | 'false' | 'mixed' {
  if (task.state === 'done') return 'true';
  if (task.state === 'in-progress') return 'mixed';
  return 'false';
}

function accessibleName(task: Task): string {
  const name = task.numbered ? `${task.id} ${task.title}` : task.title;
  return task.optional ? `${name} (optional)` : name;
}

function moveFocus(from: HTMLElement, step: 1 | -1): void {
  const all = [...document.querySelectorAll<HTMLElement>('.task-list [role="checkbox"]')];
  all[all.indexOf(from) + step]?.focus();
}

function TaskRow({ task, index }: { task: Task; index: number }) {
  const setTaskState = useSpecs((s) => s.setTaskState);
  const open = useEditor((s) => s.open);
  const toggle = () => void setTaskState(task, toggledState(task));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === ' ') toggle();
    else if (e.key === 'Enter') void open(task.pos.file, task.pos.line);
    else if (e.key === 'ArrowDown') moveFocus(e.currentTarget, 1);
    else if (e.key === 'ArrowUp') moveFocus(e.currentTarget, -1);
    else return;
    e.preventDefault();
  };
  return (
    <li className={`task state-${task.state}`} style={{ paddingLeft: 8 + task.depth * 16 }}>
      <div
        role="checkbox"
        aria-checked={ariaChecked(task)}
        aria-label={accessibleName(task)}
        tabIndex={index === 0 ? 0 : -1}
        className="task-check"
        onClick={toggle}
        onKeyDown={onKeyDown}
        onDoubleClick={() => void open(task.pos.file, task.pos.line)}
      >
        <span className="box" aria-hidden="true">
          {task.state === 'done' ? '✓' : task.state === 'in-progress' ? '–' : task.state === 'unknown' ? task.stateChar : ''}
        </span>
        <span className="task-text">
          {task.numbered && <span className="task-id">{task.id}</span>} {task.title}
          {task.optional && <span className="optional"> optional</span>}
        </span>
      </div>
      {task.refs.length > 0 && (
        <span className="refs" aria-label={`Requirements ${task.refs.join(', ')}`}>
          {task.refs.map((r) => (
            <span key={r} className="chip">
              {r}
            </span>
          ))}
        </span>
      )}
    </li>
  );
}

export function TaskPane() {
  const selected = useSpecs((s) => s.selected);
  const spec = selected?.spec;
  const done = spec?.tasks.filter((t) => t.state === 'done').length ?? 0;
  return (
    <section className="pane task-pane" role="region" aria-label="Tasks">
      <div className="pane-header">
        <h2>{spec ? spec.title : 'Tasks'}</h2>
        {spec && (
          <span className="counts">
            {done}/{spec.tasks.length} done
          </span>
        )}
      </div>
      <div className="pane-body">
        {!spec && <p className="empty">Select a spec to see its tasks.</p>}
        {spec && spec.tasks.length === 0 && <p className="empty">This spec has no tasks yet.</p>}
        {spec && spec.tasks.length > 0 && (
          <ul className="task-list">
            {spec.tasks.map((task, i) => (
              <TaskRow key={`${task.id}:${task.pos.line}`} task={task} index={i} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
